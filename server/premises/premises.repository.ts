// The only code that builds queries on the licensing register. The list query is kept lean
// (only the columns a list item needs, one round trip with a window count) because the map and
// the benchmark call it on every pan; its filters use the lng/lat, status and name indexes.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { PremisesStatus, PremisesTable } from './premises.tables.ts'
import { foldForSearch } from '../../shared/search-fold.ts'

export interface PremisesFilter {
  q?: string
  /** minLng, minLat, maxLng, maxLat */
  bbox?: [number, number, number, number]
  status?: string
  /** Limit to these premises (a venue manager's own); undefined means no limit. */
  ids?: number[]
  limit: number
  offset: number
}

export const listColumns = [
  'premises.id', 'premises.name', 'premises.address', 'premises.postcode', 'premises.lat', 'premises.lng',
  'premises.licenceNumber', 'premises.licenceHolder', 'premises.dpsName', 'premises.premisesType',
  'premises.activities', 'premises.capacity', 'premises.status', 'premises.isDemo'
] as const

const escapeLike = (text: string) => text.replace(/[\\%_]/g, m => '\\' + m)

function filtered (db: Db, filter: Omit<PremisesFilter, 'limit' | 'offset'>) {
  let query = db.selectFrom('premises')
  if (filter.ids) query = filter.ids.length ? query.where('premises.id', 'in', filter.ids) : query.where(sql<boolean>`false`)
  if (filter.status) query = query.where('premises.status', '=', filter.status as PremisesStatus)
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox
    query = query.where('premises.lng', '>=', minLng).where('premises.lng', '<=', maxLng)
      .where('premises.lat', '>=', minLat).where('premises.lat', '<=', maxLat)
  }
  // Every word typed, folded as the register's search_text is (shared/search-fold.ts), in any order:
  // "hoop & grapes", "Grapes Hoop" and a licence holder's name all find The Hoop and Grapes.
  const words = filter.q ? foldForSearch(filter.q).split(' ').filter(Boolean) : []
  for (const word of words) query = query.where(sql<boolean>`premises.search_text like ${`%${escapeLike(word)}%`}`)
  return query
}

/** The register list (and the bbox query the map and benchmark use): items and total in one round trip. */
export async function listPremises (db: Db, filter: PremisesFilter) {
  const rows = await filtered(db, filter)
    .select(listColumns)
    .select(sql<number>`count(*) over()`.as('fullCount'))
    .orderBy('premises.name').orderBy('premises.id')
    .limit(filter.limit).offset(filter.offset)
    .execute()
  let total = rows.length ? Number(rows[0]!.fullCount) : 0
  if (!rows.length && filter.offset > 0) total = await countPremises(db, filter)
  return { rows, total }
}

export type PremisesListRow = Awaited<ReturnType<typeof listPremises>>['rows'][number]

