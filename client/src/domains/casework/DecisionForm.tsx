// The decision on a case, with reasons: once the hearing has been held (or, with no relevant
// representation standing, the grant the law requires, s.18(2)). Added conditions go on the
// licence under Annex 3 when it is recorded; the server checks each outcome's fields and says
// what is missing in the error summary.
import { useState } from 'preact/hooks'
import { Field, Fieldset, Form, type Problem } from '../../components/form.tsx'
import { hasRole, useSession } from '../../session.tsx'
import { APPLICATION_OUTCOMES, REVIEW_OUTCOMES, type DecisionBody, type DecisionOutcome } from '../../../../shared/schemas/cases.ts'
import { DECISION_LABELS } from '../../../../shared/casework/cases.ts'
import { casesApi, type LicensingCase } from './casesApi.ts'
import { formatLocal } from './tensApi.ts'

const OFFICERS = ['licensing_officer', 'admin'] as const
const WITH_CONDITIONS = new Set<string>(['grant_with_conditions', 'modify_conditions', 'exclude_activity', 'remove_dps', 'suspend'])
const lines = (text: string) => text.split('\n').map(l => l.trim()).filter(Boolean)

export function DecisionForm ({ item, onDone }: { item: LicensingCase; onDone: () => Promise<void> }) {
  const { user } = useSession()
  const outcomes: readonly DecisionOutcome[] = item.hearingNeeded ? (item.kind === 'review' ? REVIEW_OUTCOMES : APPLICATION_OUTCOMES) : ['grant']
  const [outcome, setOutcome] = useState<DecisionOutcome>(outcomes[0]!)
  const [reasons, setReasons] = useState('')
  const [conditions, setConditions] = useState('')
  const [excluded, setExcluded] = useState('')
  const [suspendedUntil, setSuspendedUntil] = useState('')
  const [error, setError] = useState<unknown>(null)
  if (!hasRole(user, OFFICERS) || item.stage !== 'awaiting_decision') return null
  async function submit () {
    const problems: Problem[] = []
    if (!reasons.trim()) problems.push({ field: 'reasons', message: 'Give the reasons for the decision' })
    if ((outcome === 'grant_with_conditions' || outcome === 'modify_conditions') && !lines(conditions).length) problems.push({ field: 'addedConditions', message: 'Write the conditions the decision adds, one a line' })
    if (outcome === 'exclude_activity' && !lines(excluded).length) problems.push({ field: 'excludedActivities', message: 'Name the activity the decision excludes' })
    if (outcome === 'suspend' && !suspendedUntil) problems.push({ field: 'suspendedUntil', message: 'Enter the last day of the suspension' })
    if (problems.length) { setError(problems); return }
    const body: DecisionBody = {
      outcome, reasons,
      ...(WITH_CONDITIONS.has(outcome) && lines(conditions).length ? { addedConditions: lines(conditions) } : {}),
      ...(outcome === 'exclude_activity' ? { excludedActivities: lines(excluded) } : {}),
      ...(outcome === 'suspend' ? { suspendedUntil } : {})
    }
    try { await casesApi.decide(item.id, body); setError(null); await onDone() } catch (e) { setError(e) }
  }
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={reasons.trim() !== '' || conditions.trim() !== ''} aria-labelledby="decision-title" fieldIds={{ outcome: `outcome-${outcomes[0]}` }}>
      <h2 id="decision-title">Record the decision</h2>
      <p class="hint">{item.hearing ? `After the hearing on ${formatLocal(item.hearing.date)}.` : 'No relevant representation stands, so the application is granted as applied for (s.18(2)).'} The parties may appeal within 21 days of being told.</p>
      <Fieldset legend="Decision" name="outcome" error={error}>
        {outcomes.map(o => <label key={o} class="checkbox"><input id={`outcome-${o}`} type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} /> {DECISION_LABELS[o]}</label>)}
      </Fieldset>
      {WITH_CONDITIONS.has(outcome) && (
        <Field id="addedConditions" label="Conditions added to the licence (Annex 3), one a line" error={error} hint={outcome === 'grant_with_conditions' || outcome === 'modify_conditions' ? 'At least one.' : 'Optional.'}>
          <textarea id="addedConditions" rows={4} value={conditions} onInput={e => setConditions(e.currentTarget.value)} />
        </Field>
      )}
      {outcome === 'exclude_activity' && (
        <Field id="excludedActivities" label="Activities excluded, one a line" error={error} hint={item.application ? `As the application names them: ${item.application.activities.map(a => a.activity).join('; ')}` : undefined}>
          <textarea id="excludedActivities" rows={2} value={excluded} onInput={e => setExcluded(e.currentTarget.value)} />
        </Field>
      )}
      {outcome === 'suspend' && (
        <Field id="suspendedUntil" label="Last day of the suspension" error={error} hint="At most three months (s.52(4)(d)).">
          <input id="suspendedUntil" type="date" value={suspendedUntil} onInput={e => setSuspendedUntil(e.currentTarget.value)} />
        </Field>
      )}
      <Field id="reasons" label="Reasons" error={error}><textarea id="reasons" rows={5} value={reasons} onInput={e => setReasons(e.currentTarget.value)} /></Field>
      <button type="submit">Record the decision</button>
    </Form>
  )
}
