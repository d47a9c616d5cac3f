// Calendar days and working days on local 'YYYY-MM-DD' dates (no time zone: a date is the day
// as the licensing authority's calendar shows it). A working day is any day other than a
// Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday in England and Wales
// (Licensing Act 2003 s.193; substitute days are bank holidays under the Banking and Financial
// Dealings Act 1971 Sch. 1). The holidays come from the generated, offline list beside this file.
import { addDays } from '../dates.ts'
import { FIRST_YEAR, HOLIDAYS_BY_YEAR, LAST_YEAR } from './bank-holidays.ts'

export { FIRST_YEAR, LAST_YEAR, HOLIDAY_SOURCE } from './bank-holidays.ts'

/** A date the clock cannot answer for: not a real calendar date, or outside the years it knows. */
export class ClockRangeError extends RangeError {
  override name = 'ClockRangeError'
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const holidaySets = new Map<number, Set<string>>()

/** True for a real calendar date written 'YYYY-MM-DD' (2027-02-30 is not one). */
export function isCalendarDate (value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === value
}

function checked (date: string): string {
  if (!isCalendarDate(date)) throw new ClockRangeError(`${date} is not a date written YYYY-MM-DD`)
  const year = Number(date.slice(0, 4))
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new ClockRangeError(`The statutory clock knows the bank holidays of ${FIRST_YEAR} to ${LAST_YEAR} only, not ${year}`)
  return date
}

/** True if the date is inside the years whose bank holidays the clock knows. */
export function isWithinClockYears (date: string): boolean {
  const year = Number(date.slice(0, 4))
  return isCalendarDate(date) && year >= FIRST_YEAR && year <= LAST_YEAR
}

function holidaysOf (year: number): Set<string> {
  let set = holidaySets.get(year)
  if (!set) {
    set = new Set((HOLIDAYS_BY_YEAR[year] ?? '').split(' ').filter(Boolean).map(md => `${year}-${md}`))
    holidaySets.set(year, set)
  }
  return set
}

/** The date `days` calendar days after (or, negative, before) `date`. */
export const addCalendarDays = addDays

export function isWeekend (date: string): boolean {
  const weekday = new Date(date + 'T00:00:00Z').getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Christmas Day, Good Friday or a bank holiday in England and Wales falling on a weekday. */
export function isBankHoliday (date: string): boolean {
  checked(date)
  return holidaysOf(Number(date.slice(0, 4))).has(date)
}

export function isWorkingDay (date: string): boolean {
  return !isWeekend(checked(date)) && !isBankHoliday(date)
}

/**
 * The `count`th working day after `from`, not counting `from` itself (negative: before it).
 * addWorkingDays(d, 0) is `d`. This is how "within N working days starting on the day after"
 * and "N working days before" are both read.
 */
export function addWorkingDays (from: string, count: number): string {
  checked(from)
  if (!Number.isInteger(count)) throw new ClockRangeError('A number of working days is a whole number')
  const step = count < 0 ? -1 : 1
  let date = from
  for (let left = Math.abs(count); left > 0;) {
    date = checked(addCalendarDays(date, step))
    if (isWorkingDay(date)) left--
  }
  return date
}

/** The working days strictly between two dates (neither end counted); 0 when `to` is not after `from`. */
export function workingDaysBetween (from: string, to: string): number {
  checked(from)
  checked(to)
  let count = 0
  for (let date = addCalendarDays(from, 1); date < to; date = addCalendarDays(date, 1)) {
    if (isWorkingDay(date)) count++
  }
  return count
}

/** The date itself if it is a working day, otherwise the next working day. */
export function onOrAfterWorkingDay (date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1)
}
