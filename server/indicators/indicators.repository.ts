// The targets administrators set for the partnership's indicators.
import type { Db } from '../db/types.ts'

export async function listTargets (db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('indicatorTargets').select(['indicatorKey', 'target']).execute()
  return new Map(rows.map(row => [row.indicatorKey, Number(row.target)]))
}

export async function findTarget (db: Db, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('indicatorTargets').select('target').where('indicatorKey', '=', key).executeTakeFirst()
  return row ? Number(row.target) : undefined
}

export async function saveTarget (db: Db, key: string, target: number, userId: number): Promise<void> {
  await db.insertInto('indicatorTargets').values({ indicatorKey: key, target, updatedBy: userId })
    .onConflict(oc => oc.column('indicatorKey').doUpdateSet({ target, updatedBy: userId, updatedAt: new Date() }))
    .execute()
}

export async function removeTarget (db: Db, key: string): Promise<void> {
  await db.deleteFrom('indicatorTargets').where('indicatorKey', '=', key).execute()
}
