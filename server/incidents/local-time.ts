// Local (Europe/London by default) wall-clock times ⇄ UTC instants without extra libraries, so
// from/to windows, months and night hours follow the local calendar across daylight saving.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter (tz: string) {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    formatters.set(tz, f)
  }
  return f
}

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

export function localParts (instant: Date, tz: string): LocalParts {
  const parts: Record<string, number> = {}
  for (const p of formatter(tz).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
}

function offsetMs (instant: number, tz: string): number {
  const p = localParts(new Date(instant), tz)
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000
}

/** The UTC instant of a local wall-clock time ('YYYY-MM-DD', hours, minutes). */
export function localToUtc (date: string, tz: string, hour = 0, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(y, m - 1, d, hour, minute)
  let instant = guess - offsetMs(guess, tz)
  instant = guess - offsetMs(instant, tz)
  return new Date(instant)
}

/** 'YYYY-MM-DD' of the local date of an instant. */
export function localDate (instant: Date, tz: string): string {
  const p = localParts(instant, tz)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** The first day ('YYYY-MM-01') of the local month of an instant. */
export function localMonthStart (instant: Date, tz: string): string {
  return localDate(instant, tz).slice(0, 8) + '01'
}

export function addDays (date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function addMonths (monthStart: string, months: number): string {
  const [y, m] = monthStart.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + months, 1))
  return d.toISOString().slice(0, 10)
}

/** Month-precise records inside [from, to]: the first and last month starts whose whole month fits. */
export function wholeMonthsWithin (from: string, to: string): { first: string; last: string } {
  const first = from.endsWith('-01') ? from : addMonths(from.slice(0, 8) + '01', 1)
  const nextDay = addDays(to, 1)
  const last = addMonths(nextDay.slice(0, 8) + '01', -1)
  return { first, last }
}

const pad = (n: number) => String(n).padStart(2, '0')
