// The legend in plain words, and the summary of what the map counted (or could not test).
import { BIN_LABELS, type ChangeCells, type HotspotsMeta } from '../../../../shared/schemas/hotspots.ts'
import { plural } from '../../../../shared/plural.ts'
import { BIN_COLOURS } from './mapLayers.ts'
import type { View } from './state.ts'

const CHANGE_LABELS: Record<number, string> = {
  3: 'Rise, 99% confidence', 2: 'Rise, 95% confidence', 1: 'Rise, 90% confidence', 0: 'No clear change',
  [-1]: 'Fall, 90% confidence', [-2]: 'Fall, 95% confidence', [-3]: 'Fall, 99% confidence'
}

export function Legend ({ view }: { view: View }) {
  const labels = view === 'change' ? CHANGE_LABELS : BIN_LABELS
  return (
    <div class="legend" aria-label="Legend">
      <strong>{view === 'change' ? 'Change against a year earlier' : 'Hot and cold spots (Getis-Ord Gi*)'}</strong>
      <ul style={{ listStyle: 'none', padding: 0, margin: '.3rem 0 0' }}>
        {[3, 2, 1, 0, -1, -2, -3].map(bin => (
          <li key={bin}><i style={{ background: BIN_COLOURS[bin] }} aria-hidden="true" />{labels[bin]}</li>
        ))}
        <li><i style={{ background: '#ffd166', borderRadius: '50%' }} aria-hidden="true" />Licensed premises (red ring: open flag)</li>
      </ul>
      <p class="muted" style={{ margin: '.3rem 0 0', fontSize: '.8rem' }}>
        Confidence after allowing for testing every cell at once (false discovery rate, Benjamini–Hochberg).
      </p>
    </div>
  )
}

/** What the summary reads of either view's meta (Gi* or change); what one view lacks is undefined. */
export type Meta = Pick<HotspotsMeta, 'n' | 'cellSize' | 'excludedMonthPrecision'> & Partial<HotspotsMeta & ChangeCells['meta']>

export function Summary ({ view, meta, bins }: { view: View; meta: Meta; bins: number[] }) {
  const hot = bins.filter(b => b > 0).length
  const cold = bins.filter(b => b < 0).length
  return (
    <div class="hotspot-summary" aria-live="polite" data-testid="hotspot-summary">
      {view === 'change'
        ? <p><strong>{plural(meta.n, 'incident')}</strong> against <strong>{(meta.previousN ?? 0).toLocaleString('en-GB')}</strong> from {meta.previousFrom} to {meta.previousTo}. {plural(hot, 'cell')} rose and {cold} fell with confidence ({plural(meta.tested ?? 0, 'cell')} had enough incidents to test).</p>
        : <p><strong>{plural(meta.n, 'incident')}</strong> in {plural(bins.length, 'cell')} of {meta.cellSize} m{meta.weight === 'harm' ? `, weighted by crime harm (${Math.round(meta.totalHarm ?? 0)} harm days)` : ', counted'}. <span data-testid="hot-count">{plural(hot, 'hot spot cell')}</span>, {plural(cold, 'cold spot cell')}.</p>}
      {view === 'hotspots' && meta.significance === false && (
        <p class="warning" role="status"><strong>No significance test</strong>: {meta.reason}. The counts are shown; no cell is called a hot spot.</p>
      )}
      {meta.excludedMonthPrecision > 0 && (
        <p class="muted">{plural(meta.excludedMonthPrecision, 'police.uk record')} dated only by month {meta.excludedMonthPrecision === 1 ? 'was' : 'were'} left out: they count only when the whole month is inside the dates and no day or hour filter is set.</p>
      )}
      {(meta.excludedDayPrecision ?? 0) > 0 && <p class="muted">{plural(meta.excludedDayPrecision ?? 0, 'record')} with a date but no time {meta.excludedDayPrecision === 1 ? 'was' : 'were'} left out of the hour filter.</p>}
      {meta.nights && <p class="muted">With a day or hour filter, dates are nights: 01:30 on Saturday belongs to Friday night.</p>}
    </div>
  )
}