export async function countPremises (db: Db, filter: Omit<PremisesFilter, 'limit' | 'offset'> = {}) {
  const row = await filtered(db, filter).select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every matching premises for exports (no paging). */
export function allPremises (db: Db, filter: Omit<PremisesFilter, 'limit' | 'offset'>) {
  return filtered(db, filter).selectAll('premises').orderBy('premises.name').orderBy('premises.id').execute()
}

export function findPremises (db: Db, id: number, forUpdate = false) {
  let query = db.selectFrom('premises').selectAll().where('id', '=', id)
  if (forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export type PremisesRow = NonNullable<Awaited<ReturnType<typeof findPremises>>>

const summaryColumns = ['id', 'name', 'address', 'postcode', 'licenceNumber', 'status', 'capacity', 'lat', 'lng', 'easting', 'northing'] as const

export function findSummary (db: Db, id: number, forUpdate = false) {
  let query = db.selectFrom('premises').select(summaryColumns).where('id', '=', id)
  if (forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export type PremisesSummary = NonNullable<Awaited<ReturnType<typeof findSummary>>>

export function mappedCurrentPremises (db: Db) {
  return db.selectFrom('premises').select(['id', 'name', 'capacity'])
    .where('status', '=', 'current').where('easting', 'is not', null).orderBy('id').execute()
}

/** Current premises with a location, with what matching a written place name needs (name, address) and where they are. */
export function mappedCurrentRegister (db: Db) {
  return db.selectFrom('premises').select(['id', 'name', 'address', 'lat', 'lng', 'easting', 'northing'])
    .where('status', '=', 'current').where('easting', 'is not', null).orderBy('id').execute()
}

export function currentPremisesWithManagers (db: Db) {
  return db.selectFrom('premises as p').select(['p.id', 'p.name']).where('p.status', '=', 'current')
    .where(eb => eb.exists(eb.selectFrom('premisesManagers as m').select('m.userId').whereRef('m.premisesId', '=', 'p.id')))
    .orderBy('p.id').execute()
}

export function findByLicenceNumber (db: Db, licenceNumber: string) {
  return db.selectFrom('premises').selectAll().where('licenceNumber', '=', licenceNumber).executeTakeFirst()
}

export function namesOf (db: Db, ids: number[]) {
  if (!ids.length) return Promise.resolve([] as { id: number; name: string; address: string }[])
  return db.selectFrom('premises').select(['id', 'name', 'address']).where('id', 'in', ids).orderBy('id').execute()
}

export function listConditions (db: Db, premisesId: number) {
  return db.selectFrom('premisesConditions').select(['id', 'annex', 'text'])
    .where('premisesId', '=', premisesId).orderBy('annex').orderBy('position').orderBy('id').execute()
}

export function listManagers (db: Db, premisesId: number) {
  return db.selectFrom('premisesManagers').innerJoin('users', 'users.id', 'premisesManagers.userId')
    .select(['users.id', 'users.name', 'users.email'])
    .where('premisesManagers.premisesId', '=', premisesId).where('users.active', '=', true)
    .orderBy('users.name').execute()
}

export async function insertPremises (db: Db, values: Insertable<PremisesTable>) {
  return db.insertInto('premises').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Several rows in one statement (imports, demo data). */
export async function insertManyPremises (db: Db, values: Insertable<PremisesTable>[]) {
  if (!values.length) return []
  return db.insertInto('premises').values(values).returning(['id', 'source', 'sourceRef', 'licenceNumber']).execute()
}

export async function updatePremises (db: Db, id: number, values: Updateable<PremisesTable>) {
  return db.updateTable('premises').set({ ...values, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function replaceConditions (db: Db, premisesId: number, conditions: { annex: number; text: string }[]) {
  await db.deleteFrom('premisesConditions').where('premisesId', '=', premisesId).execute()
  await insertConditions(db, conditions.map((c, position) => ({ premisesId, annex: c.annex, text: c.text.trim(), position })))
}

export async function insertConditions (db: Db, rows: { premisesId: number; annex: number; text: string; position: number }[]) {
  if (rows.length) await db.insertInto('premisesConditions').values(rows).execute()
}

/** Gives one of the premises' conditions new text under another annex (a hearing modified it). */
export async function rewriteCondition (db: Db, premisesId: number, conditionId: number, annex: number, text: string) {
  await db.updateTable('premisesConditions').set({ annex, text }).where('id', '=', conditionId).where('premisesId', '=', premisesId).execute()
}

/** The position after the last condition of an annex. */
export async function nextConditionPosition (db: Db, premisesId: number, annex: number): Promise<number> {
  const row = await db.selectFrom('premisesConditions').select(eb => eb.fn.max('position').as('last')).where('premisesId', '=', premisesId).where('annex', '=', annex).executeTakeFirst()
  return row?.last == null ? 0 : Number(row.last) + 1
}

/** Conditions of several premises at once (public register pages, exports). */
export function conditionsFor (db: Db, premisesIds: number[]) {
  if (!premisesIds.length) return Promise.resolve([])
  return db.selectFrom('premisesConditions').select(['premisesId', 'annex', 'text'])
    .where('premisesId', 'in', premisesIds).orderBy('premisesId').orderBy('annex').orderBy('position').execute()
}

/** Existing rows an import may update: by source reference or by licence number. */
export function findImportMatches (db: Db, source: string, sourceRefs: string[], licenceNumbers: string[]) {
  if (!sourceRefs.length && !licenceNumbers.length) return Promise.resolve([])
  return db.selectFrom('premises').selectAll()
    .where(eb => eb.or([
      ...(sourceRefs.length ? [eb.and([eb('source', '=', source), eb('sourceRef', 'in', sourceRefs)])] : []),
      ...(licenceNumbers.length ? [eb('licenceNumber', 'in', licenceNumbers)] : [])
    ]))
    .execute()
}

export async function addManager (db: Db, userId: number, premisesIds: number[]) {
  if (premisesIds.length) {
    await db.insertInto('premisesManagers').values(premisesIds.map(premisesId => ({ userId, premisesId })))
      .onConflict(oc => oc.doNothing()).execute()
  }
}

/** Mapped premises inside the box (the lean map feed): only what the map draws. */
export function mapPoints (db: Db, filter: { bbox?: [number, number, number, number]; ids?: number[] }) {
  return filtered(db, filter).select(['premises.id', 'premises.name', 'premises.status', 'premises.lat', 'premises.lng'])
    .where('premises.lat', 'is not', null).where('premises.lng', 'is not', null)
    .orderBy('premises.id').execute()
}
