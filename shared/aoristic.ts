// Uncertain times, counted aoristically (Ratcliffe 2002). An incident known only to have happened
// at some moment of a window [start, end) is spread evenly over the window's minutes; an hour or
// day-of-week filter counts the share of those minutes that fall inside it:
//
//     share = (minutes of [start, end) inside the filter) / (minutes of [start, end))
//
// An exact time counts 0 or 1. The filter reads local wall-clock time in the authority's zone
// (TZ_LOCAL): the hour is the local clock hour, the night of a moment is the local date of
// (local time − 6 h), so 01:30 on Saturday belongs to Friday night. Minutes are real elapsed
// minutes: the hour repeated when the clocks go back counts twice, the hour skipped when they go
// forward not at all, so a window's shares over all hours always add up to 1.
//
// A window is cut into slices, one per (night-of date, local hour) it touches, each with its
// minutes. Whether a slice is inside a filter depends only on its night and hour, so the share of
// any filter is the sum of its slices' minutes over the window's: counts kept per (cell, night,
// hour) as sums of minutes / window minutes give the same answers as this module.
import { addDays } from './dates.ts'

export interface TimeFilter {
  /** First and last local date (inclusive): night-of dates when `nights`, calendar dates otherwise. */
  from: string
  to: string
  /** The window counts nights (a day or hour filter is set): dates are night-of dates. */
  nights: boolean
  /** ISO days of the week (1 = Monday) of the night-of date; empty: every night. */
  days: readonly number[]
  /** Local clock hours [start, end), wrapping midnight when start > end; null: all hours. */
  hours: { start: number; end: number } | null
}

export interface HourSlice {
  /** Local calendar date of the slice. */
  date: string
  /** Night-of date: the local date of (local time − 6 h). */
  nightOf: string
  /** Local clock hour, 0–23. */
  hour: number
  /** Real minutes of the window in this slice (fractions when the window has seconds). */
  minutes: number
}

const MINUTE = 60_000
const QUARTER = 15 * MINUTE

// Every zone's offset from UTC is a whole number of quarter hours, and changes only on a UTC
// quarter hour, so a UTC quarter hour lies inside one local clock hour. Offsets are cached per
// quarter hour (incidents crowd into the same nights).
const offsets = new Map<string, number>()
const formatters = new Map<string, Intl.DateTimeFormat>()

function offsetMs (quarterStart: number, timeZone: string): number {
  const key = `${timeZone}|${quarterStart}`
  let value = offsets.get(key)
  if (value !== undefined) return value
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    formatters.set(timeZone, f)
  }
  const p: Record<string, number> = {}
  for (const part of f.formatToParts(new Date(quarterStart))) if (part.type !== 'literal') p[part.type] = Number(part.value)
  value = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - quarterStart
  if (offsets.size > 200_000) offsets.clear()
  offsets.set(key, value)
  return value
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The local date and hour of the quarter hour starting at `quarterStart` (UTC ms). */
function localHourOf (quarterStart: number, timeZone: string): { date: string; hour: number } {
  const local = new Date(quarterStart + offsetMs(quarterStart, timeZone))
  return { date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`, hour: local.getUTCHours() }
}

const nightOfLocal = (date: string, hour: number) => hour < 6 ? addDays(date, -1) : date

const ms = (t: Date | number) => typeof t === 'number' ? t : t.getTime()

/**
 * The window [start, end) cut at every local clock hour, in time order. Consecutive pieces of the
 * same local hour (the repeated hour of an autumn clock change) are one slice.
 */
export function hourSlices (start: Date | number, end: Date | number, timeZone: string): HourSlice[] {
  const t0 = ms(start)
  const t1 = ms(end)
  const slices: HourSlice[] = []
  let quarter = Math.floor(t0 / QUARTER) * QUARTER
  while (quarter < t1) {
    const from = Math.max(quarter, t0)
    const to = Math.min(quarter + QUARTER, t1)
    const { date, hour } = localHourOf(quarter, timeZone)
    const last = slices[slices.length - 1]
    // Milliseconds are added up and divided once per slice, so whole minutes stay exact.
    if (last && last.date === date && last.hour === hour) last.minutes += to - from
    else slices.push({ date, nightOf: nightOfLocal(date, hour), hour, minutes: to - from })
    quarter += QUARTER
  }
  for (const s of slices) s.minutes /= MINUTE
  return slices
}

/** Is a moment of this local date and hour inside the filter? */
export function inFilter (slice: Pick<HourSlice, 'date' | 'nightOf' | 'hour'>, f: TimeFilter): boolean {
  const date = f.nights ? slice.nightOf : slice.date
  if (date < f.from || date > f.to) return false
  if (f.days.length > 0 && !f.days.includes(isoDay(slice.nightOf))) return false
  if (f.hours) {
    const { start, end } = f.hours
    const inside = start < end ? slice.hour >= start && slice.hour < end : slice.hour >= start || slice.hour < end
    if (!inside) return false
  }
  return true
}

/** ISO day of the week of a date, 1 = Monday … 7 = Sunday. */
export function isoDay (date: string): number {
  const day = new Date(date + 'T00:00:00Z').getUTCDay()
  return day === 0 ? 7 : day
}

/**
 * The share of an incident inside the filter: minutes of [start, end) inside it over the minutes
 * of the window; an exact time (no end, or end ≤ start) counts 0 or 1.
 */
export function aoristicShare (start: Date | number, end: Date | number | null, f: TimeFilter, timeZone: string): number {
  const t0 = ms(start)
  if (end === null || ms(end) <= t0) {
    const quarter = Math.floor(t0 / QUARTER) * QUARTER
    const { date, hour } = localHourOf(quarter, timeZone)
    return inFilter({ date, nightOf: nightOfLocal(date, hour), hour }, f) ? 1 : 0
  }
  let inside = 0
  let total = 0
  for (const slice of hourSlices(t0, end, timeZone)) {
    total += slice.minutes
    if (inFilter(slice, f)) inside += slice.minutes
  }
  return inside / total
}

/** The middle of a window: the moment a window-dated incident is dated by where one date is needed (flags). */
export function windowMidpoint (start: Date | number, end: Date | number): Date {
  const t0 = ms(start)
  return new Date(t0 + Math.floor((ms(end) - t0) / 2))
}
