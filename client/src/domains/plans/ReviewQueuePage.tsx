// The officer's review queue: submitted plans and open licence applications, oldest first.
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { PLAN_KIND_LABELS, type PlanKind } from '../../../../shared/plans/templates.ts'
import { plansApi } from './plansApi.ts'
import { StatusPill } from './PlanCard.tsx'
import './plans.css'
import { TableScroll } from '../../components/table.tsx'

export default function ReviewQueuePage () {
  const queue = useLoad(signal => plansApi.queue(signal), [])
  return (
    <section>
      <h1>Review queue</h1>
      <p class="lead">Plans submitted for review and licence applications still open, oldest first.</p>
      {queue.loading && !queue.data && <Loading />}
      <ErrorMessage error={queue.error} />
      {queue.data && queue.data.items.length === 0 && <Empty>Nothing is waiting for review.</Empty>}
      {queue.data && queue.data.items.length > 0 && (
        <TableScroll><table class="plain">
          <caption class="visually-hidden">Items awaiting review</caption>
          <thead><tr><th>Waiting since</th><th>Premises</th><th>Item</th><th>Status</th></tr></thead>
          <tbody>
            {queue.data.items.map(item => (
              <tr key={`${item.type}-${item.id}`}>
                <td>{formatDate(item.since, true)}</td>
                <td><a href={`/plans/premises/${item.premisesId}`}>{item.premisesName}</a></td>
                <td>
                  {item.type === 'plan'
                    ? <a href={`/plans/premises/${item.premisesId}`}>{PLAN_KIND_LABELS[item.kind as PlanKind]} v{item.version}</a>
                    : <a href={`/licence-applications/${item.id}`}>{item.kind === 'new' ? 'New licence' : 'Variation'} application #{item.id}</a>}
                </td>
                <td><StatusPill status={item.status} /></td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
    </section>
  )
}
