// The questions of the report form that need no map: what, when, the description and the
// reporter's details. One question a page, as GOV.UK forms ask; each shows its own errors.
import type { ComponentChildren } from 'preact'
import { Field } from '../../components/form.tsx'
import type { FieldProblem } from '../../components/form.tsx'
import { CONCERN_KINDS, CONCERN_KIND_LABELS, type ConcernKind } from '../../../../shared/schemas/concerns.ts'
import { DAYS, type Day } from '../../../../shared/schemas/premises.ts'
import { DAY_LABELS } from '../../../../shared/concerns/trading.ts'
import type { Draft } from './draft.ts'

export interface StepProps { draft: Draft; set: (changes: Partial<Draft>) => void; problems: FieldProblem[] }

const HINTS: Record<ConcernKind, string> = {
  noise_music: 'Amplified or live music, a DJ, bass you can hear or feel',
  noise_people: 'Customers outside, in a queue or smoking area, or leaving at closing time',
  noise_deliveries: 'Deliveries, bottle bins or collections at unsocial hours',
  noise_plant: 'Extractor fans, air conditioning, chillers or other machinery',
  anti_social_behaviour: 'Drunkenness, fighting, urinating in the street, litter, intimidation',
  other: 'Something else about a licensed venue'
}

export const problemFor = (problems: FieldProblem[], ...fields: string[]) => problems.find(p => p.field && fields.includes(p.field))?.message

export function Radios ({ legend, hint, error, children }: { legend: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <fieldset class={`radios ${error ? 'field has-error' : ''}`}>
      <legend><h1>{legend}</h1></legend>
      {hint && <p class="hint muted">{hint}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {children}
    </fieldset>
  )
}

export function Choice ({ id, name, checked, onChange, label, hint }: { id: string; name: string; checked: boolean; onChange: () => void; label: string; hint?: string }) {
  return (
    <label for={id}>
      <input type="radio" id={id} name={name} checked={checked} onChange={onChange} />
      <span>{label}{hint && <><br /><small class="muted">{hint}</small></>}</span>
    </label>
  )
}

export function WhatStep ({ draft, set, problems }: StepProps) {
  return (
    <Radios legend="What is the problem?" error={problemFor(problems, 'kind')}>
      {CONCERN_KINDS.map(kind => (
        <Choice key={kind} id={`kind-${kind}`} name="kind" checked={draft.kind === kind} onChange={() => set({ kind })} label={CONCERN_KIND_LABELS[kind]} hint={HINTS[kind]} />
      ))}
    </Radios>
  )
}

export function WhenStep ({ draft, set, problems }: StepProps) {
  const toggleDay = (day: Day) => set({ days: draft.days.includes(day) ? draft.days.filter(d => d !== day) : DAYS.filter(d => d === day || draft.days.includes(d)) })
  return (
    <Radios legend="When does it happen?" error={problemFor(problems, 'when', 'happeningNow')}>
      <Choice id="when-now" name="when" checked={draft.when === 'now'} onChange={() => set({ when: 'now' })} label="It is happening now" />
      <Choice id="when-at" name="when" checked={draft.when === 'at'} onChange={() => set({ when: 'at' })} label="It happened at a date and time" />
      {draft.when === 'at' && (
        <div class="conditional">
          <Field id="when-date" label="Date" error={problems.filter(p => p.field === 'date' || p.field === 'occurredAt').map(p => ({ ...p, field: 'when-date' }))}>
            <input id="when-date" type="date" value={draft.date} max={new Date().toISOString().slice(0, 10)} onInput={e => set({ date: e.currentTarget.value })} />
          </Field>
          <Field id="when-time" label="Time" hint="On the 24-hour clock: 01:00 is one in the morning" error={problems.filter(p => p.field === 'time').map(p => ({ ...p, field: 'when-time' }))}>
            <input id="when-time" type="time" value={draft.time} onInput={e => set({ time: e.currentTarget.value })} />
          </Field>
        </div>
      )}
      <Choice id="when-often" name="when" checked={draft.when === 'often'} onChange={() => set({ when: 'often' })} label="It happens often, on certain days and times" />
      {draft.when === 'often' && (
        <div class="conditional">
          <fieldset class={`checkboxes ${problemFor(problems, 'pattern.days') ? 'field has-error' : ''}`}>
            <legend>Which days?</legend>
            {problemFor(problems, 'pattern.days') && <p class="error" role="alert">{problemFor(problems, 'pattern.days')}</p>}
            {DAYS.map(day => (
              <label key={day} for={`day-${day}`}><input type="checkbox" id={`day-${day}`} checked={draft.days.includes(day)} onChange={() => toggleDay(day)} /> {DAY_LABELS[day]}</label>
            ))}
          </fieldset>
          <Field id="when-from" label="From about" error={problems.filter(p => p.field === 'pattern.from').map(p => ({ ...p, field: 'when-from' }))}>
            <input id="when-from" type="time" value={draft.from} onInput={e => set({ from: e.currentTarget.value })} />
          </Field>
          <Field id="when-to" label="Until about" hint="A time after midnight counts as the same night" error={problems.filter(p => p.field === 'pattern.to').map(p => ({ ...p, field: 'when-to' }))}>
            <input id="when-to" type="time" value={draft.to} onInput={e => set({ to: e.currentTarget.value })} />
          </Field>
        </div>
      )}
    </Radios>
  )
}

export function DetailsStep ({ draft, set, problems }: StepProps) {
  return (
    <>
      <h1>Tell us what happens</h1>
      <Field id="description" label="What did you hear or see?" hint="For example: music with heavy bass from the open doors until 2am, people shouting outside. Do not include anyone's personal details." error={problems}>
        <textarea id="description" rows={7} maxLength={5000} value={draft.description} onInput={e => set({ description: e.currentTarget.value })} />
      </Field>
      <p class="muted">{draft.description.length.toLocaleString('en-GB')} of 5,000 characters</p>
    </>
  )
}

export function YouStep ({ draft, set, problems }: StepProps) {
  return (
    <>
      <h1>Your details</h1>
      <p>We email you a link to confirm your report, and then each update. We never show your name or email to the venue or the public.</p>
      <Field id="name" label="Your name (optional)" error={problems}>
        <input id="name" autoComplete="name" maxLength={200} value={draft.name} onInput={e => set({ name: e.currentTarget.value })} />
      </Field>
      <Field id="email" label="Email address" error={problems}>
        <input id="email" type="email" autoComplete="email" spellcheck={false} value={draft.email} onInput={e => set({ email: e.currentTarget.value })} />
      </Field>
      <div class="checkboxes">
        <label for="anonymous"><input type="checkbox" id="anonymous" checked={draft.anonymousToVenue} onChange={e => set({ anonymousToVenue: e.currentTarget.checked })} /> Keep me anonymous to the venue: officers will not tell the venue who reported it</label>
      </div>
      {/* Hidden from people and screen readers; a program that fills it in is ignored. */}
      <div class="visually-hidden" aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" tabIndex={-1} autoComplete="off" value={draft.website} onInput={e => set({ website: e.currentTarget.value })} />
      </div>
    </>
  )
}
