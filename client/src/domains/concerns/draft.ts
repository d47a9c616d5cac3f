// The report being written, kept in this tab's session storage so a reload or a slip of the
// back button never loses what the person typed; the body the API takes is built from it.
import type { ConcernKind } from '../../../../shared/schemas/concerns.ts'
import type { Day } from '../../../../shared/schemas/premises.ts'
import type { FieldProblem } from '../../components/form.tsx'
import { localToUtc } from '../../../../shared/dates.ts'
import { localTimeZone } from '../../settings.ts'

export interface Draft {
  kind: ConcernKind | ''
  where: 'venue' | 'pin' | ''
  premisesId: number | null
  premisesName: string
  pin: { lat: number; lng: number } | null
  accuracyM: number
  locationText: string
  when: 'now' | 'at' | 'often' | ''
  date: string
  time: string
  days: Day[]
  from: string
  to: string
  description: string
  name: string
  email: string
  anonymousToVenue: boolean
  /** The field people never see (a honeypot for programs that fill in every field). */
  website: string
}

export const EMPTY: Draft = {
  kind: '', where: '', premisesId: null, premisesName: '', pin: null, accuracyM: 50, locationText: '',
  when: '', date: '', time: '', days: [], from: '', to: '', description: '', name: '', email: '', anonymousToVenue: true, website: ''
}

const KEY = 'nightsafe.concern-draft'

export function loadDraft (): Draft {
  try {
    const saved = sessionStorage.getItem(KEY)
    return saved ? { ...EMPTY, ...JSON.parse(saved) as Partial<Draft> } : EMPTY
  } catch { return EMPTY }
}

export function saveDraft (draft: Draft) {
  try { sessionStorage.setItem(KEY, JSON.stringify(draft)) } catch {}
}

export function clearDraft () {
  try { sessionStorage.removeItem(KEY) } catch {}
}

export const STEPS = ['what', 'where', 'when', 'details', 'you', 'check'] as const
export type Step = typeof STEPS[number]

/** The step where the person can fix a field the server refused. */
export function stepOfField (field: string | undefined): Step {
  if (!field) return 'check'
  if (field === 'kind') return 'what'
  if (field === 'premisesId' || field.startsWith('location') || field === 'pin' || field === 'where') return 'where'
  if (field === 'when' || field === 'occurredAt' || field.startsWith('pattern') || field === 'happeningNow') return 'when'
  if (field === 'description') return 'details'
  if (field.startsWith('reporter')) return 'you'
  return 'check'
}

/** The date and time typed, read in the authority's time zone, as an instant. */
export function occurredAtOf (draft: Draft): string | undefined {
  if (draft.when !== 'at' || !/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || !/^\d{2}:\d{2}$/.test(draft.time)) return undefined
  const [hour, minute] = draft.time.split(':').map(Number) as [number, number]
  const at = localToUtc(draft.date, localTimeZone(), hour, minute)
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString()
}

export function bodyOf (draft: Draft) {
  return {
    kind: draft.kind,
    ...(draft.where === 'venue' && draft.premisesId ? { premisesId: draft.premisesId } : {}),
    ...(draft.where === 'pin' && draft.pin ? { location: { ...draft.pin, accuracyM: draft.accuracyM } } : {}),
    ...(draft.locationText.trim() ? { locationText: draft.locationText.trim() } : {}),
    ...(draft.when === 'now' ? { happeningNow: true } : {}),
    ...(draft.when === 'at' ? { occurredAt: occurredAtOf(draft) ?? `${draft.date}T${draft.time}` } : {}),
    ...(draft.when === 'often' ? { pattern: { days: draft.days, from: draft.from, to: draft.to } } : {}),
    description: draft.description,
    reporter: { ...(draft.name.trim() ? { name: draft.name.trim() } : {}), email: draft.email.trim(), anonymousToVenue: draft.anonymousToVenue },
    ...(draft.website ? { website: draft.website } : {})
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/** What is missing or wrong on a step, in the words the server would use. */
export function problemsOfStep (step: Step, d: Draft): FieldProblem[] {
  const p: FieldProblem[] = []
  if (step === 'what' && !d.kind) p.push({ field: 'kind', message: 'Choose what the concern is about' })
  if (step === 'where') {
    if (!d.where) p.push({ field: 'where', message: 'Choose the venue, or put a pin on the map where it happens' })
    if (d.where === 'venue' && !d.premisesId) p.push({ field: 'premisesId', message: 'Choose a venue from the list' })
    if (d.where === 'pin' && !d.pin) p.push({ field: 'pin', message: 'Tap the map where it happens, or use your location' })
  }
  if (step === 'when') {
    if (!d.when) p.push({ field: 'when', message: 'Say when it happens: now, on a date and time, or on which days and times' })
    if (d.when === 'at' && !d.date) p.push({ field: 'date', message: 'Enter the date it happened' })
    if (d.when === 'at' && !d.time) p.push({ field: 'time', message: 'Enter the time it happened, like 01:00' })
    if (d.when === 'at' && d.date && d.time && (occurredAtOf(d) ?? '') > new Date(Date.now() + 600_000).toISOString()) p.push({ field: 'date', message: 'The date and time must be in the past' })
    if (d.when === 'often' && !d.days.length) p.push({ field: 'pattern.days', message: 'Choose the days it happens on' })
    if (d.when === 'often' && !d.from) p.push({ field: 'pattern.from', message: 'Enter the time it usually starts, like 23:00' })
    if (d.when === 'often' && !d.to) p.push({ field: 'pattern.to', message: 'Enter the time it usually stops, like 02:00' })
  }
  if (step === 'details') {
    if (!d.description.trim()) p.push({ field: 'description', message: 'Describe what you heard or saw' })
    else if (d.description.trim().length > 5000) p.push({ field: 'description', message: 'Keep the description to 5,000 characters or fewer' })
  }
  if (step === 'you' && !EMAIL.test(d.email.trim())) p.push({ field: 'reporter.email', message: 'Enter an email address like name@example.com' })
  return p
}
