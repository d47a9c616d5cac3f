// The authority's and the premises user's actions on a notice: schedule the hearing on an
// objection (s.105), record the decision after it (or without one when everyone agreed none was
// needed), and withdraw the notice (s.103) up to 24 hours before the event.
import { useState } from 'preact/hooks'
import { Field, Fieldset, Form } from '../../components/form.tsx'
import { hasRole, useSession } from '../../session.tsx'
import { TEN_HEARING_NOTICE_WORKING_DAYS } from '../../../../shared/clock/index.ts'
import { HearingForm } from './HearingForm.tsx'
import { formatLocal, tensApi, type Ten } from './tensApi.ts'

const OFFICERS = ['licensing_officer', 'admin'] as const

export function TenHearingForm ({ ten, onDone }: { ten: Ten; onDone: () => Promise<void> }) {
  const { user } = useSession()
  if (ten.status !== 'objected' || !ten.hearingWindow || !hasRole(user, OFFICERS)) return null
  return <HearingForm window={ten.hearingWindow} noticeWorkingDays={TEN_HEARING_NOTICE_WORKING_DAYS} current={ten.hearing}
    onSubmit={async body => { await tensApi.hearing(ten.id, body); await onDone() }} />
}

export function OutcomeForm ({ ten, onDone }: { ten: Ten; onDone: () => Promise<void> }) {
  const { user } = useSession()
  const [outcome, setOutcome] = useState<'counter_notice' | 'cleared'>('cleared')
  const [reasons, setReasons] = useState('')
  const [dispensed, setDispensed] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (ten.status !== 'objected' || !hasRole(user, OFFICERS)) return null
  async function submit () {
    if (!reasons.trim()) { setError([{ field: 'reasons', message: 'Give the reasons for the decision' }]); return }
    try { await tensApi.outcome(ten.id, { outcome, reasons, ...(dispensed ? { hearingDispensed: true } : {}) }); setError(null); await onDone() } catch (e) { setError(e) }
  }
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={reasons.trim() !== ''} aria-labelledby="outcome-title">
      <h2 id="outcome-title">Decision</h2>
      <p class="hint">{ten.hearing ? `After the hearing on ${formatLocal(ten.hearing.date)}.` : 'A hearing is needed unless the premises user, the objector and the authority all agree it is not.'} Decide by {formatLocal(ten.counterNoticeDeadline)}.</p>
      <Fieldset legend="Outcome" name="outcome" error={error}>
        <label class="checkbox"><input type="radio" name="outcome" checked={outcome === 'cleared'} onChange={() => setOutcome('cleared')} /> The event may go ahead</label>
        <label class="checkbox"><input type="radio" name="outcome" checked={outcome === 'counter_notice'} onChange={() => setOutcome('counter_notice')} /> Give a counter notice</label>
      </Fieldset>
      {!ten.hearing && <label class="checkbox"><input type="checkbox" checked={dispensed} onChange={e => setDispensed(e.currentTarget.checked)} /> All three agreed a hearing is unnecessary (s.105(2)(a))</label>}
      <Field id="reasons" label="Reasons" error={error}><textarea id="reasons" rows={3} value={reasons} onInput={e => setReasons(e.currentTarget.value)} /></Field>
      <button type="submit">Record the decision</button>
    </Form>
  )
}

export function WithdrawForm ({ ten, onDone }: { ten: Ten; onDone: () => Promise<void> }) {
  const { user } = useSession()
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [open, setOpen] = useState(false)
  const mayWithdraw = hasRole(user, ['venue_manager', ...OFFICERS]) && ten.status !== 'withdrawn' && ten.status !== 'counter_notice'
  if (!mayWithdraw) return null
  if (!open) return <p><button type="button" class="secondary" onClick={() => setOpen(true)}>Withdraw this notice</button></p>
  async function submit () {
    try { await tensApi.withdraw(ten.id, { note: note.trim() || undefined }); setError(null); setOpen(false); await onDone() } catch (e) { setError(e) }
  }
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={note.trim() !== ''} aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">Withdraw the notice</h2>
      <p class="hint">Until {formatLocal(ten.withdrawalDeadline)}, 24 hours before the event (s.103). A withdrawn notice does not count towards the yearly limits.</p>
      <Field id="withdraw-note" label="Reason (optional)" error={error}><textarea id="withdraw-note" rows={2} value={note} onInput={e => setNote(e.currentTarget.value)} /></Field>
      <button type="submit" class="danger">Withdraw the notice</button>
    </Form>
  )
}
