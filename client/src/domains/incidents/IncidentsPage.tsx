// The incident list (officers and police) or incident book (venue managers): filters by dates,
// categories, premises and source; paging; CSV export; the monthly trend with a year earlier.
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, download } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, Pager, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { INCIDENT_CATEGORIES } from '../../../../shared/incident-categories.ts'
import { INCIDENT_SOURCES, type Incident, type Trend } from '../../../../shared/schemas/incidents.ts'
import { IncidentTable } from './IncidentTable.tsx'
import { IncidentBookForm } from './IncidentBookForm.tsx'
import { DeleteIncident } from './DeleteIncident.tsx'
import { PremisesPicker, type PickedPremises } from '../../components/PremisesPicker.tsx'
import { TrendChart } from './TrendChart.tsx'
import { SOURCE_LABELS, radiusText, type RadiusSettings } from './format.ts'
import { plural } from '../../../../shared/plural.ts'

const PAGE = 50

export default function IncidentsPage () {
  const { user } = useSession()
  const manager = user?.role === 'venue_manager'
  const { query: urlQuery } = useLocation()
  const [filters, setFilters] = useState({ from: '', to: '', category: '', premisesId: urlQuery.premisesId ?? (manager ? String(user?.premisesIds[0] ?? '') : ''), source: '' })
  const [offset, setOffset] = useState(0)
  const [tick, setTick] = useState(0)
  const [editing, setEditing] = useState<Incident | null>(null)
  const [deleting, setDeleting] = useState<Incident | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const reload = () => setTick(t => t + 1)
  const query = { from: filters.from, to: filters.to, categories: filters.category, premisesId: filters.premisesId, source: filters.source }
  const list = useLoad(signal => api('/api/incidents', { signal, query: { ...query, limit: PAGE, offset } }), [JSON.stringify(query), offset, tick])
  const trendQuery = { categories: filters.category, premisesId: filters.premisesId, source: filters.source }
  const trend = useLoad(signal => (manager && !filters.premisesId) ? Promise.resolve(undefined) : api('/api/incidents/trend', { signal, query: trendQuery }), [JSON.stringify(trendQuery), tick])
  const settings = useLoad(signal => api('/api/incidents/settings', { signal }), [])
  const premises = useLoad(signal => manager
    ? Promise.all(user!.premisesIds.map(id => api(`/api/premises/${id}`, { signal }).catch(() => ({ id, name: `Premises #${id}` }))))
    : Promise.resolve([] as { id: number; name: string }[]), [user?.id])
  // The premises chosen in the filter, by name; one given in the address (a venue's "See all") is named once loaded.
  const [picked, setPicked] = useState<PickedPremises | null>(null)
  useEffect(() => {
    if (manager || !urlQuery.premisesId) return
    api(`/api/premises/${Number(urlQuery.premisesId)}`).then(p => setPicked({ id: p.id, name: p.name, address: p.address })).catch(() => {})
  }, [urlQuery.premisesId])
  const set = (key: keyof typeof filters) => (e: Event) => { setFilters({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value }); setOffset(0) }

  return (
    <section>
      <div class="page-head">
        <h1>{manager ? 'Incident book' : 'Incidents'}</h1>
        {!manager && <p><a href="/incidents/new">Record an incident</a> · <a href="/incidents/import">Import police.uk data</a></p>}
      </div>
      {manager && premises.data && (
        <IncidentBookForm premises={premises.data} editing={editing} onSaved={() => { setEditing(null); reload() }} onCancel={() => setEditing(null)} />
      )}
      {deleting && (
        <DeleteIncident incident={deleting} onCancel={() => setDeleting(null)}
          onDeleted={() => { setDeleting(null); setNotice('Incident deleted.'); reload() }} />
      )}
      {notice && <p class="success" role="status">{notice}</p>}
      <form class="filters" onSubmit={e => e.preventDefault()} aria-label="Filter incidents">
        <label>From <input type="date" value={filters.from} onInput={set('from')} /></label>
        <label>To <input type="date" value={filters.to} onInput={set('to')} /></label>
        <label>Category
          <select value={filters.category} onChange={set('category')}>
            <option value="">All categories</option>
            {INCIDENT_CATEGORIES.map(c => <option key={c.slug} value={c.slug}>{c.label}</option>)}
          </select>
        </label>
        {manager
          ? <label>Premises <select value={filters.premisesId} onChange={set('premisesId')}>{(premises.data ?? []).map(p => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
          : <div class="filter-premises"><label for="filter-premises">Premises</label>
            <PremisesPicker id="filter-premises" value={picked} onChange={p => { setPicked(p); setFilters({ ...filters, premisesId: p ? String(p.id) : '' }); setOffset(0) }} /></div>}
        <label>Source
          <select value={filters.source} onChange={set('source')}>
            <option value="">All sources</option>
            {INCIDENT_SOURCES.map(s => <option key={s} value={s}>{SOURCE_LABELS[s]}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => download('/api/incidents/export.csv', query, 'incidents.csv')}>Export CSV</button>
      </form>
      <p class="muted">police.uk records carry a month, not a date: they are included only when the whole month is inside the dates chosen. {radiusText(settings.data)}</p>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.total === 0 && <Empty>No incidents match these filters.</Empty>}
      {list.data && list.data.total > 0 && (
        <>
          <p role="status">{plural(list.data.total, 'incident')}</p>
          <IncidentTable items={list.data.items}
            onChange={manager ? i => { setDeleting(null); setNotice(null); setEditing(i) } : undefined}
            onDelete={i => { setEditing(null); setNotice(null); setDeleting(i) }} />
          <Pager offset={offset} pageSize={PAGE} total={list.data.total} onChange={setOffset} />
        </>
      )}
      <h2>Trend</h2>
      <ErrorMessage error={trend.error} />
      {trend.data && <TrendChart trend={trend.data} />}
    </section>
  )
}
