// One licence application: what was applied for, the operating schedule, the representation
// period, the exact plan versions it carries, and the status actions open to the user's role.
import { useState } from 'preact/hooks'
import { ErrorMessage, PageError, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { PLAN_SLUGS } from '../../../../shared/plans/templates.ts'
import type { LicenceStatusChange } from '../../../../shared/schemas/plans.ts'
import { plansApi } from './plansApi.ts'
import { StatusPill } from './PlanCard.tsx'
import './plans.css'

const OBJECTIVES: Record<string, string> = {
  crime_disorder: 'Prevention of crime and disorder', public_safety: 'Public safety',
  public_nuisance: 'Prevention of public nuisance', protection_of_children: 'Protection of children from harm'
}

export default function LicenceApplicationPage ({ id }: { id: string }) {
  const { user } = useSession()
  const app = useLoad(signal => plansApi.application(Number(id), signal), [id])
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  if (app.loading && !app.data) return <Loading />
  if (!app.data) return <PageError error={app.error} />
  const a = app.data
  const open = a.status === 'received' || a.status === 'under_consultation'
  const officer = user?.role === 'licensing_officer' || user?.role === 'admin'
  const act = async (status: LicenceStatusChange['status']) => {
    setError(null)
    try { await plansApi.changeStatus(a.id, { status, note: note || undefined }); setNote(''); app.reload() } catch (err) { setError(err) }
  }
  const planLink = (kind: 'noise_management_plan' | 'dispersal_policy', version: number) => `/plans/premises/${a.premisesId}/${PLAN_SLUGS[kind]}/${version}/print`

  return (
    <section>
      <p><a href={`/plans/premises/${a.premisesId}`}>← {a.premisesName}</a></p>
      <h1>{a.kind === 'new' ? 'New licence' : 'Variation'} application #{a.id} <StatusPill status={a.status} /></h1>
      <dl class="print-doc">
        <dt>Premises</dt><dd>{a.premisesName}</dd>
        <dt>Applicant</dt><dd>{a.applicantName}</dd>
        <dt>Consultation starts</dt><dd>{formatDate(a.consultationStartDate)}</dd>
        <dt>Representations close</dt><dd>{formatDate(a.representationPeriodEnds)} (28 days)</dd>
        <dt>Noise management plan</dt><dd><a href={planLink('noise_management_plan', a.noisePlan.version)}>version {a.noisePlan.version}</a></dd>
        <dt>Dispersal policy</dt><dd><a href={planLink('dispersal_policy', a.dispersalPolicy.version)}>version {a.dispersalPolicy.version}</a></dd>
        {a.decidedAt && <><dt>Decided</dt><dd>{formatDate(a.decidedAt)}{a.decisionNote ? `: ${a.decisionNote}` : ''}</dd></>}
      </dl>
      <h2>Activities and hours applied for</h2>
      <ul>{a.activities.map((x, i) => <li key={i}><strong>{x.activity}</strong>: {x.hours}</li>)}</ul>
      <h2>Operating schedule</h2>
      {Object.entries(OBJECTIVES).map(([key, title]) => <div key={key}><h3>{title}</h3><p class="plan-text">{a.operatingSchedule[key as keyof typeof a.operatingSchedule]}</p></div>)}
      {open && (
        <div class="card no-print">
          <h2>Next step</h2>
          <div class="field"><label for="decision-note">Note (optional)</label><textarea id="decision-note" rows={2} value={note} onInput={e => setNote((e.target as HTMLTextAreaElement).value)} /></div>
          <ErrorMessage error={error} />
          <div class="plan-actions">
            {officer && a.status === 'received' && <button type="button" onClick={() => void act('under_consultation')}>Start consultation</button>}
            {officer && <button type="button" onClick={() => void act('granted')}>Grant</button>}
            {officer && <button type="button" class="danger" onClick={() => void act('refused')}>Refuse</button>}
            <button type="button" class="secondary" onClick={() => void act('withdrawn')}>Record withdrawal</button>
          </div>
        </div>
      )}
    </section>
  )
}
