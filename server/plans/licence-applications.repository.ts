// Queries for licence applications, joined to the exact plan versions each one points at.
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { LicenceApplicationsTable, LicenceApplicationStatus } from './plans.tables.ts'

function applications (db: Db) {
  return db.selectFrom('licenceApplications as a')
    .innerJoin('premises as p', 'p.id', 'a.premisesId')
    .innerJoin('planDocuments as n', 'n.id', 'a.noisePlanId')
    .innerJoin('planDocuments as d', 'd.id', 'a.dispersalPolicyId')
    .selectAll('a')
    .select(['p.name as premisesName', 'n.version as noisePlanVersion', 'n.status as noisePlanStatus', 'd.version as dispersalPolicyVersion', 'd.status as dispersalPolicyStatus'])
}
export type LicenceApplicationRow = Awaited<ReturnType<ReturnType<typeof applications>['executeTakeFirstOrThrow']>>

export function findApplication (db: Db, id: number) {
  return applications(db).where('a.id', '=', id).executeTakeFirst()
}

export interface ApplicationFilter { premisesIds?: number[]; premisesId?: number; status?: LicenceApplicationStatus; limit: number; offset: number }

export async function listApplications (db: Db, filter: ApplicationFilter) {
  let query = applications(db)
  if (filter.premisesIds) query = query.where('a.premisesId', 'in', filter.premisesIds.length ? filter.premisesIds : [-1])
  if (filter.premisesId) query = query.where('a.premisesId', '=', filter.premisesId)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  const [items, count] = await Promise.all([
    query.orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.clearSelect().select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { items, total: Number(count.n) }
}

export function insertApplication (db: Db, values: Insertable<LicenceApplicationsTable>) {
  return db.insertInto('licenceApplications').values(values).returning('id').executeTakeFirstOrThrow()
}

export function lockApplication (db: Db, id: number) {
  return db.selectFrom('licenceApplications').select(['id', 'premisesId', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function updateApplication (db: Db, id: number, values: Updateable<LicenceApplicationsTable>) {
  await db.updateTable('licenceApplications').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute()
}

export function findApplications (db: Db, ids: number[]) {
  if (!ids.length) return Promise.resolve([])
  return applications(db).where('a.id', 'in', ids).execute()
}

/** A premises' licence applications and their decisions, newest first: its timeline. */
export function applicationHistory (db: Db, premisesId: number) {
  return db.selectFrom('licenceApplications').select(['id', 'kind', 'status', 'createdAt', 'decidedAt', 'decisionNote'])
    .where('premisesId', '=', premisesId).orderBy('createdAt', 'desc').limit(500).execute()
}
