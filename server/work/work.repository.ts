// Queries of "Today"'s own data: who each piece of work is assigned to.
import type { Db } from '../db/types.ts'

export async function assignmentsOf (db: Db, keys: string[]) {
  if (!keys.length) return new Map<string, { assigneeId: number; assignee: string }>()
  const rows = await db.selectFrom('workAssignments as a').innerJoin('users as u', 'u.id', 'a.assigneeId')
    .select(['a.itemKey', 'a.assigneeId', 'u.name as assignee']).where('a.itemKey', 'in', keys).execute()
  return new Map(rows.map(r => [r.itemKey, { assigneeId: r.assigneeId, assignee: r.assignee }]))
}

export function findAssignment (db: Db, key: string) {
  return db.selectFrom('workAssignments').selectAll().where('itemKey', '=', key).executeTakeFirst()
}

export async function saveAssignment (db: Db, key: string, assigneeId: number, assignedBy: number) {
  await db.insertInto('workAssignments').values({ itemKey: key, assigneeId, assignedBy })
    .onConflict(oc => oc.column('itemKey').doUpdateSet({ assigneeId, assignedBy, assignedAt: new Date() })).execute()
}

export async function removeAssignment (db: Db, key: string) {
  await db.deleteFrom('workAssignments').where('itemKey', '=', key).execute()
}
