// The plans of one premises on a page of their own (the same content as the premises page's
// plans tab), reached from the review queue, notifications and "My plans".
import { ErrorMessage, useLoad } from '../../components/ui.tsx'
import { plansApi } from './plansApi.ts'
import { PlansTab } from './PlansTab.tsx'

export default function PremisesPlansPage ({ id }: { id: string }) {
  const premisesId = Number(id)
  const premises = useLoad(signal => plansApi.premises(premisesId, signal), [premisesId])
  return (
    <section>
      <p class="no-print"><a href={`/premises/${premisesId}`}>← Premises page</a></p>
      <h1>Plans and licence applications{premises.data ? `: ${premises.data.name}` : ''}</h1>
      {premises.data?.address && <p class="muted">{premises.data.address}</p>}
      <ErrorMessage error={premises.error} />
      <PlansTab premisesId={premisesId} />
    </section>
  )
}
