// A new or variation licence application for one premises: applicant, activities and hours
// applied for, the operating schedule's steps for the four licensing objectives, and the
// consultation start date with the 28-day representation period worked out as you type.
import { useState } from 'preact/hooks'
import type { BodyOf } from '../../api/contract.ts'
import { ApiError } from '../../api/client.ts'
import { ErrorMessage, formatDate } from '../../components/ui.tsx'
import { Field } from '../../components/form.tsx'
import { REPRESENTATION_DAYS, representationPeriod } from '../../../../shared/clock/index.ts'
import { localToday } from '../../settings.ts'
import { LICENSING_OBJECTIVES } from '../../../../shared/schemas/plans.ts'
import { plansApi, type LicenceApplication } from './plansApi.ts'

const OBJECTIVE_LABELS: Record<typeof LICENSING_OBJECTIVES[number], string> = {
  crime_disorder: 'The prevention of crime and disorder',
  public_safety: 'Public safety',
  public_nuisance: 'The prevention of public nuisance',
  protection_of_children: 'The protection of children from harm'
}


type OperatingSchedule = BodyOf<'/api/licence-applications', 'post'>['operatingSchedule']
export function LicenceApplicationForm ({ premisesId, onSubmitted, onCancel }: { premisesId: number; onSubmitted: (a: LicenceApplication) => void; onCancel: () => void }) {
  const [kind, setKind] = useState<'new' | 'variation'>('new')
  const [applicantName, setApplicantName] = useState('')
  const [activities, setActivities] = useState([{ activity: '', hours: '' }])
  const [schedule, setSchedule] = useState<OperatingSchedule>({ crime_disorder: '', public_safety: '', public_nuisance: '', protection_of_children: '' })
  const [start, setStart] = useState(localToday())
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(start)

  async function submit (e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onSubmitted(await plansApi.submitApplication({ premisesId, kind, applicantName, activities, operatingSchedule: schedule, consultationStartDate: start }))
    } catch (err) { setError(err) } finally { setBusy(false) }
  }
  const setActivity = (i: number, key: 'activity' | 'hours', value: string) => setActivities(activities.map((a, j) => j === i ? { ...a, [key]: value } : a))
  const planMissing = error instanceof ApiError && (error.code === 'NOISE_PLAN_REQUIRED' || error.code === 'DISPERSAL_POLICY_REQUIRED')

  return (
    <form class="card form" aria-label="Licence application" onSubmit={submit}>
      <h3>New licence application</h3>
      <fieldset>
        <legend>Type of application</legend>
        <label><input type="radio" name="kind" checked={kind === 'new'} onChange={() => setKind('new')} /> New premises licence</label>
        <label><input type="radio" name="kind" checked={kind === 'variation'} onChange={() => setKind('variation')} /> Variation of a licence</label>
      </fieldset>
      <Field id="applicantName" label="Applicant" error={error}>
        <input id="applicantName" required value={applicantName} onInput={e => setApplicantName((e.target as HTMLInputElement).value)} />
      </Field>
      <fieldset>
        <legend>Activities and hours applied for</legend>
        {activities.map((a, i) => (
          <div class="activity-row" key={i}>
            <div><label for={`activity-${i}`}>Activity {i + 1}</label><input id={`activity-${i}`} required value={a.activity} onInput={e => setActivity(i, 'activity', (e.target as HTMLInputElement).value)} /></div>
            <div><label for={`hours-${i}`}>Days and hours {i + 1}</label><input id={`hours-${i}`} required value={a.hours} onInput={e => setActivity(i, 'hours', (e.target as HTMLInputElement).value)} /></div>
            {activities.length > 1 && <button type="button" class="link" onClick={() => setActivities(activities.filter((_, j) => j !== i))}>Remove</button>}
          </div>
        ))}
        <button type="button" class="secondary small" onClick={() => setActivities([...activities, { activity: '', hours: '' }])}>Add an activity</button>
      </fieldset>
      <fieldset>
        <legend>Operating schedule: steps for each licensing objective</legend>
        {LICENSING_OBJECTIVES.map(objective => (
          <Field key={objective} id={objective} label={OBJECTIVE_LABELS[objective]} error={error}>
            <textarea id={objective} rows={2} required value={schedule[objective] ?? ''} onInput={e => setSchedule({ ...schedule, [objective]: (e.target as HTMLTextAreaElement).value })} />
          </Field>
        ))}
      </fieldset>
      <Field id="consultationStartDate" label="Consultation start date" error={error} hint={`The day the application was given. Representations may be made for ${REPRESENTATION_DAYS} days starting the day after.`}>
        <input id="consultationStartDate" type="date" required value={start} onInput={e => setStart((e.target as HTMLInputElement).value)} />
      </Field>
      {validDate && <p data-testid="representation-end">Representation period ends on <strong>{formatDate(representationPeriod(start).to)}</strong>.</p>}
      {planMissing
        ? <p class="error" role="alert">{(error as ApiError).message}. Write and submit it on this tab first.</p>
        : <ErrorMessage error={error instanceof ApiError && error.field ? null : error} />}
      <div class="plan-actions">
        <button type="submit" disabled={busy}>Submit application</button>
        <button type="button" class="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  )
}
