// The premises register for officers and police (search, status filter, paging, exports), and
// "My premises" for a venue manager (the API returns only its own premises).
import { useState } from 'preact/hooks'
import { api, download } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, Pager, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { PREMISES_STATUSES, type Premises } from '../../../../shared/schemas/premises.ts'
import { STATUS_LABELS, TIER_LABELS } from './labels.ts'
import { TableScroll } from '../../components/table.tsx'

const PAGE = 50

export default function PremisesList () {
  const { user } = useSession()
  const mine = user?.role === 'venue_manager'
  const initial = new URLSearchParams(location.search)
  const [q, setQ] = useState(initial.get('q') ?? '')
  const [search, setSearch] = useState(initial.get('q') ?? '')
  const [status, setStatus] = useState(initial.get('status') ?? '')
  const [offset, setOffset] = useState(0)
  const [exportError, setExportError] = useState<unknown>(null)
  const { data, error, loading } = useLoad(signal => api('/api/premises', { query: { q: search, status, limit: PAGE, offset }, signal }), [search, status, offset])
  const canExport = user && ['admin', 'licensing_officer', 'police'].includes(user.role)

  const submit = (e: Event) => {
    e.preventDefault()
    setSearch(q.trim())
    setOffset(0)
    history.replaceState(null, '', `${location.pathname}?${new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}) })}`)
  }
  const exportAs = (format: 'csv' | 'geojson') => {
    setExportError(null)
    download(`/api/premises/export.${format}`, { q: search, status }, `premises.${format}`).catch(setExportError)
  }

  return (
    <section>
      <div class="page-head">
        <h1>{mine ? 'My premises' : 'Premises register'}</h1>
        {canExport && (
          <div>
            <button class="secondary small" onClick={() => exportAs('csv')}>Export CSV</button>{' '}
            <button class="secondary small" onClick={() => exportAs('geojson')}>Export GeoJSON</button>
          </div>
        )}
      </div>
      <ErrorMessage error={exportError} />
      {!mine && (
        <form class="filters" role="search" onSubmit={submit}>
          <label>Search premises <input type="search" name="q" value={q} onInput={e => setQ(e.currentTarget.value)} placeholder="Name, address, postcode or licence" /></label>
          <label>Status
            <select value={status} onChange={e => { setStatus(e.currentTarget.value); setOffset(0) }}>
              <option value="">Any status</option>
              {PREMISES_STATUSES.map(s => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
            </select>
          </label>
          <button type="submit">Search</button>
        </form>
      )}
      {loading && <Loading label={data ? 'Searching…' : 'Loading…'} />}
      <ErrorMessage error={error} />
      {data && !loading && data.items.length === 0 && (
        <Empty>{mine ? 'You do not manage any premises yet. Ask the licensing team to link your account to your venue.' : 'No premises match this search.'}</Empty>
      )}
      {data && !loading && data.items.length > 0 && (
        <>
          <p class="muted" aria-live="polite">{data.total} premises{search ? ` matching “${search}”` : ''}</p>
          <TableScroll><table class="table">
            <thead><tr><th scope="col">Premises</th><th scope="col">Licence</th><th scope="col">Status</th><th scope="col">Safety Thirst</th><th scope="col">Map</th></tr></thead>
            <tbody>
              {data.items.map(p => (
                <tr key={p.id}>
                  <td><a href={`/premises/${p.id}`}>{p.name}</a><br /><small class="muted">{[p.address, p.postcode].filter(Boolean).join(', ')}</small></td>
                  <td>{p.licenceNumber ?? '—'}{p.isDemo && <small class="muted"> (demo)</small>}</td>
                  <td><span class={`pill ${p.status}`}>{STATUS_LABELS[p.status]}</span></td>
                  <td>{p.safetyThirst ? TIER_LABELS[p.safetyThirst.tier] ?? p.safetyThirst.tier : '—'}</td>
                  <td>{p.notMapped ? <span class="pill" title="No coordinates: not shown on the map">Not mapped</span> : 'Mapped'}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
          <Pager offset={offset} pageSize={PAGE} total={data.total} onChange={setOffset} />
        </>
      )}
    </section>
  )
}
