// The officers' queue of residents' concerns: new and open cases first, on a list and on a map,
// each opening its case. Administrators set the review threshold here too.
import { useState } from 'preact/hooks'
import { Empty, ErrorMessage, Loading, Pager, formatDate, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { MapView } from '../../map/MapView.tsx'
import { useSession } from '../../session.tsx'
import { CONCERN_KIND_LABELS, CONCERN_STATUS_LABELS, OFFICER_STATUSES } from '../../../../shared/schemas/concerns.ts'
import { concernsApi } from './concernsApi.ts'
import { showConcerns } from './mapLayers.ts'
import { ThresholdSettings } from './ThresholdSettings.tsx'
import './concerns.css'
import { TableScroll } from '../../components/table.tsx'

const PAGE = 50
type Filter = 'open' | typeof OFFICER_STATUSES[number]

export default function QueuePage () {
  usePageTitle("Residents' concerns")
  const { user } = useSession()
  const [status, setStatus] = useState<Filter>('open')
  const [offset, setOffset] = useState(0)
  const { data, error, loading } = useLoad(signal => concernsApi.list({ status, limit: PAGE, offset }, signal), [status, offset])
  return (
    <section>
      <h1>Residents' concerns</h1>
      <p class="lead">Reports from residents and businesses, once they have confirmed their email. Attach each to the venue it is about, keep the reporter informed, and mark it substantiated when you have found it happened.</p>
      <div class="filters">
        <div>
          <label for="concern-status">Show</label>
          <select id="concern-status" value={status} onChange={e => { setStatus(e.currentTarget.value as Filter); setOffset(0) }}>
            <option value="open">Open cases</option>
            {OFFICER_STATUSES.map(s => <option key={s} value={s}>{CONCERN_STATUS_LABELS[s]}</option>)}
          </select>
        </div>
      </div>
      <MapView class="concern-map" label="Map of the concerns shown" onReady={map => showConcerns(map, status, id => { location.assign(`/concerns/${id}`) })} key={status} />
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <Empty>No concerns {status === 'open' ? 'are open' : `are ${CONCERN_STATUS_LABELS[status].toLowerCase()}`}.</Empty>}
      {data && data.items.length > 0 && (
        <TableScroll label="Residents' concerns">
          <table class="table">
            <caption class="visually-hidden">Concerns, newest first</caption>
            <thead><tr><th scope="col">Reference</th><th scope="col">What</th><th scope="col">Venue</th><th scope="col">Status</th><th scope="col">Received</th></tr></thead>
            <tbody>{data.items.map(c => (
              <tr key={c.id}>
                <td><a href={`/concerns/${c.id}`}>{c.reference}</a>{c.repeatOf && <small class="muted"> repeat of {c.repeatOf.reference}</small>}</td>
                <td>{CONCERN_KIND_LABELS[c.kind]}</td>
                <td>{c.premisesName ?? <span class="muted">Not attached</span>}</td>
                <td><span class={`pill ${c.status}`}>{CONCERN_STATUS_LABELS[c.status]}</span>{c.substantiated && <small> · substantiated</small>}</td>
                <td>{formatDate(c.receivedAt, true)}</td>
              </tr>
            ))}</tbody>
          </table>
        </TableScroll>
      )}
      {data && <Pager offset={offset} pageSize={PAGE} total={data.total} onChange={setOffset} />}
      {user && (user.role === 'admin' || user.role === 'licensing_officer') && <ThresholdSettings canEdit={user.role === 'admin'} />}
    </section>
  )
}
