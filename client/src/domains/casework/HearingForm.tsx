// Scheduling a hearing, for a licensing case or an objection to a TEN: the window and the earliest
// date the notice allows are shown beside the date (the same statutory clock the server checks),
// and a date the server refuses comes back in the error summary with the window named.
import { useState } from 'preact/hooks'
import { ApiError } from '../../api/client.ts'
import { Field, Form, type Problem } from '../../components/form.tsx'
import { addWorkingDays, isWorkingDay, isWithinClockYears } from '../../../../shared/clock/index.ts'
import { localToday } from '../../settings.ts'
import type { HearingBody } from '../../../../shared/schemas/cases.ts'
import { formatLocal } from './tensApi.ts'

export interface HearingFormProps {
  window: { from: string; to: string }
  noticeWorkingDays: number
  current?: { date: string; time: string; place: string } | null
  onSubmit: (body: HearingBody) => Promise<unknown>
}

export function HearingForm ({ window, noticeWorkingDays, current, onSubmit }: HearingFormProps) {
  const earliest = addWorkingDays(localToday(), noticeWorkingDays)
  const first = [window.from, earliest].sort()[1]!
  const suggested = isWorkingDay(first) ? first : addWorkingDays(first, 1)
  const [form, setForm] = useState({ date: current?.date ?? (suggested <= window.to ? suggested : ''), time: current?.time ?? '10:00', place: current?.place ?? '' })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const set = (changes: Partial<typeof form>) => setForm(f => ({ ...f, ...changes }))

  async function submit () {
    const problems: Problem[] = []
    if (!isWithinClockYears(form.date)) problems.push({ field: 'date', message: 'Enter the date of the hearing' })
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time)) problems.push({ field: 'time', message: 'Enter the time the hearing starts, for example 10:00' })
    if (!form.place.trim()) problems.push({ field: 'place', message: 'Enter where the hearing is held' })
    if (problems.length) { setError(problems); return }
    setBusy(true)
    try {
      await onSubmit(form)
      setError(null)
    } catch (e) {
      // A date outside the window or too soon for notice is about the date field.
      setError(e instanceof ApiError && !e.field && e.code.startsWith('HEARING_') ? [{ field: 'date', message: e.message }] : e)
    } finally { setBusy(false) }
  }

  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={form.place.trim() !== (current?.place ?? '')} aria-labelledby="hearing-title">
      <h2 id="hearing-title">{current ? 'Move the hearing' : 'Schedule the hearing'}</h2>
      <Field id="date" label="Date" error={error} hint={`Between ${formatLocal(window.from)} and ${formatLocal(window.to)}, a working day. Notice goes to the parties today, so ${noticeWorkingDays} working days ahead at the earliest: ${formatLocal(earliest)}.`}>
        <input id="date" type="date" value={form.date} min={window.from} max={window.to} onInput={e => set({ date: e.currentTarget.value })} />
      </Field>
      <Field id="time" label="Time" error={error}>
        <input id="time" type="time" value={form.time} onInput={e => set({ time: e.currentTarget.value })} />
      </Field>
      <Field id="place" label="Place" error={error} hint="For example Committee Room 1, Guildhall">
        <input id="place" value={form.place} onInput={e => set({ place: e.currentTarget.value })} />
      </Field>
      <button type="submit" disabled={busy}>{current ? 'Move the hearing and give notice' : 'Schedule and give notice'}</button>
    </Form>
  )
}
