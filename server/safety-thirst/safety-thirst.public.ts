// What other domains may read of Safety Thirst: each premises' current award (tier and expiry),
// shown on the premises register, the public register and the map.
import type { Db } from '../db/types.ts'
import { currentlyAccredited } from './progress.repository.ts'

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
