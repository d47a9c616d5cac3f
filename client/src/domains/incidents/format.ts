// Display helpers for incidents: when (respecting the record's precision), where, and labels.
import { categoryLabel } from '../../../../shared/incident-categories.ts'
import type { Incident, IncidentSettings } from '../../../../shared/schemas/incidents.ts'
import { localTimeZone } from '../../settings.ts'

export { categoryLabel }

export const SOURCE_LABELS: Record<string, string> = { police_uk: 'police.uk', police: 'Police', officer: 'Licensing officer', venue: 'Venue incident book', public: 'Public' }
export const ATTRIBUTION_LABELS: Record<string, string> = { linked: 'Linked', proximate: 'Nearby', ambiguous: 'Near several venues', none: '—' }

export function when (i: Pick<Incident, 'occurredAt' | 'timePrecision' | 'month'>): string {
  const date = new Date(i.occurredAt)
  const opts: Intl.DateTimeFormatOptions = { timeZone: localTimeZone() }
  if (i.timePrecision === 'month') return new Date(i.month + '-15T12:00:00Z').toLocaleDateString('en-GB', { ...opts, month: 'long', year: 'numeric' }) + ' (month only)'
  if (i.timePrecision === 'day') return date.toLocaleDateString('en-GB', { ...opts, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
  return date.toLocaleString('en-GB', { ...opts, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** 'YYYY-MM-DDTHH:MM' in local time for a datetime-local input, n minutes ago. */
export function localInputValue (date = new Date()): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000)
  return local.toISOString().slice(0, 16)
}

/** The two radii attribution uses (of GET /api/incidents/settings). */
export type RadiusSettings = Pick<IncidentSettings, 'radiusM' | 'policeUkRadiusM'>

export function radiusText (s: RadiusSettings | undefined): string {
  if (!s) return ''
  return `An incident counts for a venue when it was recorded against it (linked) or when that venue is the only one within ${s.radiusM} m (${s.policeUkRadiusM} m for police.uk points, which are anonymised to the nearest snap point). Incidents within range of several venues are shown on each but not counted.`
}

/**
 * Where it happened in words: the address or street the record gives, else the venue it counts
 * for, else that it is a point on the map (coordinates mean nothing to a reader).
 */
export function where (i: Pick<Incident, 'locationText' | 'location' | 'premisesName' | 'attribution'>): string {
  if (i.locationText) return i.locationText
  if (i.premisesName) return i.attribution === 'linked' ? `At ${i.premisesName}` : `Near ${i.premisesName}`
  return i.location ? 'A point marked on the map (no venue nearby)' : 'No location'
}

/** "You can change or delete it until Sat 8 Nov, 02:00" (what: what the user may still do). */
export function untilText (until: string, what: string): string {
  const at = new Date(until).toLocaleString('en-GB', { timeZone: localTimeZone(), weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
  return `You can ${what} it until ${at}`
}
