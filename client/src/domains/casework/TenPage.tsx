// One Temporary Event Notice: what, where and when, its deadlines from the statutory clock, the
// objections; the police and environmental health object here within their three working days,
// and officers record the outcome after a hearing.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { Field, Form, type FieldProblem } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { useSession } from '../../session.tsx'
import { LICENSING_OBJECTIVES } from '../../../../shared/schemas/licence-applications.ts'
import type { TenObjectionBody } from '../../../../shared/schemas/tens.ts'
import { ORGANISATION_LABELS, organisationOf, type Organisation } from '../../../../shared/roles.ts'
import { OBJECTIVE_LABELS, TEN_ACTIVITY_LABELS, TEN_STATUS_LABELS, formatLocal, tensApi, type Ten } from './tensApi.ts'
import { OutcomeForm, TenHearingForm, WithdrawForm } from './TenForms.tsx'
import './casework.css'

export default function TenPage ({ id }: { id: string }) {
  const list = useLoad(signal => tensApi.get(Number(id), signal), [id])
  const { query } = useLocation()
  const ten = list.data
  usePageTitle(ten ? `TEN ${ten.id}: ${ten.premisesName}` : 'Temporary Event Notice')
  if (list.loading && !ten) return <Loading />
  if (!ten) return <section><h1>Temporary Event Notice</h1><ErrorMessage error={list.error} /></section>
  return (
    <section class="narrow-form">
      <h1>Temporary Event Notice {ten.id}</h1>
      {query.given && <p class="success" role="status">Notice given: a {ten.kind} notice. The police and environmental health have been told.</p>}
      <p><strong>{ten.premisesName}</strong>, {ten.premisesAddress}</p>
      <p><span class={`pill ${ten.status === 'counter_notice' ? 'red' : ''}`} data-testid="ten-status">{TEN_STATUS_LABELS[ten.status]}</span> · {ten.kind === 'late' ? 'Late notice' : 'Standard notice'}</p>
      <dl class="deadlines">
        <dt>Event</dt><dd>{formatLocal(ten.startsAt)} to {formatLocal(ten.endsAt)}</dd>
        <dt>People</dt><dd>{ten.maxPeople}</dd>
        <dt>Activities</dt><dd>{ten.activities.map(a => TEN_ACTIVITY_LABELS[a]).join('; ')}</dd>
        <dt>Premises user</dt><dd>{ten.premisesUser.name}{ten.premisesUser.personalLicenceHolder ? ' (personal licence holder)' : ''}</dd>
        <dt>Given on</dt><dd>{formatLocal(ten.givenOn)}</dd>
        <dt>Objections close</dt><dd>end of {formatLocal(ten.objectionDeadline)} (s.104)</dd>
        <dt>Counter notice by</dt><dd>{formatLocal(ten.counterNoticeDeadline)} (24 hours before the event, s.105)</dd>
        {ten.hearingWindow && <><dt>Hearing window</dt><dd>{formatLocal(ten.hearingWindow.from)} to {formatLocal(ten.hearingWindow.to)} (Hearings Regs Sch. 1)</dd></>}
        {ten.status !== 'withdrawn' && <><dt>Withdrawal by</dt><dd>{formatLocal(ten.withdrawalDeadline)} (s.103)</dd></>}
      </dl>
      {ten.outcomeReasons && <p class="notice">{ten.outcomeReasons}</p>}
      <h2>Objections</h2>
      {ten.objections.length === 0
        ? <p class="muted">None.</p>
        : <ul>{ten.objections.map(o => <li key={o.id}><strong>{ORGANISATION_LABELS[o.organisation as Organisation] ?? o.organisation}</strong> ({formatDate(o.createdAt, true)}): {o.objectives.map(x => OBJECTIVE_LABELS[x]).join('; ')}. {o.text}</li>)}</ul>}
      {ten.hearing && <p class="notice" data-testid="ten-hearing">Hearing on {formatLocal(ten.hearing.date)} at {ten.hearing.time}, {ten.hearing.place} (notice given {formatLocal(ten.hearing.noticeGivenOn)}).</p>}
      <ObjectionForm ten={ten} onDone={list.reload} />
      <TenHearingForm ten={ten} onDone={list.reload} />
      <OutcomeForm ten={ten} onDone={list.reload} />
      <WithdrawForm ten={ten} onDone={list.reload} />
    </section>
  )
}

function ObjectionForm ({ ten, onDone }: { ten: Ten; onDone: () => Promise<void> }) {
  const { user } = useSession()
  const [objectives, setObjectives] = useState<TenObjectionBody['objectives']>([])
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  const organisation = user ? organisationOf(user) : null
  if (organisation !== 'police' && organisation !== 'environmental_health') return null
  if (!ten.objectionPeriodOpen) return done ? <p class="success" role="status">Objection recorded.</p> : <p class="muted">The time to object has passed or the notice is already decided.</p>
  async function submit (event: Event) {
    event.preventDefault()
    const problems: FieldProblem[] = []
    if (!objectives.length) problems.push({ field: 'objectives', message: 'Choose the licensing objective the objection is about' })
    if (!text.trim()) problems.push({ field: 'text', message: 'Say why the event would undermine it' })
    if (problems.length) { setError(problems); return }
    try {
      await tensApi.object(ten.id, { objectives, text })
      setError(null)
      setText('')
      setDone(true)
      await onDone()
    } catch (e) { setError(e) }
  }
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={text.trim() !== ''} aria-labelledby="object-title" fieldIds={{ objectives: `objective-${LICENSING_OBJECTIVES[0]}` }}>
      <h2 id="object-title">Object to this notice</h2>
      <p class="hint">As {ORGANISATION_LABELS[organisation]}, by the end of {formatLocal(ten.objectionDeadline)}.{ten.kind === 'late' ? ' This is a late notice: an objection means a counter notice, and the event cannot go ahead.' : ''}</p>
      <fieldset class="field">
        <legend>Licensing objectives it would undermine</legend>
        {LICENSING_OBJECTIVES.map(o => (
          <label key={o} class="checkbox"><input id={`objective-${o}`} type="checkbox" checked={objectives.includes(o)} onChange={e => setObjectives(e.currentTarget.checked ? [...objectives, o] : objectives.filter(x => x !== o))} /> {OBJECTIVE_LABELS[o]}</label>
        ))}
      </fieldset>
      <Field id="text" label="Grounds for the objection" error={error}>
        <textarea id="text" rows={4} value={text} onInput={e => setText(e.currentTarget.value)} />
      </Field>
      <button type="submit">Object</button>
    </Form>
  )
}
