// Report a concern (no account): one question a page on a phone, then "check your answers",
// then "check your email". The steps are in the address (?step=where) so Back works, and the
// answers are kept in the tab while the person goes back and forth.
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ApiError } from '../../api/client.ts'
import { Form, type FieldProblem } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import type { ReportConcernInput } from '../../../../shared/schemas/concerns.ts'
import { concernsApi } from './concernsApi.ts'
import { STEPS, bodyOf, clearDraft, loadDraft, problemsOfStep, saveDraft, stepOfField, type Draft, type Step } from './draft.ts'
import { DetailsStep, WhatStep, WhenStep, YouStep } from './ReportSteps.tsx'
import { WhereStep } from './ReportWhere.tsx'
import { CheckAnswers } from './CheckAnswers.tsx'
import './concerns.css'

// Each step's part of the page title, in front of the route's ("Where? – Report a concern – Nightsafe").
const TITLES: Record<Step, string> = {
  what: 'What is the problem?', where: 'Where?', when: 'When?',
  details: 'What happens', you: 'Your details', check: 'Check your answers'
}

/** Where the error summary's links go for each field. */
const FIELD_IDS: Record<string, string> = {
  kind: 'kind-noise_music', where: 'where-venue', premisesId: 'venue-search', pin: 'use-location', location: 'use-location',
  when: 'when-now', happeningNow: 'when-now', date: 'when-date', time: 'when-time', occurredAt: 'when-date',
  'pattern.days': 'day-mon', 'pattern.from': 'when-from', 'pattern.to': 'when-to', locationText: 'location-text',
  description: 'description', 'reporter.email': 'email', 'reporter.name': 'name'
}

export default function ReportPage () {
  const { query, route } = useLocation()
  const step: Step = (STEPS as readonly string[]).includes(query.step ?? '') ? query.step as Step : 'what'
  const [draft, setDraft] = useState<Draft>(loadDraft)
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [sending, setSending] = useState(false)
  const [sent, setSent] = useState<{ reference: string; email: string } | null>(null)
  usePageTitle(sent ? 'Check your email' : TITLES[step])
  useEffect(() => { setProblems([]) }, [step])

  const set = (changes: Partial<Draft>) => setDraft(d => { const next = { ...d, ...changes }; saveDraft(next); return next })
  const go = (to: Step) => route(`/report?step=${to}`)

  async function next () {
    const found = problemsOfStep(step, draft)
    setProblems(found)
    if (found.length) return
    if (step !== 'check') { go(STEPS[STEPS.indexOf(step) + 1]!); return }
    setSending(true)
    try {
      const { reference } = await concernsApi.report(bodyOf(draft) as ReportConcernInput)
      setSent({ reference, email: draft.email.trim() })
      clearDraft()
      setDraft(loadDraft())
    } catch (error) {
      // The server names the field: take the person to the question that has it.
      const field = error instanceof ApiError ? error.field : undefined
      const target = stepOfField(field)
      const problem = { field, message: error instanceof ApiError ? error.message : 'The report could not be sent. Check your connection and try again.' }
      if (target !== step) go(target)
      setTimeout(() => setProblems([problem]), 0)
    } finally { setSending(false) }
  }

  if (sent) {
    return (
      <section class="report">
        <div class="panel-confirmation" role="status">
          <h1>Check your email</h1>
          <p>Your reference is <strong>{sent.reference}</strong></p>
        </div>
        <p>We have sent a link to <strong>{sent.email}</strong>. Open it to confirm your report: we pass it to the licensing team only once you have confirmed. The link works for 3 days.</p>
        <p>If the email does not arrive within a few minutes, look in your spam or junk folder.</p>
        <p>If anyone is in danger, call 999. For other police matters, call 101.</p>
        <p><a href="/report" onClick={() => setSent(null)}>Report something else</a></p>
      </section>
    )
  }

  const index = STEPS.indexOf(step)
  const props = { draft, set, problems }
  return (
    <section class="report">
      {index > 0 && <p><a href={`/report?step=${STEPS[index - 1]}`} class="back-link">Back</a></p>}
      <p class="muted step-count">Step {index + 1} of {STEPS.length}</p>
      <Form onSubmit={next} error={problems.length ? problems : null} fieldIds={FIELD_IDS}>
        {step === 'what' && <WhatStep {...props} />}
        {step === 'where' && <WhereStep {...props} />}
        {step === 'when' && <WhenStep {...props} />}
        {step === 'details' && <DetailsStep {...props} />}
        {step === 'you' && <YouStep {...props} />}
        {step === 'check' && <CheckAnswers draft={draft} />}
        <p><button type="submit" disabled={sending}>{step === 'check' ? (sending ? 'Sending…' : 'Send my report') : 'Continue'}</button></p>
      </Form>
      {step === 'what' && <p class="muted">If anyone is in danger, call 999. For crime that is not an emergency, call 101.</p>}
    </section>
  )
}
