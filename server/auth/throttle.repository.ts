// Queries for the attempt counters in auth_throttle (the rules live in throttle.ts).
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'
import type { ThrottleState } from './throttle.ts'

/**
 * The key's row, created empty if missing and locked until the transaction ends. One statement,
 * not "insert if missing, then select for update": between those two a successful login elsewhere
 * may delete the row, and the select would find nothing. ON CONFLICT DO UPDATE locks the row it
 * finds (or inserts afresh if that row went meanwhile) and returns it.
 */
export async function lockThrottleRow (trx: Db, kind: string, keyHash: string, now: Date): Promise<ThrottleState> {
  return trx.insertInto('authThrottle')
    .values({ kind, keyHash, attempts: 0, lockedUntil: null, forgetAt: now })
    .onConflict(oc => oc.columns(['kind', 'keyHash']).doUpdateSet({ kind: eb => eb.ref('excluded.kind') }))
    .returning(['attempts', 'lockedUntil', 'forgetAt'])
    .executeTakeFirstOrThrow()
}

export async function saveThrottleRow (trx: Db, kind: string, keyHash: string, state: ThrottleState): Promise<void> {
  await trx.updateTable('authThrottle').set(state).where('kind', '=', kind).where('keyHash', '=', keyHash).execute()
}

/** Takes back one attempt; the lock goes when the count is below the limit again. */
export async function forgiveThrottleAttempt (db: Db, kind: string, keyHash: string, limit: number): Promise<void> {
  await db.updateTable('authThrottle')
    .set({
      attempts: sql`greatest(attempts - 1, 0)`,
      lockedUntil: sql`case when attempts - 1 < ${limit} then null else locked_until end`
    })
    .where('kind', '=', kind).where('keyHash', '=', keyHash)
    .execute()
}

export async function deleteThrottleRow (db: Db, kind: string, keyHash: string): Promise<void> {
  await db.deleteFrom('authThrottle').where('kind', '=', kind).where('keyHash', '=', keyHash).execute()
}

/** Removes counters nobody needs any more: forgotten and not locked. */
export async function deleteForgottenThrottleRows (db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('authThrottle')
    .where('forgetAt', '<', now)
    .where(eb => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
