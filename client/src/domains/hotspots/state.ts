// The hotspot map's state (view, filters, density, map position) and its URL form, so any view
// can be shared as a link; and the presets police use before Christmas operations.
import { addDays, latestCompleteDecember } from '../../../../shared/dates.ts'
import { localToday } from '../../settings.ts'
import type { Coverage } from '../../../../shared/schemas/hotspots.ts'

export type View = 'hotspots' | 'change'

export interface MapState {
  view: View
  from: string
  to: string
  categories: string[]
  days: string[]
  hours: string
  cell: number
  weight: 'count' | 'harm'
  density: boolean
  bandwidth: number | null
  lat?: number
  lng?: number
  zoom?: number
}

/** What GET /api/hotspots/coverage answers: the dates the data covers and the crime groups in force. */
export type { Coverage }


export function defaultState (): MapState {
  const to = localToday()
  return { view: 'hotspots', from: addDays(to, -27), to, categories: [], days: [], hours: '', cell: 50, weight: 'count', density: false, bandwidth: null }
}

const list = (v: string | null) => v ? v.split(',').filter(Boolean) : []
const num = (v: string | null) => v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v)

export function readState (search: string): MapState {
  const q = new URLSearchParams(search)
  const base = defaultState()
  return {
    view: q.get('view') === 'change' ? 'change' : 'hotspots',
    from: q.get('from') ?? base.from,
    to: q.get('to') ?? base.to,
    categories: list(q.get('categories')),
    days: list(q.get('days')),
    hours: q.get('hours') ?? '',
    cell: num(q.get('cell')) ?? 50,
    weight: q.get('weight') === 'harm' ? 'harm' : 'count',
    density: q.get('density') === '1',
    bandwidth: num(q.get('bandwidth')) ?? null,
    lat: num(q.get('lat')), lng: num(q.get('lng')), zoom: num(q.get('zoom'))
  }
}

export function writeState (s: MapState): string {
  const q = new URLSearchParams()
  q.set('view', s.view)
  q.set('from', s.from)
  q.set('to', s.to)
  if (s.categories.length) q.set('categories', s.categories.join(','))
  if (s.days.length) q.set('days', s.days.join(','))
  if (s.hours) q.set('hours', s.hours)
  if (s.cell !== 50) q.set('cell', String(s.cell))
  if (s.weight === 'harm') q.set('weight', 'harm')
  if (s.density) q.set('density', '1')
  if (s.bandwidth) q.set('bandwidth', String(s.bandwidth))
  if (s.lat !== undefined && s.lng !== undefined && s.zoom !== undefined) {
    q.set('lat', s.lat.toFixed(5))
    q.set('lng', s.lng.toFixed(5))
    q.set('zoom', String(s.zoom))
  }
  return q.toString()
}

/** The filters the hotspot API takes. */
export function apiQuery (s: MapState) {
  const orNone = (list: string[]) => list.length ? list : undefined
  return { from: s.from, to: s.to, categories: orNone(s.categories), days: orNone(s.days), hours: s.hours || undefined, cell: s.cell, weight: s.weight }
}

/** The latest complete December the data reaches (real police.uk data is a few months behind). */
export function christmasYear (coverage: Pick<Coverage, 'firstDate' | 'lastDate' | 'lastPreciseDate'> | undefined): number {
  const last = coverage?.lastDate
  if (!last) return new Date().getUTCFullYear() - 1
  return latestCompleteDecember(last)
}

export interface Preset { key: string; label: string; note: string; apply: (s: MapState) => MapState }

const NIGHTS_NOTE = 'Friday and Saturday nights only, so police.uk records dated only by month are left out (they have no day or time); the summary says how many.'

export function presets (coverage: Coverage | undefined): Preset[] {
  const y = christmasYear(coverage)
  const december = { from: `${y}-12-01`, to: `${y}-12-31` }
  const nights = { days: ['fri', 'sat'], hours: '22-04' }
  // Four weeks end on the newest record with a day (month-only records would make the last weeks look empty).
  const end = coverage?.lastPreciseDate ?? coverage?.lastDate ?? localToday()
  // One December preset per crime group in force (the flag settings own the groups).
  const groups = Object.entries(coverage?.crimeGroups ?? {})
  return [
    ...groups.map(([group, categories]): Preset => ({
      key: `dec-${group}`, label: `December ${y}, Fri–Sat 22:00–04:00, ${group}`, note: `${categories.length} police.uk ${categories.length === 1 ? 'category' : 'categories'} of ${group}. ${NIGHTS_NOTE}`,
      apply: s => ({ ...s, view: 'hotspots', ...december, ...nights, categories: [...categories].sort() })
    })),
    {
      key: 'last-4-weeks', label: `Last 4 weeks (to ${end})`, note: `All incidents from ${addDays(end, -27)} to ${end}, the newest date with day-by-day records.`,
      apply: s => ({ ...s, view: 'hotspots', from: addDays(end, -27), to: end, days: [], hours: '', categories: [] })
    },
    {
      key: 'christmas', label: `Christmas ${y} vs ${y - 1}`, note: `All incidents from 1 to 31 December ${y} against December ${y - 1}: the latest December the data covers in full.`,
      apply: s => ({ ...s, view: 'change', ...december, days: [], hours: '', categories: [] })
    }
  ]
}
