// Queries for licensing cases (a licence application or a review) and the people behind them;
// the only code that builds them. Personal details (casework_persons) are read only by
// `personsOf`, which the services call for officers alone.
import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { CaseKind, CaseworkPersonsTable, LicensingCasesTable } from './casework.tables.ts'

function cases (db: Db) {
  return db.selectFrom('licensingCases as c')
    .innerJoin('premises as p', 'p.id', 'c.premisesId')
    .selectAll('c')
    .select(['p.name as premisesName', 'p.address as premisesAddress', 'p.postcode as premisesPostcode', 'p.lat', 'p.lng'])
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof cases>['executeTakeFirstOrThrow']>>

export function findCase (db: Db, id: number) {
  return cases(db).where('c.id', '=', id).executeTakeFirst()
}

export function findCaseOfApplication (db: Db, licenceApplicationId: number) {
  return cases(db).where('c.licenceApplicationId', '=', licenceApplicationId).executeTakeFirst()
}

export function lockCase (db: Db, id: number) {
  return db.selectFrom('licensingCases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export interface CaseFilter { premisesIds?: number[]; premisesId?: number; kind?: CaseKind; open?: boolean; limit: number; offset: number }

/** Cases newest first; `open` keeps those not yet decided or withdrawn. */
export async function listCases (db: Db, filter: CaseFilter) {
  let query = cases(db)
  if (filter.premisesIds) query = query.where('c.premisesId', 'in', filter.premisesIds.length ? filter.premisesIds : [-1])
  if (filter.premisesId) query = query.where('c.premisesId', '=', filter.premisesId)
  if (filter.kind) query = query.where('c.kind', '=', filter.kind)
  if (filter.open !== undefined) query = query.where('c.status', filter.open ? 'in' : 'not in', ['open', 'hearing_scheduled'])
  return query.orderBy('c.representationPeriodEnds').orderBy('c.id').limit(filter.limit).offset(filter.offset).execute()
}

export async function countCases (db: Db, filter: Omit<CaseFilter, 'limit' | 'offset' | 'open'>) {
  let query = db.selectFrom('licensingCases as c').select(eb => eb.fn.countAll<number>().as('n'))
  if (filter.premisesIds) query = query.where('c.premisesId', 'in', filter.premisesIds.length ? filter.premisesIds : [-1])
  if (filter.premisesId) query = query.where('c.premisesId', '=', filter.premisesId)
  if (filter.kind) query = query.where('c.kind', '=', filter.kind)
  return Number((await query.executeTakeFirstOrThrow()).n)
}

export function insertCase (db: Db, values: Insertable<LicensingCasesTable>) {
  return db.insertInto('licensingCases').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateCase (db: Db, id: number, values: Updateable<LicensingCasesTable>) {
  await db.updateTable('licensingCases').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute()
}

export function insertPerson (db: Db, values: Insertable<CaseworkPersonsTable>) {
  return db.insertInto('caseworkPersons').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function confirmPerson (db: Db, id: number, at: Date) {
  await db.updateTable('caseworkPersons').set({ confirmedAt: at }).where('id', '=', id).where('confirmedAt', 'is', null).execute()
}

/** Officers only: the name, address and email behind each person id. */
export async function personsOf (db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, { name: string; address: string; email: string | null; confirmedAt: Date | null }>()
  const rows = await db.selectFrom('caseworkPersons').select(['id', 'name', 'address', 'email', 'confirmedAt']).where('id', 'in', ids).execute()
  return new Map(rows.map(r => [r.id, r]))
}

/** Cases with a deadline still to come: not decided or withdrawn, or decided with the appeal period still running. */
export function casesWithDeadlines (db: Db, today: string) {
  return cases(db).where(eb => eb.or([
    eb('c.status', 'in', ['open', 'hearing_scheduled']),
    eb.exists(eb.selectFrom('caseDecisions as d').select('d.id').whereRef('d.caseId', '=', 'c.id').where('d.appealDeadline', '>=', today))
  ])).orderBy('c.id').execute()
}

/** Licence application and review cases not withdrawn, with their premises and decision (the open-data register). */
export function registerCases (db: Db) {
  return db.selectFrom('licensingCases as c')
    .innerJoin('premises as p', 'p.id', 'c.premisesId')
    .leftJoin('caseDecisions as d', 'd.caseId', 'c.id')
    .select([
      'c.id', 'c.kind', 'c.status', 'c.givenOn', 'c.representationPeriodEnds',
      'p.licenceNumber', 'p.name as premisesName', 'p.address', 'p.postcode', 'p.lat', 'p.lng', 'p.isDemo',
      'd.outcome', 'd.decidedOn', 'd.addedConditions', 'd.appealDeadline'
    ])
    .where('c.status', '!=', 'withdrawn')
    .orderBy('c.givenOn', 'desc').orderBy('c.id', 'desc')
    .execute()
}
