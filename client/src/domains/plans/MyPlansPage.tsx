// A venue manager's premises with the state of their plans, as the way in to writing them.
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { PLAN_KIND_LABELS } from '../../../../shared/plans/templates.ts'
import { plansApi } from './plansApi.ts'
import { StatusPill } from './PlanCard.tsx'
import './plans.css'

export default function MyPlansPage () {
  const { user } = useSession()
  const ids = user?.premisesIds ?? []
  const data = useLoad(signal => Promise.all(ids.map(async id => ({
    premises: await plansApi.premises(id, signal).catch(() => ({ id, name: `Premises ${id}` })),
    plans: await plansApi.premisesPlans(id, signal)
  }))), [ids.join(',')])
  return (
    <section>
      <h1>My plans</h1>
      <p class="lead">Your noise management plans and dispersal policies. A licence application needs a current version of both.</p>
      {data.loading && !data.data && <Loading />}
      <ErrorMessage error={data.error} />
      {data.data && data.data.length === 0 && <p class="empty">You do not manage any premises yet. Ask the licensing team to link your account.</p>}
      <div class="plan-cards">
        {data.data?.map(({ premises, plans }) => (
          <article class="card" key={premises.id} data-premises-id={premises.id}>
            <h2><a href={`/plans/premises/${premises.id}`}>{premises.name}</a></h2>
            <ul>
              {plans.documents.map(d => (
                <li key={d.kind}>{PLAN_KIND_LABELS[d.kind]}: {d.current ? <>v{d.current.version} <StatusPill status={d.current.status} />{d.current.overdue && <span class="overdue-badge">Review overdue</span>}</> : d.latest ? <StatusPill status={d.latest.status} /> : <span class="muted">none yet</span>}</li>
              ))}
            </ul>
          </article>
        ))}
      </div>
    </section>
  )
}
