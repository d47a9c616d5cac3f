// When a venue trades: its opening hours (or a licensable activity's days and times) as
// spans per day, where a span whose end is at or before its start runs past midnight into the
// next morning (fri 11:00–02:00 covers 01:00 on Saturday). Used to suggest which venue a
// concern is about and to tell a resident what the licence allows at the time.
import { localParts, localTime } from '../dates.ts'
import { DAYS, type Day } from '../schemas/premises.ts'

export interface Span { from: string; to: string }
export type WeekHours = Partial<Record<Day, Span>>

export const DAY_LABELS: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }

const WEEK_FROM_SUNDAY: Day[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

export function previousDay (day: Day): Day {
  return DAYS[(DAYS.indexOf(day) + 6) % 7]!
}

export interface LocalMoment { day: Day; time: string }

/** The local weekday and HH:MM of an instant. */
export function localMoment (instant: Date, timeZone: string): LocalMoment {
  const p = localParts(instant, timeZone)
  const day = WEEK_FROM_SUNDAY[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!
  return { day, time: localTime(instant, timeZone) }
}

const crossesMidnight = (span: Span) => span.to <= span.from

/** Whether spans per day cover a local moment (including the previous day's span past midnight). */
export function covers (hours: WeekHours, at: LocalMoment): boolean {
  const today = hours[at.day]
  if (today && (crossesMidnight(today) ? at.time >= today.from : at.time >= today.from && at.time < today.to)) return true
  const yesterday = hours[previousDay(at.day)]
  return Boolean(yesterday && crossesMidnight(yesterday) && at.time < yesterday.to)
}

/** The span that covers the moment, with the day it belongs to (the night of). */
export function coveringSpan (hours: WeekHours, at: LocalMoment): { day: Day; span: Span } | null {
  const today = hours[at.day]
  if (today && (crossesMidnight(today) ? at.time >= today.from : at.time >= today.from && at.time < today.to)) return { day: at.day, span: today }
  const before = previousDay(at.day)
  const yesterday = hours[before]
  if (yesterday && crossesMidnight(yesterday) && at.time < yesterday.to) return { day: before, span: yesterday }
  return null
}

export interface Activity { activity: string; days: Day[]; from: string; to: string }

/** A licensable activity's days and times as spans per day. */
export function activityHours (activity: Activity): WeekHours {
  const hours: WeekHours = {}
  for (const day of activity.days) hours[day] = { from: activity.from, to: activity.to }
  return hours
}

/** The moments a concern is about: the time it happened, or each day of a pattern at its start and end. */
export function momentsOf (concern: { at?: Date | null; pattern?: { days: Day[]; from: string; to: string } | null }, timeZone: string): LocalMoment[] {
  if (concern.at) return [localMoment(concern.at, timeZone)]
  if (!concern.pattern) return []
  const moments: LocalMoment[] = []
  for (const day of concern.pattern.days) {
    moments.push({ day, time: concern.pattern.from })
    // The end time of a pattern past midnight falls on the next morning.
    const endDay = concern.pattern.to <= concern.pattern.from && concern.pattern.to !== '00:00' ? DAYS[(DAYS.indexOf(day) + 1) % 7]! : day
    const [h, m] = concern.pattern.to.split(':').map(Number) as [number, number]
    const justBefore = m > 0 ? `${String(h).padStart(2, '0')}:${String(m - 1).padStart(2, '0')}` : `${String((h + 23) % 24).padStart(2, '0')}:59`
    moments.push({ day: endDay, time: justBefore })
  }
  return moments
}
