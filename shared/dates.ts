// Calendar dates ('YYYY-MM-DD') and local wall-clock times, for the server and the client alike.
// Every function that turns an instant into a local date takes the IANA time zone explicitly:
// the server passes the configured TZ_LOCAL (config.tzLocal, or app.clock for "today"), so no
// code guesses the zone. Pure date arithmetic ('YYYY-MM-DD' in, 'YYYY-MM-DD' out) needs no zone.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter (timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f
}

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall-clock reading of an instant in a time zone. */
export function localParts (instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 'YYYY-MM-DD' of the local date of an instant. */
export function localDate (instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** 'HH:MM' of the local wall-clock time of an instant. */
export function localTime (instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** "Fri 7 Nov 2025 at 23:40": an instant as people read it, in the local zone. */
export function localDateTimeInWords (instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone)
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day)).toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
  return `${day} at ${pad(p.hour)}:${pad(p.minute)}`
}

/** The local calendar year of an instant. */
export function localYear (instant: Date, timeZone: string): number {
  return localParts(instant, timeZone).year
}

/** The first day ('YYYY-MM-01') of the local month of an instant. */
export function localMonthStart (instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 8) + '01'
}

function offsetMs (instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone)
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000
}

/** The UTC instant of a local wall-clock time ('YYYY-MM-DD', hours, minutes), across daylight saving. */
export function localToUtc (date: string, timeZone: string, hour = 0, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(y, m - 1, d, hour, minute)
  let instant = guess - offsetMs(guess, timeZone)
  instant = guess - offsetMs(instant, timeZone)
  return new Date(instant)
}

export function addDays (date: string, days: number): string {
  const d = new Date(date.slice(0, 10) + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The first day of the month `months` after the month of `date` ('YYYY-MM-01'). */
export function addMonths (date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10)
}

/** The same date `years` later; 29 February becomes 28 February in a year that has none. */
export function addYears (date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const result = new Date(Date.UTC(y + years, m - 1, d))
  if (result.getUTCMonth() !== m - 1) result.setUTCDate(0)
  return result.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween (from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)
}

/** Month-precise records inside [from, to]: the first and last month starts whose whole month fits. */
export function wholeMonthsWithin (from: string, to: string): { first: string; last: string } {
  const first = from.endsWith('-01') ? from : addMonths(from, 1)
  const last = addMonths(addDays(to, 1), -1)
  return { first, last }
}


/**
 * The latest December wholly covered by data that runs to `lastDate` (YYYY-MM-DD): its own year
 * once the 31st is reached, otherwise the year before, so that on 2 December a Christmas view
 * shows last year's complete December rather than two days of this one.
 */
export function latestCompleteDecember (lastDate: string): number {
  const year = Number(lastDate.slice(0, 4))
  return lastDate.slice(5, 10) === '12-31' ? year : year - 1
}

/** The night an instant belongs to: its local date, or the day before until 06:00 (01:30 on Saturday is Friday night). */
export function nightOf (instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone)
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`
  return p.hour < 6 ? addDays(date, -1) : date
}

/** The ISO weekday key ('mon' … 'sun') of a date. */
export function weekdayOf (date: string): 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' {
  return (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(date.slice(0, 10) + 'T00:00:00Z').getUTCDay()]!
}
