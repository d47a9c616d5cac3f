// Reading one cell of an extract as a date, a time or a number, in the profile's format. A value
// that cannot be read gives a sentence saying what was expected (the caller adds line and column).
import { localDate, localToUtc } from '../../../shared/dates.ts'
import { DATE_FORMAT_LABELS, type ProfileBody } from '../../../shared/schemas/records.ts'
import type { Cell } from './read-table.ts'

type DateFormat = ProfileBody['dateFormat']

export interface ReadDate { at: Date; hasTime: boolean }
export type Read<T> = { value: T; error?: undefined } | { value?: undefined; error: string }

const DAY_MS = 86_400_000
/** Excel's day 0 (1899-12-30, so that its 1900 leap-year bug cancels for dates after February 1900). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

const PATTERNS: Record<Exclude<DateFormat, 'iso'>, { re: RegExp; order: [number, number, number] }> = {
  'dd/MM/yyyy HH:mm': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/, order: [3, 2, 1] },
  'dd-MM-yyyy HH:mm': { re: /^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/, order: [3, 2, 1] },
  'yyyy-MM-dd HH:mm': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/, order: [1, 2, 3] },
  'MM/dd/yyyy HH:mm': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/, order: [3, 1, 2] }
}
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

const pad = (n: number) => String(n).padStart(2, '0')
const example = (format: DateFormat) => DATE_FORMAT_LABELS[format].replace(/^[^:]*: /, '')

export const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')

/** A wall-clock reading (year … second) as the instant it names in the zone. */
function wallClock (y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): Read<Date> {
  if (y < 1990 || y > 2100) return { error: 'the year must be between 1990 and 2100' }
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (mo < 1 || mo > 12 || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return { error: 'is not a real date' }
  if (h > 23 || mi > 59 || s > 59) return { error: 'is not a real time of day' }
  const at = localToUtc(`${y}-${pad(mo)}-${pad(d)}`, tz, h, mi)
  return { value: new Date(at.getTime() + s * 1000) }
}

/** An XLSX date cell holds the wall clock as if it were UTC (the reader cannot know the zone). */
function fromSpreadsheetDate (date: Date, tz: string): Read<ReadDate> {
  const t = new Date(Math.round(date.getTime() / 1000) * 1000)
  const read = wallClock(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), tz)
  if (read.error !== undefined) return read
  return { value: { at: read.value, hasTime: t.getUTCHours() + t.getUTCMinutes() + t.getUTCSeconds() > 0 } }
}

export function readDate (cell: Cell, format: DateFormat, tz: string): Read<ReadDate> {
  if (cell instanceof Date) return fromSpreadsheetDate(cell, tz)
  // A number in a date column is an Excel serial date (a cell that lost its date format).
  if (typeof cell === 'number') return cell > 32000 && cell < 73000 ? fromSpreadsheetDate(new Date(EXCEL_EPOCH + cell * DAY_MS), tz) : { error: `${cell} is not a date written ${example(format)}` }
  const text = String(cell ?? '').trim()
  if (format === 'iso') {
    const m = ISO.exec(text)
    if (!m) return { error: `"${text}" is not an ISO 8601 date like ${example(format)}` }
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m
    if (zone) {
      const at = new Date(text)
      if (Number.isNaN(at.getTime())) return { error: `"${text}" is not a real date and time` }
      const check = wallClock(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), 'UTC')
      if (check.error !== undefined) return { error: `"${text}" ${check.error}` }
      return { value: { at, hasTime: m[4] !== undefined } }
    }
    return local(text, Number(y), Number(mo), Number(d), m[4] === undefined ? null : [Number(h), Number(mi), Number(s)], tz)
  }
  const { re, order } = PATTERNS[format]
  const m = re.exec(text)
  if (!m) return { error: `"${text}" is not a date written ${example(format)}` }
  const hms = m[4] === undefined ? null : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] as [number, number, number]
  return local(text, Number(m[order[0]]), Number(m[order[1]]), Number(m[order[2]]), hms, tz)
}

function local (text: string, y: number, mo: number, d: number, hms: [number, number, number] | null, tz: string): Read<ReadDate> {
  const read = wallClock(y, mo, d, hms?.[0] ?? 0, hms?.[1] ?? 0, hms?.[2] ?? 0, tz)
  if (read.error !== undefined) return { error: `"${text}" ${read.error}` }
  return { value: { at: read.value, hasTime: hms !== null } }
}

/** A time of day in a column of its own: 23:40, 23:40:15, 2340, or an XLSX time (a fraction of a day). */
export function readTime (cell: Cell): Read<[number, number, number]> {
  if (cell instanceof Date) {
    const t = new Date(Math.round(cell.getTime() / 1000) * 1000)
    return { value: [t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()] }
  }
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const seconds = Math.round(cell * 86400)
    return seconds >= 86400 ? { error: `${cell} is not a time of day` } : { value: [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60] }
  }
  const text = String(cell ?? '').trim()
  const m = /^(\d{1,2}):?(\d{2})(?::(\d{2}))?$/.exec(text)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return { error: `"${text}" is not a time of day like 23:40` }
  return { value: [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] }
}

/** A date read without its time, and a time from another column: the local wall clock of both. */
export function withTime (date: ReadDate, time: [number, number, number], tz: string): Date {
  return new Date(localToUtc(localDate(date.at, tz), tz, time[0], time[1]).getTime() + time[2] * 1000)
}

/** A number (coordinates): XLSX numbers as they are, text with a decimal point (commas as thousands separators are refused). */
export function readNumber (cell: Cell): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : { error: 'is not a number' }
  const text = String(cell ?? '').trim()
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: `"${text}" is not a number` }
  return { value: Number(text) }
}

export function cellText (cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString()
  return String(cell).trim()
}
