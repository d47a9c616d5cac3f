// Queries for criteria sets, their criteria and the scheme's settings.
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { StCriteriaSetsTable, StCriteriaTable, StSettingsTable } from './safety-thirst.tables.ts'

export const setColumns = ['id', 'version', 'status', 'categories', 'commendedDesiredPct', 'highlyCommendedDesiredPct', 'highlyCommendedBonus', 'createdAt', 'publishedAt'] as const

export function findPublishedSet (db: Db) {
  return db.selectFrom('stCriteriaSets').select(setColumns).where('status', '=', 'published').executeTakeFirst()
}

export function findDraftSet (db: Db) {
  return db.selectFrom('stCriteriaSets').select(setColumns).where('status', '=', 'draft').executeTakeFirst()
}

export function findSet (db: Db, id: number) {
  return db.selectFrom('stCriteriaSets').select(setColumns).where('id', '=', id).executeTakeFirst()
}

export async function countSets (db: Db): Promise<number> {
  const row = await db.selectFrom('stCriteriaSets').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listSets (db: Db) {
  return db.selectFrom('stCriteriaSets as s')
    .select(['s.id', 's.version', 's.status', 's.createdAt', 's.publishedAt'])
    .select(eb => eb.selectFrom('stCriteria as c').whereRef('c.setId', '=', 's.id').where('c.retired', '=', false)
      .select(e => e.fn.countAll<number>().as('n')).as('criteriaCount'))
    .orderBy('s.id', 'desc').execute()
}

export function criteriaOf (db: Db, setId: number, includeRetired = true) {
  let query = db.selectFrom('stCriteria').select(['code', 'category', 'level', 'text', 'evidence', 'retired', 'position']).where('setId', '=', setId)
  if (!includeRetired) query = query.where('retired', '=', false)
  return query.orderBy('position').orderBy('code').execute()
}

export function insertSet (db: Db, values: Insertable<StCriteriaSetsTable>) {
  return db.insertInto('stCriteriaSets').values(values).onConflict(oc => oc.column('version').doNothing()).returning(setColumns).executeTakeFirst()
}

export async function insertCriteria (db: Db, rows: Insertable<StCriteriaTable>[]) {
  if (rows.length) await db.insertInto('stCriteria').values(rows).execute()
}

export function updateSet (db: Db, id: number, changes: Updateable<StCriteriaSetsTable>) {
  return db.updateTable('stCriteriaSets').set(changes).where('id', '=', id).returning(setColumns).executeTakeFirstOrThrow()
}

export function updateCriterion (db: Db, setId: number, code: string, changes: Updateable<StCriteriaTable>) {
  return db.updateTable('stCriteria').set(changes).where('setId', '=', setId).where('code', '=', code)
    .returning(['code', 'category', 'level', 'text', 'evidence', 'retired']).executeTakeFirst()
}

export async function maxPosition (db: Db, setId: number): Promise<number> {
  const row = await db.selectFrom('stCriteria').select(eb => eb.fn.max('position').as('p')).where('setId', '=', setId).executeTakeFirst()
  return Number(row?.p ?? 0)
}

export function getSettings (db: Db) {
  return db.selectFrom('stSettings').select(['target', 'moderationRequired']).where('id', '=', 1).executeTakeFirstOrThrow()
}

export function updateSettings (db: Db, changes: Updateable<StSettingsTable>) {
  return db.updateTable('stSettings').set({ ...changes, updatedAt: new Date() }).where('id', '=', 1).returning(['target', 'moderationRequired']).executeTakeFirstOrThrow()
}
