// The only code that builds incident queries: filters (local-date windows, categories, premises,
// bbox, source, a venue manager's scope), lists, single rows, inserts and updates.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { ImportRunsTable, IncidentsTable } from './incidents.tables.ts'
import type { Insertable, Updateable } from 'kysely'
import { addDays, localToUtc, wholeMonthsWithin } from '../../shared/dates.ts'
import { bngBoundsOf } from '../geo/bng.ts'

export interface IncidentFilter {
  from?: string
  to?: string
  categories?: string[]
  premisesId?: number
  bbox?: [number, number, number, number]
  source?: string
  attribution?: string
  /** Only incidents counted for this premises (linked or proximate; not ambiguous). */
  attributedTo?: number
  /** A venue manager's premises: only incidents linked, proximate or ambiguous to these. */
  scope?: number[]
}

type Eb = ExpressionBuilder<Database & { i: Database['incidents'] }, 'i'>

function nearPremises (eb: Eb, ids: number[]): Expression<SqlBool> {
  return eb.or([
    eb('i.premisesId', 'in', ids.length ? ids : [-1]),
    sql<boolean>`i.candidate_premises_ids && ${sql.val(ids)}::int[]`
  ])
}

/** Conditions on alias i. A month-precise record is inside a window only if its whole month is. */
export function filterConditions (eb: Eb, f: IncidentFilter, tz: string): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = []
  if (f.from || f.to) {
    const minute: Expression<SqlBool>[] = [eb('i.timePrecision', '<>', 'month')]
    const month: Expression<SqlBool>[] = [eb('i.timePrecision', '=', 'month')]
    if (f.from) minute.push(eb('i.occurredAt', '>=', localToUtc(f.from, tz)))
    if (f.to) minute.push(eb('i.occurredAt', '<', localToUtc(addDays(f.to, 1), tz)))
    const whole = wholeMonthsWithin(f.from ?? '1900-01-01', f.to ?? '2999-12-31')
    if (f.from) month.push(eb('i.month', '>=', whole.first))
    if (f.to) month.push(eb('i.month', '<=', whole.last))
    and.push(eb.or([eb.and(minute), eb.and(month)]))
  }
  if (f.categories?.length) and.push(eb('i.category', 'in', f.categories))
  if (f.premisesId) and.push(nearPremises(eb, [f.premisesId]))
  if (f.attributedTo) and.push(eb('i.premisesId', '=', f.attributedTo))
  if (f.scope) and.push(nearPremises(eb, f.scope))
  if (f.bbox) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox
    // The BNG rectangle finds candidates by index; the lng/lat test is exact.
    const grid = bngBoundsOf(f.bbox)
    and.push(eb.between('i.easting', grid.minE, grid.maxE), eb.between('i.northing', grid.minN, grid.maxN))
    and.push(eb.between('i.lng', minLng, maxLng), eb.between('i.lat', minLat, maxLat))
  }
  if (f.source) and.push(eb('i.source', '=', f.source as IncidentsTable['source']))
  if (f.attribution) and.push(eb('i.attribution', '=', f.attribution as 'linked'))
  return eb.and(and)
}

function baseSelect (db: Db) {
  return db.selectFrom('incidents as i')
    .leftJoin('premises as p', 'p.id', 'i.premisesId')
    .leftJoin('users as u', 'u.id', 'i.reportedBy')
    .select(['i.id', 'i.source', 'i.externalId', 'i.category', 'i.occurredAt', 'i.occurredTo', 'i.classification', 'i.timePrecision', 'i.month', 'i.lat', 'i.lng',
      'i.locationText', 'i.lsoaCode', 'i.premisesId', 'p.name as premisesName', 'i.attribution', 'i.outcome', 'i.description',
      'i.policeOnlyNotes', 'i.reportedBy', 'u.name as reportedByName', 'i.createdAt', 'i.updatedAt'])
    .select(sql<number[]>`coalesce(i.candidate_premises_ids, '{}')`.as('candidatePremisesIds'))
}

export type IncidentRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>

export async function listIncidents (db: Db, f: IncidentFilter, tz: string, page: { limit: number; offset: number }) {
  const [items, count] = await Promise.all([
    baseSelect(db).where(eb => filterConditions(eb as unknown as Eb, f, tz))
      .orderBy('i.occurredAt', 'desc').orderBy('i.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('incidents as i').where(eb => filterConditions(eb, f, tz)).select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { items, total: Number(count.n) }
}

export async function findIncident (db: Db, id: number) {
  return baseSelect(db).where('i.id', '=', id).executeTakeFirst()
}

/** Is this incident among a manager's (linked, proximate, or an ambiguous candidate)? */
export async function incidentInScope (db: Db, id: number, scope: number[]): Promise<boolean> {
  const row = await db.selectFrom('incidents as i').select('i.id').where('i.id', '=', id).where(eb => nearPremises(eb, scope)).executeTakeFirst()
  return Boolean(row)
}

export async function insertIncident (db: Db, values: Insertable<IncidentsTable>) {
  return db.insertInto('incidents').values(values).returning('id').executeTakeFirstOrThrow()
}

/** Several rows in batches; their ids in order. */
export async function insertIncidents (db: Db, values: Insertable<IncidentsTable>[]): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < values.length; i += 1000) {
    const rows = await db.insertInto('incidents').values(values.slice(i, i + 1000)).returning('id').execute()
    ids.push(...rows.map(r => r.id))
  }
  return ids
}

export async function updateIncidentRow (db: Db, id: number, values: Updateable<IncidentsTable>) {
  await db.updateTable('incidents').set({ ...values, updatedAt: sql`now()` }).where('id', '=', id).execute()
}

export async function deleteIncidentRow (db: Db, id: number) {
  await db.deleteFrom('incidents').where('id', '=', id).execute()
}

/** Monthly counts by category for month starts in [first, last]. */
export async function monthlyCounts (db: Db, f: IncidentFilter, tz: string, first: string, last: string) {
  return db.selectFrom('incidents as i')
    .where(eb => filterConditions(eb, f, tz))
    .where('i.month', '>=', first).where('i.month', '<=', last)
    .select(['i.category', sql<string>`to_char(i.month, 'YYYY-MM')`.as('m'), eb => eb.fn.countAll<number>().as('n')])
    .groupBy(['i.category', sql`to_char(i.month, 'YYYY-MM')`])
    .execute()
}

export async function latestMonth (db: Db, f: IncidentFilter, tz: string): Promise<string | null> {
  const row = await db.selectFrom('incidents as i').where(eb => filterConditions(eb, f, tz))
    .select(sql<string | null>`to_char(max(i.month), 'YYYY-MM-DD')`.as('m')).executeTakeFirst()
  return row?.m ?? null
}

/** One police.uk import, as the imports screen lists it. */
export async function insertImportRun (db: Db, run: Insertable<ImportRunsTable>) {
  await db.insertInto('importRuns').values(run).execute()
}

export function recentImportRuns (db: Db, limit: number) {
  return db.selectFrom('importRuns').selectAll().orderBy('id', 'desc').limit(limit).execute()
}
