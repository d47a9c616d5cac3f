// What a clicked cell holds: its numbers, the incidents counted in it and the venues inside.
import { useEffect, useRef } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { categoryLabel } from '../../../../shared/incident-categories.ts'
import { BIN_LABELS } from '../../../../shared/schemas/hotspots.ts'
import type { CellFeature } from './mapLayers.ts'
import { plural } from '../../../../shared/plural.ts'
import { localTimeZone } from '../../settings.ts'
import type { apiQuery } from './state.ts'

const fmt = (x: unknown, digits = 2) => typeof x === 'number' ? x.toFixed(digits) : '—'

export function CellPanel ({ cell, query, onClose }: { cell: CellFeature; query: ReturnType<typeof apiQuery>; onClose: () => void }) {
  const detail = useLoad(signal => api(`/api/hotspots/cells/${cell.properties.id}`, { query, signal }), [cell.properties.id, JSON.stringify(query)])
  const p = cell.properties
  const heading = useRef<HTMLHeadingElement>(null)
  // The panel sits in the side panel, often below the fold: bring it into view and put focus on
  // it, so a click on the map or a choice from the list of cells visibly leads somewhere.
  useEffect(() => {
    heading.current?.closest('section')?.scrollIntoView({ block: 'nearest' })
    heading.current?.focus({ preventScroll: true })
  }, [p.id])
  return (
    <section class="card" aria-labelledby="cell-title" data-testid="cell-panel" style={{ marginTop: '1rem' }}>
      <div class="page-head">
        <h2 id="cell-title" ref={heading} tabIndex={-1} style={{ margin: 0 }}>Cell {p.id}</h2>
        <button class="small secondary" onClick={onClose}>Close</button>
      </div>
      <p>{'previous' in p ? `${plural(p.count, 'incident')}, ${String(p.previous)} a year earlier` : plural(p.count, 'incident')} · {'z' in p && p.z !== null ? `z ${fmt(p.z)}, q ${fmt(p.q, 3)}` : 'not tested'} · {BIN_LABELS[p.bin] ?? ''}</p>
      {detail.loading && <Loading />}
      <ErrorMessage error={detail.error} />
      {detail.data && (
        <>
          <h3>Venues in this cell</h3>
          {detail.data.premises.length === 0
            ? <p class="muted">No licensed premises in this cell.</p>
            : <ul>{detail.data.premises.map(v => <li key={v.id}><a href={`/premises/${v.id}`}>{v.name}</a> <span class="muted">{v.address}</span></li>)}</ul>}
          <h3>Incidents counted ({detail.data.count}{detail.data.count >= 200 ? ', newest 200' : ''})</h3>
          {detail.data.incidents.length === 0
            ? <p class="muted">No incidents in this cell for these filters.</p>
            : (
              <ul style={{ maxHeight: '16rem', overflow: 'auto', paddingLeft: '1.1rem' }}>
                {detail.data.incidents.map(i => (
                  <li key={i.id}>{categoryLabel(i.category)}: {i.timePrecision === 'month' ? new Date(i.occurredAt).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: localTimeZone() }) : formatDate(i.occurredAt, i.timePrecision === 'minute')} <span class="muted">{i.locationText}</span></li>
                ))}
              </ul>
              )}
        </>
      )}
    </section>
  )
}
