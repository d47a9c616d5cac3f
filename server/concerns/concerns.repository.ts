// Queries of the concerns domain: reports, their updates, premises near a report, settings and
// the record of plan reviews that concerns caused.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { ConcernKind, ConcernStatus } from '../../shared/schemas/concerns.ts'
import type { ConcernsTable } from './concerns.tables.ts'

export function insertConcern (db: Db, values: Insertable<ConcernsTable>) {
  return db.insertInto('concerns').values(values).returning(['id', 'reference']).executeTakeFirstOrThrow()
}

export function updateConcern (db: Db, id: number, values: Updateable<ConcernsTable>) {
  return db.updateTable('concerns').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute()
}

function concerns (db: Db) {
  return db.selectFrom('concerns as c')
    .leftJoin('premises as p', 'p.id', 'c.premisesId')
    .leftJoin('concerns as d', 'd.id', 'c.duplicateOf')
    .leftJoin('concerns as r', 'r.id', 'c.repeatOf')
    .selectAll('c')
    .select(['p.name as premisesName', 'd.reference as duplicateOfReference', 'r.reference as repeatOfReference'])
}
export type ConcernRow = Awaited<ReturnType<ReturnType<typeof concerns>['executeTakeFirstOrThrow']>>

export function findConcern (db: Db, id: number) {
  return concerns(db).where('c.id', '=', id).executeTakeFirst()
}

/** Locks the concern for a change of state (two officers acting at once take turns). */
export async function lockConcern (db: Db, id: number) {
  await db.selectFrom('concerns').select('id').where('id', '=', id).forUpdate().execute()
  return findConcern(db, id)
}

export function findByReference (db: Db, reference: string) {
  return concerns(db).where('c.reference', '=', reference).executeTakeFirst()
}

export async function referenceExists (db: Db, reference: string) {
  return Boolean(await db.selectFrom('concerns').select('id').where('reference', '=', reference).executeTakeFirst())
}

export interface ConcernFilter { status?: string; premisesId?: number; limit: number; offset: number }

