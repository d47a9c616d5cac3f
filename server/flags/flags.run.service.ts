// The weekly flag run (docs/analytics.md, "Rising theft or violence"): count every mapped current venue's theft and violence
// by the incidents domain's attribution, from the sources of incidents the settings keep on, test each against area-wide exposure, BH across the run, store every
// evaluation with its inputs, then update the flags, their events and notifications.
// Idempotent per asOf: a second run for the same date replaces that run's evaluations and
// leaves flags, events and notifications as they were (the run row lock serialises runs).
import type { Kysely, Transaction } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import { countAttributedIncidents, getAttributionSettings, latestCompleteMonth, type CountRow, type Precision } from '../incidents/incidents.public.ts'
import * as repo from './flags.repository.ts'
import { assignLevels, dayWindows, evaluate, explain, monthWindows, type Evaluation, type Windows } from './flags.stats.ts'
import { syncFlags } from './flags.sync.service.ts'
import type { RunResult } from '../../shared/schemas/flags.ts'
import type { IncidentSource } from '../../shared/schemas/incidents.ts'
import { mappedCurrentPremises } from '../premises/premises.public.ts'

export interface RunOptions {
  asOf: string
  groups?: Record<string, string[]>
  /** Local time zone of the day windows (TZ_LOCAL). */
  tz: string
  areaName?: string
}

export type { RunResult }

export interface VenueEvaluation extends Evaluation {
  premisesId: number
  premisesName: string
  crimeGroup: string
  basis: Precision
  explanation: string | null
}

export function runFlags (db: Kysely<Database>, options: RunOptions): Promise<RunResult> {
  return db.transaction().execute(trx => runFlagsIn(trx, options))
}

/** The same run inside a transaction the caller owns (the demo seed). */
export async function runFlagsIn (trx: Transaction<Database>, options: RunOptions): Promise<RunResult> {
  const settings = await repo.findSettings(trx)
  const groups = options.groups ?? settings.groups
  const sources = settings.sources
  // The radii are the incidents domain's: recorded with the run so its explanations can be re-read.
  const { radiusM: radius, policeUkRadiusM: monthRadius } = await getAttributionSettings(trx)
  const tz = options.tz
  const run = await repo.upsertRun(trx, options.asOf, { groups, sources, radius, monthRadius, tz })
  await repo.deleteEvaluations(trx, run.id)

  const venues = await mappedCurrentPremises(trx)
  const evaluations: VenueEvaluation[] = []
  const windowsByBasis: Partial<Record<Precision, Windows>> = {}
  const days = dayWindows(options.asOf)
  windowsByBasis.days = days
  evaluations.push(...evaluateVenues('days', await countWindows(trx, 'days', days, groups, sources, tz), venues, groups))
  const month = await latestCompleteMonth(trx, options.asOf)
  if (month) {
    const months = monthWindows(month)
    windowsByBasis.months = months
    evaluations.push(...evaluateVenues('months', await countWindows(trx, 'months', months, groups, sources, tz), venues, groups))
  }
  assignLevels(evaluations)
  for (const e of evaluations) {
    if (!e.level) continue
    e.explanation = explain(e, {
      group: e.crimeGroup, premisesName: e.premisesName, basis: e.basis,
      radius: e.basis === 'days' ? radius : monthRadius, windows: windowsByBasis[e.basis]!, areaName: options.areaName, sources
    })
  }
  await repo.insertEvaluations(trx, evaluations.map(({ premisesName, attainable, ...e }) => ({ ...e, runId: run.id })))
  const flagged = evaluations.filter(e => e.level)
  const notified = await syncFlags(trx, { runId: run.id, asOf: options.asOf }, flagged)
  await repo.finishRun(trx, run.id, evaluations.length, flagged.length)
  return { runId: run.id, asOf: options.asOf, evaluated: evaluations.length, flagged: flagged.length, notified }
}

function countWindows (db: Db, precision: Precision, w: Windows, groups: Record<string, string[]>, sources: IncidentSource[], tz: string) {
  return countAttributedIncidents(db, {
    precision, groups, tz, sources,
    windows: [{ key: 'R', from: w.recent[0], to: w.recent[1] }, { key: 'B', from: w.baseline[0], to: w.baseline[1] }, { key: 'LY', from: w.lastYear[0], to: w.lastYear[1] }]
  })
}

/** Folds the grouped count rows into one test per venue and group. */
export function evaluateVenues (basis: Precision, rows: CountRow[], venues: { id: number; name: string }[], groups: Record<string, string[]>): VenueEvaluation[] {
  const city = new Map<string, number>()
  const venue = new Map<string, number>()
  for (const row of rows) {
    city.set(`${row.group}|${row.window}`, (city.get(`${row.group}|${row.window}`) ?? 0) + row.n)
    if (row.premisesId === null || (row.kind !== 'linked' && row.kind !== 'proximate')) continue
    const key = `${row.group}|${row.window}|${row.premisesId}`
    venue.set(key, (venue.get(key) ?? 0) + row.n)
    if (row.window === 'R') venue.set(`${key}|${row.kind}`, (venue.get(`${key}|${row.kind}`) ?? 0) + row.n)
  }
  const out: VenueEvaluation[] = []
  for (const group of Object.keys(groups)) {
    const totals = { recent: city.get(`${group}|R`) ?? 0, baseline: city.get(`${group}|B`) ?? 0 }
    for (const v of venues) {
      const counts = {
        recentLinked: venue.get(`${group}|R|${v.id}|linked`) ?? 0,
        recentProximate: venue.get(`${group}|R|${v.id}|proximate`) ?? 0,
        baseline: venue.get(`${group}|B|${v.id}`) ?? 0,
        lastYear: venue.get(`${group}|LY|${v.id}`) ?? 0
      }
      out.push({ ...evaluate(counts, totals), premisesId: v.id, premisesName: v.name, crimeGroup: group, basis, explanation: null })
    }
  }
  return out
}
