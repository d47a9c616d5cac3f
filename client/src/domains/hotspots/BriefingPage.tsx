// The printable one-page briefing for Christmas operations: a map image of the cells (static
// SVG, works offline and prints crisply), the ten strongest hotspot cells with their streets,
// venues and last year's count, and what was counted.
import { api } from '../../api/client.ts'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { categoryLabel } from '../../../../shared/incident-categories.ts'
import { BIN_LABELS } from '../../../../shared/schemas/hotspots.ts'
import { BIN_COLOURS } from './mapLayers.ts'
import type { Briefing } from '../../../../shared/schemas/hotspots.ts'
import { apiQuery, readState, writeState } from './state.ts'
import { formatLocal } from '../casework/tensApi.ts'
import { TableScroll } from '../../components/table.tsx'
import { plural } from '../../../../shared/plural.ts'


export default function BriefingPage () {
  const state = readState(location.search)
  const briefing = useLoad(signal => api('/api/hotspots/briefing', { query: apiQuery(state), signal }), [location.search])
  if (briefing.loading) return <div style={{ padding: '1rem' }}><Loading label="Preparing the briefing…" /></div>
  if (!briefing.data) return <div style={{ padding: '1rem' }}><ErrorMessage error={briefing.error} /></div>
  const { meta, top, cells, tens } = briefing.data
  const cellNumber = new Map(top.map((c, i) => [c.id, i + 1]))
  const what = meta.categories.length ? meta.categories.map(categoryLabel).join(', ') : 'All incidents'
  const when = `${meta.from} to ${meta.to}${meta.days.length ? `, ${meta.days.join('/')} nights` : ''}${meta.hours ? `, ${meta.hours.replace('-', ':00–')}:00` : ''}`
  return (
    <article class="briefing" style={{ maxWidth: '1000px', margin: '0 auto', padding: '1rem 1.25rem' }}>
      <div class="page-head no-print">
        <a href={`/hotspots?${writeState(state)}`}>← Back to the map</a>
        <button type="button" onClick={() => window.print()}>Print</button>
      </div>
      <h1>Hotspot briefing: {what}</h1>
      <p><strong>{when}</strong>. {plural(meta.n, 'incident')} in {plural(cells.length, 'cell')} of {meta.cellSize} m{meta.weight === 'harm' ? ', weighted by crime harm' : ''}. Compared with {briefing.data.previousFrom} to {briefing.data.previousTo}.</p>
      {meta.significance === false && <p class="warning"><strong>Too few incidents for significance</strong> ({meta.reason}): the cells below are the busiest, not tested hot spots.</p>}
      {meta.excludedMonthPrecision > 0 && <p class="muted">{meta.excludedMonthPrecision} police.uk records dated only by month were not counted.</p>}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: '1rem', alignItems: 'start' }}>
        <CellsSvg cells={cells} top={top} />
        <ul style={{ listStyle: 'none', padding: 0, fontSize: '.85rem' }}>
          {[3, 2, 1, 0, -1, -2, -3].map(bin => <li key={bin}><i style={{ display: 'inline-block', width: '12px', height: '12px', marginRight: '6px', border: '1px solid #999', background: BIN_COLOURS[bin] }} />{BIN_LABELS[bin]}</li>)}
          <li style={{ marginTop: '.4rem' }}>Numbers mark the top 10 cells below.</li>
        </ul>
      </div>
      <h2>Top {plural(top.length, 'cell')}</h2>
      {top.length === 0
        ? <p class="empty">No incidents for these filters.</p>
        : (
          <TableScroll><table class="table" data-testid="briefing-top">
            <thead><tr><th>#</th><th>Streets</th><th>Venues in the cell</th><th class="num">Incidents</th><th class="num">Last year</th><th>Confidence</th></tr></thead>
            <tbody>
              {top.map((c, i) => (
                <tr key={c.id}>
                  <td>{i + 1}</td>
                  <td>{c.streets.length ? c.streets.map(s => s.text.replace(/^On or near /, '')).join('; ') : '—'}<br /><small class="muted">{c.id}</small></td>
                  <td>{c.premises.length ? c.premises.map(p => p.name).join(', ') : <span class="muted">none</span>}</td>
                  <td class="num">{c.count}</td>
                  <td class="num">{c.previous}</td>
                  <td>{BIN_LABELS[c.bin]}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
          )}
      <h2>Temporary events in the next 60 days</h2>
      {tens.length === 0
        ? <p class="empty">No Temporary Event Notices.</p>
        : (
          <TableScroll><table class="table" data-testid="briefing-tens">
            <thead><tr><th>Event</th><th>Venue</th><th class="num">People</th><th>Notice</th><th>In top cell</th></tr></thead>
            <tbody>
              {tens.map(t => (
                <tr key={t.id}>
                  <td>{formatLocal(t.startsAt)} to {formatLocal(t.endsAt)}</td>
                  <td><a href={`/tens/${t.id}`}>{t.premisesName}</a></td>
                  <td class="num">{t.maxPeople}</td>
                  <td>{t.kind}{t.status === 'counter_notice' ? ', counter notice' : ''}</td>
                  <td>{t.topCellId ? <strong>#{cellNumber.get(t.topCellId)}</strong> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
          )}
      <p class="attribution">Getis-Ord Gi* on {meta.cellSize} m cells with Benjamini–Hochberg false discovery control. Contains public sector information licensed under the Open Government Licence v3.0.</p>
    </article>
  )
}

/** The cells as an SVG in a local equirectangular projection (cos(latitude) keeps squares square). */
function CellsSvg ({ cells, top }: Pick<Briefing, 'cells' | 'top'>) {
  const points = cells.flatMap(c => c.geometry.coordinates[0]!)
  const lngs = points.map(p => p[0]!)
  const lats = points.map(p => p[1]!)
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)]
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180)
  const width = 600
  const scale = width / ((maxLng - minLng) * k || 1)
  const height = Math.max(1, (maxLat - minLat) * scale)
  const x = (lng: number) => (lng - minLng) * k * scale
  const y = (lat: number) => (maxLat - lat) * scale
  const path = (c: Briefing['cells'][number]) => c.geometry.coordinates[0]!.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join('') + 'Z'
  return (
    <svg viewBox={`0 0 ${width} ${height.toFixed(0)}`} role="img" aria-label="Map of hotspot cells" style={{ width: '100%', height: 'auto', border: '1px solid #ccc', background: '#fff' }} data-testid="briefing-map">
      {cells.map(c => <path key={c.id} d={path(c)} fill={c.properties.bin === 0 ? (c.properties.count > 0 ? '#f1f1f1' : '#fff') : BIN_COLOURS[c.properties.bin]} stroke="#ddd" stroke-width="0.3" />)}
      {top.map((c, i) => (
        <text key={c.id} x={x(c.centre.lng)} y={y(c.centre.lat)} font-size="12" font-weight="700" text-anchor="middle" dominant-baseline="central" stroke="#fff" stroke-width="3" paint-order="stroke">{i + 1}</text>
      ))}
    </svg>
  )
}
