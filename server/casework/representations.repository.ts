// Queries for representations and decisions on licensing cases; the only code that builds them.
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { CaseDecisionsTable, RepresentationsTable } from './casework.tables.ts'

export function representationsOf (db: Db, caseIds: number[]) {
  if (!caseIds.length) return Promise.resolve([])
  return db.selectFrom('representations').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute()
}
export type RepresentationRow = Awaited<ReturnType<typeof representationsOf>>[number]

export function lockRepresentation (db: Db, id: number) {
  return db.selectFrom('representations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function insertRepresentation (db: Db, values: Insertable<RepresentationsTable>) {
  return db.insertInto('representations').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateRepresentation (db: Db, id: number, values: Updateable<RepresentationsTable>) {
  await db.updateTable('representations').set(values).where('id', '=', id).execute()
}

export async function decisionsOf (db: Db, caseIds: number[]) {
  if (!caseIds.length) return new Map<number, DecisionRow>()
  const rows = await db.selectFrom('caseDecisions').selectAll().where('caseId', 'in', caseIds).execute()
  return new Map(rows.map(r => [r.caseId, r]))
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>

export function findDecision (db: Db, caseId: number) {
  return db.selectFrom('caseDecisions').selectAll().where('caseId', '=', caseId).executeTakeFirst()
}

export function insertDecision (db: Db, values: Insertable<CaseDecisionsTable>) {
  return db.insertInto('caseDecisions').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateDecision (db: Db, id: number, values: Updateable<CaseDecisionsTable>) {
  await db.updateTable('caseDecisions').set(values).where('id', '=', id).execute()
}

/** Review decisions whose appeal period has run (no appeal lodged) and whose steps are not yet on the register. */
export function decisionsDueToApply (db: Db, today: string) {
  return db.selectFrom('caseDecisions').selectAll().where('appliedAt', 'is', null).where('appealLodgedOn', 'is', null)
    .where('takesEffectOn', '<=', today).orderBy('id').execute()
}

/** Suspensions that have run their course and whose licence is not yet restored. */
export function suspensionsEnded (db: Db, today: string) {
  return db.selectFrom('caseDecisions').selectAll().where('outcome', '=', 'suspend').where('appliedAt', 'is not', null)
    .where('suspensionLiftedAt', 'is', null).where('suspendedUntil', '<', today).orderBy('id').execute()
}
