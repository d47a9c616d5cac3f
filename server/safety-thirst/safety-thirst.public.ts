// What other domains may read of Safety Thirst: each premises' current award (tier and expiry),
// shown on the premises register, the public register and the map; and what an assessment visit
// needs (the application with its own criteria and results, recording results made offline with
// their conflict check, in the visit's transaction); the premises' applications for its timeline.
import type { Db } from '../db/types.ts'
import { currentlyAccredited } from './progress.repository.ts'
import { applicationsOfPremises, findApplication, resultsOf } from './applications.repository.ts'
import { criteriaOf, getSettings } from './criteria.repository.ts'

export { recordVisitAssessment } from './assessment.service.ts'
/** Venues accredited at each month's end (the partnership's indicators). */
export { accreditedAtMonthEnds } from './accredited-history.repository.ts'

/** The scheme's yearly target of accredited venues (its settings). */
export async function accreditationTarget (db: Db): Promise<number> {
  return (await getSettings(db)).target
}

export type Tier = 'pass' | 'commended' | 'highly_commended'
export interface CurrentAward { tier: Tier; validUntil: string }

/** Current (decided, accredited, not expired on `today`, a local date) awards by premises id. */
export async function currentAwards (db: Db, premisesIds: number[], today: string): Promise<Map<number, CurrentAward>> {
  const awards = new Map<number, CurrentAward>()
  if (!premisesIds.length) return awards
  const rows = await currentlyAccredited(db, today, [...new Set(premisesIds)])
  for (const row of rows) {
    // Rows come newest year first per premises; keep the first one seen.
    if (!awards.has(row.premisesId)) awards.set(row.premisesId, { tier: row.tier as Tier, validUntil: row.validUntil! })
  }
  return awards
}

/** Safety Thirst's part of "Today" (server/work gathers every domain's). */
export { safetyThirstWork as workItems } from './safety-thirst.work.service.ts'

/** An application's premises, year, status and last change, or undefined. */
export async function findApplicationSummary (db: Db, id: number) {
  const row = await findApplication(db, id)
  return row && { id: row.id, premisesId: row.premisesId, year: row.year, status: row.status, updatedAt: row.updatedAt }
}

/** The premises' applications, newest first (the timeline's decisions and the assessment visit's choice). */
export function premisesApplications (db: Db, premisesId: number) {
  return applicationsOfPremises(db, premisesId)
}

/** What an assessment visit takes offline: the application, the active criteria of its own set and the results so far. */
export async function applicationForAssessment (db: Db, id: number) {
  const row = await findApplication(db, id)
  if (!row) return undefined
  const [criteria, results] = await Promise.all([criteriaOf(db, row.criteriaSetId, false), resultsOf(db, id)])
  return {
    id: row.id, premisesId: row.premisesId, year: row.year, status: row.status, updatedAt: row.updatedAt.toISOString(),
    criteria: criteria.map(c => ({ code: c.code, category: c.category, level: c.level, text: c.text, evidence: c.evidence })),
    results: results.map(r => ({ criterionCode: r.criterionCode, result: r.result, note: r.note }))
  }
}
