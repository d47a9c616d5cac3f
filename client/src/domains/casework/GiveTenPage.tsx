// Giving a Temporary Event Notice, on a phone-sized form: a venue manager for its own premises
// (given today), an officer for a paper notice on a premises user's behalf (with the day it was
// given). As the dates are typed the statutory clock says whether it is standard, late or too
// late, and when objections close, the same arithmetic the server applies.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api } from '../../api/client.ts'
import { useLoad } from '../../components/ui.tsx'
import { Field, type FieldProblem, Form } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { useSession } from '../../session.tsx'
import { localToday } from '../../settings.ts'
import { isCalendarDate, isWithinClockYears, lastDayToGiveTen, tenKind, tenObjectionDeadline } from '../../../../shared/clock/index.ts'
import { TEN_LIMITS } from '../../../../shared/casework/ten-limits.ts'
import { TEN_ACTIVITIES, type TenActivity } from '../../../../shared/schemas/tens.ts'
import { TEN_ACTIVITY_LABELS, formatLocal, tensApi } from './tensApi.ts'
import './casework.css'


export default function GiveTenPage () {
  usePageTitle('Give a Temporary Event Notice')
  const { user } = useSession()
  const { route } = useLocation()
  const officer = user?.role === 'licensing_officer' || user?.role === 'admin'
  const premises = useLoad(signal => api('/api/premises', { query: { limit: 1000, status: 'current' }, signal }).then(r => r.items), [])
  const [form, setForm] = useState({ premisesId: '', name: '', personalLicenceHolder: false, givenOn: localToday(), startsAt: '', endsAt: '', maxPeople: '', activities: [] as TenActivity[] })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [dirty, setDirty] = useState(false)
  const set = (changes: Partial<typeof form>) => { setDirty(true); setForm(f => ({ ...f, ...changes })) }
  const givenOn = officer ? form.givenOn : localToday()
  const startsOn = form.startsAt.slice(0, 10)
  const kind = isCalendarDate(givenOn) && isWithinClockYears(startsOn) ? tenKind(givenOn, startsOn) : null

  function check (): FieldProblem[] {
    const problems: FieldProblem[] = []
    if (!form.premisesId) problems.push({ field: 'premisesId', message: 'Choose the premises' })
    if (!form.name.trim()) problems.push({ field: 'name', message: 'Enter the name of the premises user' })
    if (!form.startsAt) problems.push({ field: 'startsAt', message: 'Enter when the event starts' })
    if (!form.endsAt) problems.push({ field: 'endsAt', message: 'Enter when the event ends' })
    if (!/^\d+$/.test(form.maxPeople) || Number(form.maxPeople) < 1) problems.push({ field: 'maxPeople', message: 'Enter the most people there at any one time, as a number, for example 120' })
    if (!form.activities.length) problems.push({ field: 'activities', message: 'Choose at least one licensable activity' })
    return problems
  }

  async function submit (event: Event) {
    event.preventDefault()
    const problems = check()
    if (problems.length) { setError(problems); return }
    setBusy(true)
    setError(null)
    try {
      const ten = await tensApi.give({
        premisesId: Number(form.premisesId),
        premisesUser: { name: form.name, personalLicenceHolder: form.personalLicenceHolder },
        ...(officer ? { givenOn: form.givenOn } : {}),
        startsAt: form.startsAt, endsAt: form.endsAt, maxPeople: Number(form.maxPeople), activities: form.activities
      })
      setDirty(false)
      route(`/tens/${ten.id}?given=1`)
    } catch (e) { setError(e) } finally { setBusy(false) }
  }

  const myPremises = (premises.data ?? []).filter(p => officer || user?.premisesIds.includes(p.id))
  return (
    <section class="narrow-form">
      <h1>Give a Temporary Event Notice</h1>
      <p class="muted">For an event of up to {TEN_LIMITS.people} people and {TEN_LIMITS.hours} hours. The police and environmental health see it at once and have three working days to object.</p>
      <Form class="card form" onSubmit={submit} error={error} dirty={dirty} aria-label="Temporary Event Notice"
        fieldIds={{ 'premisesUser.name': 'name', 'premisesUser.personalLicenceHolder': 'personalLicenceHolder', activities: 'activity-alcohol' }}>
        <Field id="premisesId" label="Premises" error={error}>
          <select id="premisesId" value={form.premisesId} onChange={e => set({ premisesId: e.currentTarget.value })}>
            <option value="">Choose the premises</option>
            {myPremises.map(p => <option key={p.id} value={String(p.id)}>{p.name}</option>)}
          </select>
        </Field>
        <Field id="name" label="Premises user (the person giving the notice)" error={error}>
          <input id="name" autoComplete="name" value={form.name} onInput={e => set({ name: e.currentTarget.value })} />
        </Field>
        <div class="field checkbox">
          <label><input id="personalLicenceHolder" type="checkbox" checked={form.personalLicenceHolder} onChange={e => set({ personalLicenceHolder: e.currentTarget.checked })} /> The premises user holds a personal licence</label>
        </div>
        {officer && (
          <Field id="givenOn" label="Date the notice was given" error={error} hint="For a paper notice: the day the authority received it.">
            <input id="givenOn" type="date" value={form.givenOn} onInput={e => set({ givenOn: e.currentTarget.value })} />
          </Field>
        )}
        <Field id="startsAt" label="Event starts" error={error} hint="Date and 24-hour time">
          <input id="startsAt" type="datetime-local" value={form.startsAt} onInput={e => set({ startsAt: e.currentTarget.value })} />
        </Field>
        <Field id="endsAt" label="Event ends" error={error}>
          <input id="endsAt" type="datetime-local" value={form.endsAt} onInput={e => set({ endsAt: e.currentTarget.value })} />
        </Field>
        {kind && (
          <p class={kind === 'too_late' ? 'error' : 'notice'} data-testid="ten-kind" aria-live="polite">
            {kind === 'standard' && <>A <strong>standard</strong> notice. Objections close on {formatLocal(tenObjectionDeadline(givenOn))}.</>}
            {kind === 'late' && <>A <strong>late</strong> notice (given 5 to 9 working days before). If the police or environmental health object, it cannot go ahead. A standard notice had to be given by {formatLocal(lastDayToGiveTen(startsOn, 'standard'))}.</>}
            {kind === 'too_late' && <>Too late: a notice must be given at least 5 working days before the event. The last day was {formatLocal(lastDayToGiveTen(startsOn, 'late'))}.</>}
          </p>
        )}
        <Field id="maxPeople" label="Most people at any one time" error={error} hint={`At most ${TEN_LIMITS.people}, staff included`}>
          <input id="maxPeople" inputMode="numeric" value={form.maxPeople} onInput={e => set({ maxPeople: e.currentTarget.value })} />
        </Field>
        <fieldset class={`field ${Array.isArray(error) && (error as FieldProblem[]).some(p => p.field === 'activities') ? 'has-error' : ''}`}>
          <legend>Licensable activities</legend>
          {TEN_ACTIVITIES.map(a => (
            <label key={a} class="checkbox"><input id={`activity-${a}`} type="checkbox" checked={form.activities.includes(a)}
              onChange={e => set({ activities: e.currentTarget.checked ? [...form.activities, a] : form.activities.filter(x => x !== a) })} /> {TEN_ACTIVITY_LABELS[a]}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>Give notice</button>
      </Form>
    </section>
  )
}
