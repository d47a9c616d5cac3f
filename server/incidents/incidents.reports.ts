// Read-only reports over incidents: the monthly trend by category with the same months a year
// earlier, and the CSV export (police-only columns only for those allowed to see them).
import type { Db } from '../db/types.ts'
import type { Clock } from '../clock.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager } from '../auth/access.ts'
import type { Trend } from '../../shared/schemas/incidents.ts'
import * as repo from './incidents.repository.ts'
import { addMonths, localMonthStart } from '../../shared/dates.ts'
import { present, toFilter, type IncidentQuery } from './incidents.service.ts'
import { toCsv } from '../http/csv.ts'

export async function trend (db: Db, user: CurrentUser, q: Omit<IncidentQuery, 'bbox' | 'attribution'>, clock: Clock): Promise<Trend> {
  const tz = clock.tz
  const base = toFilter(user, { ...q, from: undefined, to: undefined })
  if (q.premisesId) { delete base.premisesId; base.attributedTo = q.premisesId }
  const latest = await repo.latestMonth(db, base, tz)
  const last = q.to ? q.to.slice(0, 8) + '01' : latest ?? localMonthStart(clock.now(), tz)
  let first = q.from ? q.from.slice(0, 8) + '01' : addMonths(last, -11)
  if (first > last) first = last
  const months: string[] = []
  for (let m = first; m <= last && months.length < 240; m = addMonths(m, 1)) months.push(m)
  const rows = await repo.monthlyCounts(db, base, tz, addMonths(first, -12), last)
  const counts = new Map<string, Map<string, number>>()
  for (const row of rows) {
    if (!counts.has(row.category)) counts.set(row.category, new Map())
    counts.get(row.category)!.set(row.m, Number(row.n))
  }
  const label = (m: string) => m.slice(0, 7)
  const series = [...counts.keys()].sort().map(category => {
    const byMonth = counts.get(category)!
    return {
      category,
      counts: months.map(m => byMonth.get(label(m)) ?? 0),
      previousYear: months.map(m => byMonth.get(label(addMonths(m, -12))) ?? 0)
    }
  }).filter(s => s.counts.some(Boolean) || s.previousYear.some(Boolean))
  const sum = (key: 'counts' | 'previousYear') => months.map((_, i) => series.reduce((total, s) => total + s[key][i]!, 0))
  return {
    months: months.map(label),
    previousMonths: months.map(m => label(addMonths(m, -12))),
    basis: q.premisesId ? 'incidents linked to the premises or proximate to it (ambiguous ones excluded)' : 'all incidents matching the filters',
    series,
    totals: { counts: sum('counts'), previousYear: sum('previousYear') }
  }
}

const EXPORT_MAX = 250000

export async function exportCsv (db: Db, user: CurrentUser, q: IncidentQuery, tz: string): Promise<string> {
  const { items } = await repo.listIncidents(db, toFilter(user, q), tz, { limit: EXPORT_MAX, offset: 0 })
  const police = !isVenueManager(user)
  const header = ['id', 'source', 'external_id', 'category', 'occurred_at', 'time_precision', 'month', 'lat', 'lng', 'location_text', 'lsoa_code',
    'premises_id', 'premises_name', 'attribution', 'outcome', 'description', ...(police ? ['police_only_notes'] : [])]
  return toCsv(header, items.map(row => {
    const i = present(row, user)
    const values: unknown[] = [i.id, i.source, i.externalId, i.category, i.timePrecision === 'month' ? i.month : i.occurredAt, i.timePrecision, i.month,
      i.location?.lat, i.location?.lng, i.locationText, i.lsoaCode, i.premisesId, i.premisesName, i.attribution, i.outcome, i.description]
    if (police) values.push(i.policeOnlyNotes)
    return values
  }))
}
