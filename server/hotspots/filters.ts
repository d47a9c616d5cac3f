// Turns the query string into the filters the repository understands, and the date helpers
// (inclusive local dates, the same window a year earlier; today's date comes from app.clock). Night-of dates are computed in SQL.
import { DAY_NAMES, type HotspotQuery } from '../../shared/schemas/hotspots.ts'
import { fieldError } from '../errors.ts'
import { addDays, addYears, daysBetween } from '../../shared/dates.ts'

export interface HotspotFilters {
  from: string
  to: string
  categories: string[]
  /** Only these sources (the include/exclude switches); empty: every source. */
  sources: string[]
  /** ISO days of the week of the night-of date, 1 = Monday. Empty: every night. */
  days: number[]
  /** Local clock hours [start, end), wrapping midnight when start > end. */
  hours: { start: number; end: number } | null
  cellSize: number
  weight: 'count' | 'harm'
  /** IANA zone for local dates and hours (config TZ_LOCAL). */
  tz: string
}

/** With a day or hour filter the window counts nights (night-of dates), otherwise calendar dates. */
export const isNightFilter = (f: Pick<HotspotFilters, 'days' | 'hours'>) => f.days.length > 0 || f.hours !== null

export function parseFilters (query: HotspotQuery, tz: string, today: string): HotspotFilters {
  const to = query.to ?? today
  const from = query.from ?? addDays(to, -27)
  if (Number.isNaN(Date.parse(from))) throw fieldError('from', 'Enter the start date as a real date, written YYYY-MM-DD')
  if (Number.isNaN(Date.parse(to))) throw fieldError('to', 'Enter the end date as a real date, written YYYY-MM-DD')
  if (from > to) throw fieldError('to', 'The end date must be on or after the start date')
  if (daysBetween(from, to) > 366 * 10) throw fieldError('from', 'Choose dates at most ten years apart')
  let hours: HotspotFilters['hours'] = null
  if (query.hours) {
    const [start, end] = query.hours.split('-').map(Number) as [number, number]
    if (start === end % 24) throw fieldError('hours', 'The hours must not start and end at the same time: leave them empty for all hours')
    hours = { start, end: end % 24 }
  }
  const days = query.days ? [...new Set(query.days.split(',').map(d => DAY_NAMES.indexOf(d as typeof DAY_NAMES[number]) + 1))].sort() : []
  const categories = query.categories ? [...new Set(query.categories.split(','))].sort() : []
  const sources = query.sources ? [...new Set(query.sources.split(','))].sort() : []
  return { from, to, categories, sources, days, hours, cellSize: query.cell ?? 50, weight: query.weight ?? 'count', tz }
}

/** The filters for the same window a year earlier (the change view). */
export function previousYear (f: HotspotFilters): HotspotFilters {
  return { ...f, from: addYears(f.from, -1), to: addYears(f.to, -1) }
}

export function describeHours (hours: HotspotFilters['hours']): string | null {
  if (!hours) return null
  const pad = (h: number) => String(h).padStart(2, '0')
  return `${pad(hours.start)}-${pad(hours.end)}`
}
