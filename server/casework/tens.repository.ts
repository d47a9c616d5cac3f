// Queries for Temporary Event Notices and their objections; the only code that builds them.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { TemporaryEventNoticesTable, TenObjectionsTable, TenStatus } from './casework.tables.ts'

function notices (db: Db) {
  return db.selectFrom('temporaryEventNotices as t')
    .innerJoin('premises as p', 'p.id', 't.premisesId')
    .selectAll('t')
    .select(['p.name as premisesName', 'p.address as premisesAddress', 'p.lat', 'p.lng'])
}
export type TenRow = Awaited<ReturnType<ReturnType<typeof notices>['executeTakeFirstOrThrow']>>

export function findTen (db: Db, id: number) {
  return notices(db).where('t.id', '=', id).executeTakeFirst()
}

export interface TenFilter { premisesIds?: number[]; premisesId?: number; status?: TenStatus; from?: string; to?: string; limit: number; offset: number }

export async function listTens (db: Db, filter: TenFilter) {
  let query = notices(db)
  if (filter.premisesIds) query = query.where('t.premisesId', 'in', filter.premisesIds.length ? filter.premisesIds : [-1])
  if (filter.premisesId) query = query.where('t.premisesId', '=', filter.premisesId)
  if (filter.status) query = query.where('t.status', '=', filter.status)
  // Events that touch [from, to]: local text compares as dates do.
  if (filter.from) query = query.where('t.endsLocal', '>=', filter.from)
  if (filter.to) query = query.where('t.startsLocal', '<', `${filter.to}T24:00`)
  const [items, count] = await Promise.all([
    query.orderBy('t.startsAt').orderBy('t.id').limit(filter.limit).offset(filter.offset).execute(),
    query.clearSelect().select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { items, total: Number(count.n) }
}

/** Notices that count towards the limits (every one not withdrawn) touching the years, by premises or by user. */
export function countingTens (db: Db, where: { premisesId?: number; userKey?: string }, firstYear: number, lastYear: number) {
  let query = db.selectFrom('temporaryEventNotices')
    .select(['id', 'premisesId', 'premisesUserKey', 'kind', 'startsLocal', 'endsLocal', 'startsAt', 'endsAt'])
    .where('status', '!=', 'withdrawn')
    .where('startsLocal', '<', `${lastYear + 1}-01-01`)
    .where('endsLocal', '>', `${firstYear}-01-01`)
  if (where.premisesId !== undefined) query = query.where('premisesId', '=', where.premisesId)
  if (where.userKey !== undefined) query = query.where('premisesUserKey', '=', where.userKey)
  return query.orderBy('startsAt').execute()
}

/** Serialises notices by one premises user (their limits span premises) until the transaction ends. */
export async function lockPremisesUser (db: Db, userKey: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${'ten-user:' + userKey}))`.execute(db)
}

export function lockPremises (db: Db, premisesId: number) {
  return db.selectFrom('premises').select(['id', 'name']).where('id', '=', premisesId).forUpdate().executeTakeFirst()
}

export function lockTen (db: Db, id: number) {
  return db.selectFrom('temporaryEventNotices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function insertTen (db: Db, values: Insertable<TemporaryEventNoticesTable>) {
  return db.insertInto('temporaryEventNotices').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateTen (db: Db, id: number, values: Updateable<TemporaryEventNoticesTable>) {
  await db.updateTable('temporaryEventNotices').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute()
}

export function insertObjection (db: Db, values: Insertable<TenObjectionsTable>) {
  return db.insertInto('tenObjections').values(values).returning('id').executeTakeFirstOrThrow()
}

export function objectionsOf (db: Db, tenIds: number[]) {
  if (!tenIds.length) return Promise.resolve([])
  return db.selectFrom('tenObjections').selectAll().where('tenId', 'in', tenIds).orderBy('id').execute()
}

/** Active accounts of one responsible-authority organisation (to notify each by name). */
export function authorityUserIds (db: Db, organisation: string) {
  return db.selectFrom('users').select('id').where('role', '=', 'responsible_authority').where('organisation', '=', organisation).where('active', '=', true).execute()
}

/** Received notices still inside their objection window on `today`, soonest deadline first; `exceptObjectedBy` leaves out those that organisation has objected to. */
export function tensOpenToObjection (db: Db, today: string, exceptObjectedBy?: 'police' | 'environmental_health') {
  let query = db.selectFrom('temporaryEventNotices as t').innerJoin('premises as p', 'p.id', 't.premisesId')
    .select(['t.id', 't.premisesId', 't.startsLocal', 't.objectionDeadline', 'p.name as premisesName'])
    .where('t.status', '=', 'received').where('t.objectionDeadline', '>=', today)
  if (exceptObjectedBy) {
    query = query.where(eb => eb.not(eb.exists(eb.selectFrom('tenObjections as o').select('o.id')
      .whereRef('o.tenId', '=', 't.id').where('o.organisation', '=', exceptObjectedBy))))
  }
  return query.orderBy('t.objectionDeadline').orderBy('t.id').execute()
}

/** Notices not withdrawn whose event has not ended by `today`, with their premises (the open-data register). */
export function registerTens (db: Db, today: string) {
  return db.selectFrom('temporaryEventNotices as t')
    .innerJoin('premises as p', 'p.id', 't.premisesId')
    .select([
      't.id', 't.kind', 't.status', 't.givenOn', 't.startsLocal', 't.endsLocal', 't.maxPeople', 't.activities',
      'p.licenceNumber', 'p.name as premisesName', 'p.address', 'p.postcode', 'p.lat', 'p.lng', 'p.isDemo'
    ])
    .where('t.status', '!=', 'withdrawn')
    .where('t.endsLocal', '>=', today)
    .orderBy('t.startsAt').orderBy('t.id')
    .execute()
}
