// The permitted limits for Temporary Event Notices (Licensing Act 2003 ss.100, 101, 107) and the
// pure arithmetic behind them, shared so the phone form can warn before the server refuses.
// Event times are local wall-clock 'YYYY-MM-DDTHH:mm' in TZ_LOCAL.
import { addCalendarDays } from '../clock/days.ts'

export const TEN_LIMITS = {
  /** At most 499 people on the premises at any one time (s.100(5)(d)). */
  people: 499,
  /** An event period of at most 168 hours (s.100(5)(b)). */
  hours: 168,
  /** At most 15 notices per premises per calendar year (s.107(4)). */
  premisesNotices: 15,
  /** Event periods at one premises totalling at most 21 days per calendar year (s.107(5)). */
  premisesDays: 21,
  /** Notices per premises user per year: 5, or 50 for a personal licence holder (s.107(2), (3)). */
  userNotices: { withoutPersonalLicence: 5, withPersonalLicence: 50 },
  /** Of which late notices: 2, or 10 (s.107(2A), (3A)). */
  userLateNotices: { withoutPersonalLicence: 2, withPersonalLicence: 10 },
  /** At least 24 hours between event periods of the same premises user at the same premises (s.101). */
  gapHours: 24
} as const

export type TenLimit = 'people' | 'hours' | 'premises_notices' | 'premises_days' | 'user_notices' | 'user_late_notices' | 'gap_24_hours'

/** The calendar days on which any part of the event period falls (an end at 00:00 does not touch that day). */
export function eventDays (startsLocal: string, endsLocal: string): string[] {
  const first = startsLocal.slice(0, 10)
  let last = endsLocal.slice(0, 10)
  if (endsLocal.slice(11, 16) === '00:00' && last > first) last = addCalendarDays(last, -1)
  const days: string[] = []
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) days.push(day)
  return days
}

/** The calendar years an event period touches (one that spans New Year counts in both). */
export function eventYears (startsLocal: string, endsLocal: string): number[] {
  return [...new Set(eventDays(startsLocal, endsLocal).map(d => Number(d.slice(0, 4))))]
}

/** The same premises user however the name was typed: lower case, single spaces. */
export function premisesUserKey (name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ')
}

export const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/
