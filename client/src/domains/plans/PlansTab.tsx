// The plans tab of a premises: both documents with what each role can do (the venue manager
// writes and submits, the officer approves or returns), and the premises' licence applications.
import { useState } from 'preact/hooks'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import type { PlanKind } from '../../../../shared/plans/templates.ts'
import { plansApi, type LicenceApplication } from './plansApi.ts'
import { PlanCard } from './PlanCard.tsx'
import { PlanEditor } from './PlanEditor.tsx'
import { LicenceApplicationForm } from './LicenceApplicationForm.tsx'
import { LicenceApplicationsList } from './LicenceApplicationsList.tsx'
import { VenueConcerns } from '../concerns/VenueConcerns.tsx'
import './plans.css'

export function PlansTab ({ premisesId }: { premisesId: number }) {
  const { user } = useSession()
  const plans = useLoad(signal => plansApi.premisesPlans(premisesId, signal), [premisesId])
  const canApply = user?.role !== 'police'
  const applications = useLoad(signal => canApply ? plansApi.applications({ premisesId }, signal) : Promise.resolve({ items: [] as LicenceApplication[], total: 0 }), [premisesId, canApply])
  const [editing, setEditing] = useState<PlanKind | null>(null)
  const [applying, setApplying] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const canWrite = user?.role === 'venue_manager' || user?.role === 'licensing_officer' || user?.role === 'admin'
  const canReview = user?.role === 'licensing_officer' || user?.role === 'admin'
  // The message appears once the cards show the new state, never beside the old one.
  const reload = async (text?: string) => {
    setMessage(null)
    await Promise.all([plans.reload(), applications.reload()])
    setMessage(text ?? null)
  }

  if (plans.loading && !plans.data) return <Loading />
  if (!plans.data) return <ErrorMessage error={plans.error} />
  const editingDoc = plans.data.documents.find(d => d.kind === editing)

  return (
    <div class="plans-tab">
      {message && <p class="success" role="status">{message}</p>}
      {editing && editingDoc
        ? <PlanEditor premisesId={premisesId} kind={editing} start={editingDoc.latest} onCancel={() => setEditing(null)}
            onSaved={doc => { setEditing(null); reload(doc.status === 'draft' ? `Draft saved as version ${doc.version}.` : `Version ${doc.version} submitted for review.`) }} />
        : (
          <div class="plan-cards">
            {plans.data.documents.map(d => (
              <PlanCard key={d.kind} premisesId={premisesId} kind={d.kind} current={d.current} latest={d.latest}
                canWrite={canWrite} canReview={canReview} onEdit={() => { setMessage(null); setEditing(d.kind) }} onReviewed={() => reload('Review recorded.')} />
            ))}
          </div>
          )}
      {!editing && <VenueConcerns premisesId={premisesId} />}
      {canApply && !editing && (
        <section aria-labelledby="licence-applications-title">
          <div class="page-head">
            <h3 id="licence-applications-title">Licence applications</h3>
            {!applying && <button type="button" class="secondary" onClick={() => setApplying(true)}>New licence application</button>}
          </div>
          {applying && <LicenceApplicationForm premisesId={premisesId} onCancel={() => setApplying(false)}
            onSubmitted={a => { setApplying(false); reload(`Application #${a.id} submitted with noise management plan v${a.noisePlan.version} and dispersal policy v${a.dispersalPolicy.version}.`) }} />}
          <ErrorMessage error={applications.error} />
          {applications.data && <LicenceApplicationsList items={applications.data.items} />}
        </section>
      )}
    </div>
  )
}
