// Which venue a concern is probably about: the premises near its pin (within about twice the
// pin's stated accuracy), those trading at the time it happened first, nearest first. A pin at
// 01:00 on a Saturday suggests the venues open at 01:00 that night, not the café next door.
import type { Db } from '../db/types.ts'
import { lngLatToBng } from '../geo/bng.ts'
import { DAY_LABELS, activityHours, coveringSpan, momentsOf, type Activity, type LocalMoment, type WeekHours } from '../../shared/concerns/trading.ts'
import type { Day } from '../../shared/schemas/premises.ts'
import type { ConcernKind } from '../../shared/schemas/concerns.ts'
import type { Suggestion } from '../../shared/schemas/concerns-triage.ts'
import * as repo from './concerns.repository.ts'

const MUSIC = new Set(['recorded_music', 'live_music'])
const MAX_SUGGESTIONS = 5

export interface PlaceAndTime {
  kind: ConcernKind
  lat: number | null
  lng: number | null
  accuracyM: number | null
  occurredAt: Date | string | null
  happeningNow: boolean
  createdAt: Date
  pattern: { days: Day[]; from: string; to: string } | null
}

/** The search radius for a pin: twice its accuracy, between 100 m and 500 m. */
export function searchRadius (accuracyM: number | null): number {
  return Math.min(500, Math.max(100, (accuracyM ?? 50) * 2))
}

export function momentsOfConcern (c: PlaceAndTime, tz: string): LocalMoment[] {
  const at = c.occurredAt ? new Date(c.occurredAt) : c.happeningNow ? c.createdAt : null
  return momentsOf({ at, pattern: c.pattern }, tz)
}

export async function suggestPremises (db: Db, concern: PlaceAndTime, tz: string): Promise<Suggestion[]> {
  if (concern.lat == null || concern.lng == null) return []
  const { easting, northing } = lngLatToBng(concern.lng, concern.lat)
  const near = await repo.premisesNear(db, easting, northing, searchRadius(concern.accuracyM))
  const moments = momentsOfConcern(concern, tz)
  const ranked = near.map(p => {
    const hours = (p.openingHours ?? {}) as WeekHours
    const known = moments.length > 0 && Object.keys(hours).length > 0
    const open = known ? moments.map(m => ({ m, span: coveringSpan(hours, m) })).find(x => x.span) : undefined
    const trading = known ? Boolean(open) : null
    const distanceM = Math.round(Number(p.distanceM))
    const parts: string[] = []
    if (open) parts.push(`Open at ${open.m.time} on ${DAY_LABELS[open.m.day]} (${DAY_LABELS[open.span!.day]} hours ${open.span!.span.from}–${open.span!.span.to})`)
    else if (trading === false) parts.push(`Closed at ${moments[0]!.time} on ${DAY_LABELS[moments[0]!.day]}`)
    else parts.push('Opening hours or the time are not known')
    if (concern.kind === 'noise_music' && moments.length) {
      const music = ((p.licensableActivities ?? []) as Activity[]).filter(a => MUSIC.has(a.activity))
      const licensed = music.find(a => moments.some(m => coveringSpan(activityHours(a), m)))
      if (licensed) parts.push(`licensed for ${licensed.activity.replace('_', ' ')} until ${licensed.to}`)
      else if (music.length) parts.push('not licensed for music at that time')
    }
    if (p.status !== 'current') parts.push(`licence ${p.status}`)
    parts.push(`${distanceM} m away`)
    return { premisesId: p.id, name: p.name, address: p.address, distanceM, trading, reason: parts.join('; '), current: p.status === 'current' }
  })
  const rank = (s: { trading: boolean | null; current: boolean }) => (s.trading === true ? 0 : s.trading === null ? 1 : 2) + (s.current ? 0 : 3)
  ranked.sort((a, b) => rank(a) - rank(b) || a.distanceM - b.distanceM)
  return ranked.slice(0, MAX_SUGGESTIONS).map(({ current: _current, ...s }) => s)
}