/** Confirmed concerns for officers, newest first; 'open' is every status but closed. */
export async function listConcerns (db: Db, filter: ConcernFilter) {
  let query = concerns(db).where('c.status', '<>', 'unconfirmed')
  if (filter.status === 'open') query = query.where('c.status', '<>', 'closed')
  else if (filter.status) query = query.where('c.status', '=', filter.status as ConcernStatus)
  if (filter.premisesId) query = query.where('c.premisesId', '=', filter.premisesId)
  const [items, total] = await Promise.all([
    query.orderBy('c.confirmedAt', 'desc').orderBy('c.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.clearSelect().select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { items, total: Number(total.n) }
}

export function insertUpdate (db: Db, values: { concernId: number; authorId: number | null; status?: string | null; closeReason?: string | null; publicText?: string | null; internalNote?: string | null; emailed?: number }) {
  return db.insertInto('concernUpdates').values(values).returning('id').executeTakeFirstOrThrow()
}

export function listUpdates (db: Db, concernIds: number[]) {
  if (!concernIds.length) return Promise.resolve([])
  return db.selectFrom('concernUpdates as u').leftJoin('users as a', 'a.id', 'u.authorId')
    .selectAll('u').select('a.name as authorName')
    .where('u.concernId', 'in', concernIds).orderBy('u.at').orderBy('u.id').execute()
}

/** Reports that were joined into `fromId` are joined into `toId` instead. */
export function moveDuplicates (db: Db, fromId: number, toId: number) {
  return db.updateTable('concerns').set({ duplicateOf: toId, updatedAt: new Date() }).where('duplicateOf', '=', fromId).execute()
}

/** Reports merged into this one (its duplicates) or that repeat it, as id and reference. */
export function linkedTo (db: Db, id: number, link: 'duplicateOf' | 'repeatOf') {
  return db.selectFrom('concerns').select(['id', 'reference']).where(link, '=', id).where('status', '<>', 'unconfirmed').orderBy('id').execute()
}

/** The people to tell about an update: the reporter of the case and of every report merged into it. */
export function reportersOf (db: Db, id: number) {
  return db.selectFrom('concerns').select(['id', 'reference', 'reporterName', 'reporterEmail'])
    .where(eb => eb.or([eb('id', '=', id), eb('duplicateOf', '=', id)]))
    .where('status', '<>', 'unconfirmed').where('abusive', '=', false).orderBy('id').execute()
}

/** The reporter's latest earlier confirmed concern about the same place (premises, or within `radiusM`). */
export function earlierByReporter (db: Db, concern: { id: number; reporterEmail: string; premisesId: number | null; easting: number | null; northing: number | null }, since: Date, radiusM: number) {
  return db.selectFrom('concerns as c').select(['c.id', 'c.reference'])
    .where('c.id', '<>', concern.id)
    .where(sql`lower(c.reporter_email)`, '=', concern.reporterEmail.toLowerCase())
    .where('c.status', '<>', 'unconfirmed').where('c.abusive', '=', false).where('c.confirmedAt', '>=', since)
    .where(eb => {
      const same = []
      if (concern.premisesId) same.push(eb('c.premisesId', '=', concern.premisesId))
      if (concern.easting != null && concern.northing != null) {
        same.push(sql<boolean>`(c.easting - ${concern.easting}) ^ 2 + (c.northing - ${concern.northing}) ^ 2 <= ${radiusM * radiusM}`)
      }
      return same.length ? eb.or(same) : sql<boolean>`false`
    })
    .orderBy('c.confirmedAt', 'desc').limit(1).executeTakeFirst()
}

/** Premises within `radiusM` of a BNG point (a bbox on the indexed columns, then the exact distance). */
export function premisesNear (db: Db, easting: number, northing: number, radiusM: number) {
  const distance = sql<number>`sqrt((p.easting - ${easting}) ^ 2 + (p.northing - ${northing}) ^ 2)`
  return db.selectFrom('premises as p')
    .select(['p.id', 'p.name', 'p.address', 'p.status', 'p.openingHours', 'p.licensableActivities', distance.as('distanceM')])
    .where('p.easting', '>=', easting - radiusM).where('p.easting', '<=', easting + radiusM)
    .where('p.northing', '>=', northing - radiusM).where('p.northing', '<=', northing + radiusM)
    .where(distance, '<=', radiusM)
    .orderBy(distance).limit(30).execute()
}

export function premisesForReport (db: Db, id: number) {
  return db.selectFrom('premises').select(['id', 'name', 'address', 'status', 'lat', 'lng', 'easting', 'northing', 'openingHours', 'licensableActivities'])
    .where('id', '=', id).executeTakeFirst()
}

export async function getSettings (db: Db) {
  return db.selectFrom('concernSettings').select(['threshold', 'periodDays']).executeTakeFirstOrThrow()
}

export function setSettings (db: Db, values: { threshold: number; periodDays: number; updatedBy: number }) {
  return db.updateTable('concernSettings').set({ ...values, updatedAt: new Date() }).where('id', '=', true).execute()
}

/** Substantiated, counted concerns about a premises of these kinds, substantiated after `since`. */
export function substantiatedSince (db: Db, premisesId: number, kinds: ConcernKind[], since: Date) {
  return db.selectFrom('concerns').select(['id', 'reference', 'kind', 'occurredAt', 'confirmedAt', 'substantiatedAt'])
    .where('premisesId', '=', premisesId).where('kind', 'in', kinds)
    .where('substantiated', '=', true).where('abusive', '=', false).where('duplicateOf', 'is', null)
    .where('substantiatedAt', '>', since)
    .orderBy('substantiatedAt').execute()
}

export function lastPlanReview (db: Db, premisesId: number, planKind: 'noise_management_plan' | 'dispersal_policy') {
  return db.selectFrom('concernPlanReviews').select(['at', 'concernIds']).where('premisesId', '=', premisesId).where('planKind', '=', planKind)
    .orderBy('at', 'desc').limit(1).executeTakeFirst()
}

export function insertPlanReview (db: Db, values: { premisesId: number; planKind: 'noise_management_plan' | 'dispersal_policy'; concernIds: number[]; reviewDue: string | null }) {
  return db.insertInto('concernPlanReviews').values(values).execute()
}

/** What a venue manager may read about its premises' concerns: confirmed, counted, never the reporter. */
export function venueConcerns (db: Db, premisesId: number) {
  return db.selectFrom('concerns')
    .select(['reference', 'kind', 'status', 'closeReason', 'substantiated', 'confirmedAt', 'occurredAt', 'happeningNow', 'pattern', 'createdAt'])
    .where('premisesId', '=', premisesId).where('status', '<>', 'unconfirmed')
    .where('abusive', '=', false).where('duplicateOf', 'is', null)
    .orderBy('confirmedAt', 'desc').limit(500).execute()
}

/** Open concerns with a place, for the officers' map. */
export function concernsOnMap (db: Db, status: string) {
  let query = db.selectFrom('concerns as c').leftJoin('premises as p', 'p.id', 'c.premisesId')
    .select(['c.id', 'c.reference', 'c.kind', 'c.status', 'c.premisesId', 'c.accuracyM',
      sql<number>`coalesce(c.lat, p.lat)`.as('lat'), sql<number>`coalesce(c.lng, p.lng)`.as('lng')])
    .where('c.status', '<>', 'unconfirmed').where('c.abusive', '=', false).where('c.duplicateOf', 'is', null)
    .where(sql<boolean>`coalesce(c.lat, p.lat) is not null`)
  if (status === 'open') query = query.where('c.status', '<>', 'closed')
  else query = query.where('c.status', '=', status as ConcernStatus)
  return query.orderBy('c.id', 'desc').limit(2000).execute()
}

/**
 * Confirmed concerns nobody has answered yet, oldest first: still 'received', with no update an
 * officer wrote to the reporter, and not merged into another (an abusive report is closed).
 */
export function concernsToTriage (db: Db) {
  return db.selectFrom('concerns as c').leftJoin('premises as p', 'p.id', 'c.premisesId')
    .select(['c.id', 'c.reference', 'c.kind', 'c.premisesId', 'c.confirmedAt', 'p.name as premisesName'])
    .where('c.status', '=', 'received').where('c.duplicateOf', 'is', null)
    .where(eb => eb.not(eb.exists(eb.selectFrom('concernUpdates as u').select('u.id')
      .whereRef('u.concernId', '=', 'c.id').where('u.authorId', 'is not', null).where('u.publicText', 'is not', null))))
    .orderBy('c.confirmedAt').orderBy('c.id').limit(500).execute()
}
