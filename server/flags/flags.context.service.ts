// Context beside the statistics: a venue's monthly counts against the expected line (the chart
// on the flag page), the concentration of incidents across venues (Lorenz curve, top 10% and
// 20%, rates per licensed capacity), from the sources of incidents flags count. The traffic-light
// scheme is the visits domain's.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { countAttributedIncidents, type CountRow, type CountWindow } from '../incidents/incidents.public.ts'
import * as repo from './flags.repository.ts'
import type { IncidentSource } from '../../shared/schemas/incidents.ts'
import { addDays, addMonths } from '../../shared/dates.ts'
import { mappedCurrentPremises, requirePremises } from '../premises/premises.public.ts'
import { getFlag, visibleFlag, type FlagRow } from './flags.service.ts'

/** Counts both precisions: day windows for timed records, whole months for month-only ones. */
async function countBoth (db: Db, tz: string, groups: Record<string, string[]>, sources: IncidentSource[], windows: CountWindow[], monthWindows: CountWindow[], premisesIds?: number[]) {
  // Sequential: in embedded mode a transaction is one session.
  const days = await countAttributedIncidents(db, { precision: 'days', windows, groups, tz, sources, premisesIds })
  const months = monthWindows.length ? await countAttributedIncidents(db, { precision: 'months', windows: monthWindows, groups, tz, sources, premisesIds }) : []
  return [...days, ...months]
}

const isOwn = (row: CountRow) => row.premisesId !== null && (row.kind === 'linked' || row.kind === 'proximate')

/** The venue's monthly counts for the flag's group over 24 months, and what its baseline share predicts. */
export async function flagChart (db: Db, flag: FlagRow, asOf: string, tz: string) {
  const last = asOf.slice(0, 7) + '-01'
  const windows = Array.from({ length: 24 }, (_, i) => {
    const from = addMonths(last, i - 23)
    return { key: from, from, to: addMonths(from, 1) }
  })
  const settings = await repo.findSettings(db)
  const groups = { [flag.crimeGroup]: settings.groups[flag.crimeGroup] ?? [] }
  const rows = await countBoth(db, tz, groups, settings.sources, windows, windows, [flag.premisesId])
  const share = flag.cityBaseline > 0 ? flag.baseline / flag.cityBaseline : 0
  return windows.map(w => {
    const inMonth = rows.filter(r => r.window === w.key)
    const count = inMonth.filter(r => isOwn(r) && r.premisesId === flag.premisesId).reduce((s, r) => s + r.n, 0)
    const city = inMonth.reduce((s, r) => s + r.n, 0) - count
    return { month: w.key.slice(0, 7), count, city, expected: Math.round(city * share * 1000) / 1000 }
  })
}

/** A flag with its events and its chart up to the latest run (or today, before any run). */
export async function flagWithChart (db: Db, user: CurrentUser, id: number, today: string, tz: string) {
  const flag = await getFlag(db, user, id)
  const run = await repo.latestRun(db)
  const chart = await flagChart(db, await visibleFlag(db, user, id), run?.asOf ?? today, tz)
  return { ...flag, chart }
}

/** How concentrated a group's incidents are across mapped current venues, over the year to asOf. */
export async function concentration (db: Db, group: string, asOf: string, tz: string) {
  const settings = await repo.findSettings(db)
  const categories = settings.groups[group]
  if (!categories) return undefined
  const from = addDays(asOf, -365)
  const monthTo = asOf.slice(0, 7) + '-01'
  const rows = await countBoth(db, tz, { [group]: categories }, settings.sources, [{ key: 'Y', from, to: asOf }], [{ key: 'Y', from: addMonths(monthTo, -12), to: monthTo }])
  const venues = await mappedCurrentPremises(db)
  const counts = new Map<number, number>()
  for (const row of rows) if (isOwn(row)) counts.set(row.premisesId!, (counts.get(row.premisesId!) ?? 0) + row.n)
  const list = venues.map(v => ({ premisesId: v.id, premisesName: v.name, capacity: v.capacity, incidents: counts.get(v.id) ?? 0 }))
  const total = list.reduce((s, v) => s + v.incidents, 0)
  const descending = [...list].sort((a, b) => b.incidents - a.incidents)
  const topShare = (fraction: number) => {
    if (!total || !list.length) return 0
    const k = Math.max(1, Math.ceil(list.length * fraction))
    return descending.slice(0, k).reduce((s, v) => s + v.incidents, 0) / total
  }
  // Lorenz curve: venues from least to most incidents; at most ~100 points.
  const ascending = [...descending].reverse()
  const lorenz = [{ venues: 0, incidents: 0 }]
  const step = Math.max(1, Math.floor(ascending.length / 100))
  let cumulative = 0
  ascending.forEach((v, i) => {
    cumulative += v.incidents
    if ((i + 1) % step === 0 || i === ascending.length - 1) lorenz.push({ venues: (i + 1) / ascending.length, incidents: total ? cumulative / total : 0 })
  })
  let area = 0
  for (let i = 1; i < lorenz.length; i++) area += (lorenz[i]!.venues - lorenz[i - 1]!.venues) * (lorenz[i]!.incidents + lorenz[i - 1]!.incidents) / 2
  const rates = list.filter(v => v.capacity && v.incidents > 0)
    .map(v => ({ ...v, per100Capacity: Math.round(v.incidents / v.capacity! * 100 * 100) / 100 }))
    .sort((a, b) => b.per100Capacity - a.per100Capacity).slice(0, 20)
  return {
    group, from, to: asOf, venues: list.length, incidents: total,
    venuesWithIncidents: list.filter(v => v.incidents > 0).length,
    top10Share: topShare(0.1), top20Share: topShare(0.2), gini: total ? Math.max(0, 1 - 2 * area) : 0,
    lorenz, top: descending.slice(0, 10).filter(v => v.incidents > 0), rates
  }
}
