// The Safety Thirst home: officers see the year's progress against the target, the applications,
// venues not taking part and the levy list; a venue manager sees its own applications and starts one.
import { useState } from 'preact/hooks'
import { api, download } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { STATUS_LABELS, ST_STATUSES } from '../../../../shared/schemas/safety-thirst.ts'
import { TIER_LABELS } from '../../../../shared/safety-thirst/tier.ts'
import { BarChart } from './BarChart.tsx'
import { stApi, type ApplicationSummary, type VenueRow } from './stApi.ts'
import './st.css'
import { TableScroll } from '../../components/table.tsx'
import { plural } from '../../../../shared/plural.ts'

const thisYear = new Date().getFullYear()

export function StatusPill ({ status, tier }: { status: string; tier?: string | null }) {
  return (
    <span>
      <span class={`pill ${status}`}>{STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status}</span>
      {tier && <> <span class={`pill ${tier}`}>{TIER_LABELS[tier as keyof typeof TIER_LABELS]}</span></>}
    </span>
  )
}

function ApplicationsTable ({ items }: { items: ApplicationSummary[] }) {
  if (!items.length) return <Empty>No applications match.</Empty>
  return (
    <TableScroll><table class="table">
      <thead><tr><th scope="col">Premises</th><th scope="col">Year</th><th scope="col">Status</th><th scope="col">Self-assessment</th><th scope="col">Submitted</th><th scope="col">Valid until</th></tr></thead>
      <tbody>
        {items.map(a => (
          <tr key={a.id}>
            <td><a href={`/safety-thirst/applications/${a.id}`}>{a.premisesName}</a></td>
            <td>{a.year}</td>
            <td><StatusPill status={a.status} tier={a.tier} /></td>
            <td>{a.answered} of {a.criteriaCount}</td>
            <td>{formatDate(a.submittedAt)}</td>
            <td>{formatDate(a.validUntil)}</td>
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  )
}

function VenueTable ({ items, empty, award }: { items: VenueRow[]; empty: string; award?: boolean }) {
  if (!items.length) return <Empty>{empty}</Empty>
  return (
    <TableScroll><table class="table">
      <thead><tr><th scope="col">Premises</th><th scope="col">Address</th><th scope="col">Licence</th>{award && <><th scope="col">Tier</th><th scope="col">Valid until</th><th scope="col">Certificate</th></>}</tr></thead>
      <tbody>
        {items.map(v => (
          <tr key={v.premisesId}>
            <td><a href={`/premises/${v.premisesId}`}>{v.name}</a></td>
            <td>{[v.address, v.postcode].filter(Boolean).join(', ')}</td>
            <td>{v.licenceNumber ?? '—'}</td>
            {award && <><td>{v.tier ? TIER_LABELS[v.tier] : '—'}</td><td>{formatDate(v.validUntil)}</td><td>{v.certificateNumber}</td></>}
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  )
}

function OfficerDashboard () {
  const [year, setYear] = useState(thisYear)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<unknown>(null)
  const progress = useLoad(signal => stApi.progress(year, signal), [year])
  const list = useLoad(signal => stApi.list({ year, status: status || undefined }, signal), [year, status])
  const absent = useLoad(signal => stApi.notTakingPart(year, signal), [year])
  const levy = useLoad(signal => stApi.levy(signal), [])
  const p = progress.data
  const exportCsv = (path: string, query: Record<string, number> | undefined, name: string) => download(path, query, name).catch(setError)
  return (
    <>
      <form class="filters no-print" onSubmit={e => e.preventDefault()}>
        <label>Scheme year
          <select value={year} onChange={e => setYear(Number(e.currentTarget.value))}>
            {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map(y => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <button type="button" class="secondary" onClick={() => exportCsv('/api/safety-thirst/progress/export.csv', { year }, `safety-thirst-${year}.csv`)}>Export venues (CSV)</button>
      </form>
      <ErrorMessage error={error ?? progress.error} />
      {p && (
        <section aria-labelledby="st-progress" class="card">
          <h2 id="st-progress">Progress {p.year}</h2>
          <p class="lead" data-testid="st-accredited"><strong>{p.accredited}</strong> accredited of a target of <strong>{p.target}</strong> · {plural(p.applications, 'application')}</p>
          <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.target} aria-valuenow={p.accredited} aria-label="Accredited against target">
            <span style={{ width: `${Math.min(100, (p.accredited / Math.max(1, p.target)) * 100)}%` }} />
          </div>
          <div class="grid-2" style={{ marginTop: '1rem' }}>
            <BarChart title="Decided, by tier (against the target for accredited venues)" target={p.target} bars={(['highly_commended', 'commended', 'pass', 'not_accredited'] as const).map(t => ({ label: TIER_LABELS[t], value: p.byTier[t], className: t }))} />
            <BarChart title="Applications by status" bars={ST_STATUSES.map(s => ({ label: STATUS_LABELS[s], value: p.byStatus[s] }))} />
          </div>
        </section>
      )}
      <h2>Applications</h2>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>Status
          <select value={status} onChange={e => setStatus(e.currentTarget.value)}>
            <option value="">All</option>
            {ST_STATUSES.map(s => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
      </form>
      {list.loading && !list.data && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && <ApplicationsTable items={list.data.items} />}
      <details>
        <summary><h2 style={{ display: 'inline' }}>Venues not taking part in {year}</h2> {absent.data && `(${absent.data.total})`}</summary>
        {absent.data && <VenueTable items={absent.data.items} empty="Every current venue has applied." />}
      </details>
      <details>
        <summary><h2 style={{ display: 'inline' }}>Late-night levy reduction</h2> {levy.data && `(${levy.data.total})`}</summary>
        <p class="muted">Venues at the Safety Thirst standard today (accredited and within validity) get a 30% reduction of the late-night levy.</p>
        <button type="button" class="secondary" onClick={() => exportCsv('/api/safety-thirst/levy-reductions', { format: 'csv' } as never, 'late-night-levy-reductions.csv')}>Export levy list (CSV)</button>
        {levy.data && <VenueTable items={levy.data.items} empty="No venue is accredited at the moment." award />}
      </details>
    </>
  )
}

function ManagerDashboard ({ premisesIds }: { premisesIds: number[] }) {
  const [error, setError] = useState<unknown>(null)
  const list = useLoad(signal => stApi.list({}, signal), [])
  const premises = useLoad(signal => Promise.all(premisesIds.map(id => api(`/api/premises/${id}`, { signal }).catch(() => ({ id, name: `Premises ${id}` })))), [premisesIds.join(',')])
  const start = async (premisesId: number) => {
    try {
      const created = await stApi.create(premisesId)
      location.assign(`/safety-thirst/applications/${created.id}`)
    } catch (e) { setError(e) }
  }
  const withApplication = new Set((list.data?.items ?? []).filter(a => a.year === thisYear && a.status !== 'withdrawn').map(a => a.premisesId))
  const canStart = (premises.data ?? []).filter(p => !withApplication.has(p.id))
  return (
    <>
      <p>Safety Thirst is the City's accreditation scheme for licensed premises. Answer each criterion, save as you go, and submit when every one is answered.</p>
      <ErrorMessage error={error ?? list.error} />
      {canStart.length > 0 && (
        <div class="cards">
          {canStart.map(p => (
            <div class="card" key={p.id}>
              <h3>{p.name}</h3>
              <p class="muted">No application for {thisYear} yet.</p>
              <button type="button" onClick={() => start(p.id)}>Start the {thisYear} self-assessment for {p.name}</button>
            </div>
          ))}
        </div>
      )}
      <h2>Your applications</h2>
      {list.loading && !list.data && <Loading />}
      {list.data && <ApplicationsTable items={list.data.items} />}
    </>
  )
}

export default function DashboardPage () {
  const { user } = useSession()
  return (
    <section>
      <div class="page-head"><h1>Safety Thirst</h1></div>
      {user?.role === 'venue_manager' ? <ManagerDashboard premisesIds={user.premisesIds} /> : <OfficerDashboard />}
    </section>
  )
}
