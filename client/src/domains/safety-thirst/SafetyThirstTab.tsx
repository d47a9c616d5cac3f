// The premises page tab: the venue's Safety Thirst applications and its current award.
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { TIER_LABELS } from '../../../../shared/safety-thirst/tier.ts'
import { stApi } from './stApi.ts'
import { StatusPill } from './DashboardPage.tsx'
import { TableScroll } from '../../components/table.tsx'

export function SafetyThirstTab ({ premisesId }: { premisesId: number }) {
  const list = useLoad(signal => stApi.list({ premisesId }, signal), [premisesId])
  if (list.loading && !list.data) return <Loading />
  if (list.error) return <ErrorMessage error={list.error} />
  const items = list.data?.items ?? []
  const today = new Date().toISOString().slice(0, 10)
  const current = items.find(a => a.status === 'decided' && a.tier && a.tier !== 'not_accredited' && (a.validUntil ?? '') >= today)
  return (
    <section aria-label="Safety Thirst">
      <p>{current
        ? <>Current award: <strong>{TIER_LABELS[current.tier!]}</strong>, valid until {formatDate(current.validUntil)} (certificate {current.certificateNumber}).</>
        : 'No current Safety Thirst award.'}</p>
      {items.length === 0
        ? <Empty>No Safety Thirst applications yet. <a href="/safety-thirst">Go to Safety Thirst</a></Empty>
        : (
          <TableScroll><table class="table">
            <thead><tr><th scope="col">Year</th><th scope="col">Status</th><th scope="col">Valid until</th><th scope="col">Application</th></tr></thead>
            <tbody>{items.map(a => <tr key={a.id}><td>{a.year}</td><td><StatusPill status={a.status} tier={a.tier} /></td><td>{formatDate(a.validUntil)}</td><td><a href={`/safety-thirst/applications/${a.id}`}>Open</a></td></tr>)}</tbody>
          </table></TableScroll>
        )}
    </section>
  )
}
