// What other domains may read of Safety Thirst: each premises' current award (tier and expiry),
// shown on the premises register, the public register and the map.
import type { Db } from '../db/types.ts'

export type Tier = 'pass' | 'commended' | 'highly_commended'
export interface CurrentAward { tier: Tier; validUntil: string }

/** Current (decided, accredited, not expired) awards by premises id. */
export async function currentAwards (db: Db, premisesIds: number[]): Promise<Map<number, CurrentAward>> {
  void db
  void premisesIds
  return new Map()
}
