// Queries on the flags domain's own tables: settings, runs, evaluations, flags, events.
// The counting SQL over incidents lives in flags.counts.repository.ts.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { FlagEvaluationsTable, FlagsTable, FlagEventsTable } from './flags.tables.ts'
import { DEFAULT_CRIME_GROUPS } from '../../shared/incident-categories.ts'
import type { FlagListQuery, FlagSettings } from '../../shared/schemas/flags.ts'
import { INCIDENT_SOURCES } from '../../shared/schemas/incidents.ts'

export type { FlagSettings }

/** Every source counts unless an admin leaves some out: what flags counted before the setting. */
export const DEFAULT_SETTINGS: FlagSettings = {
  groups: DEFAULT_CRIME_GROUPS,
  sources: [...INCIDENT_SOURCES]
}

export async function findSettings (db: Db): Promise<FlagSettings> {
  const row = await db.selectFrom('flagSettings').selectAll().where('id', '=', 1).executeTakeFirst()
  if (!row) return DEFAULT_SETTINGS
  const stored = row.sources as FlagSettings['sources'] | null
  // In the order of INCIDENT_SOURCES, so the settings read the same however they were sent.
  return { groups: row.groups as FlagSettings['groups'], sources: stored ? INCIDENT_SOURCES.filter(s => stored.includes(s)) : [...INCIDENT_SOURCES] }
}

/** Stores the settings; every source is stored as null, so a source added later counts too. */
export async function saveSettings (db: Db, settings: FlagSettings): Promise<void> {
  const every = INCIDENT_SOURCES.every(s => settings.sources.includes(s))
  const values = { groups: JSON.stringify(settings.groups), sources: every ? null : JSON.stringify(settings.sources), updatedAt: new Date() }
  await db.insertInto('flagSettings').values({ id: 1, ...values })
    .onConflict(oc => oc.column('id').doUpdateSet(values)).execute()
}

/** One run per asOf: a re-run updates the same row, whose row lock serialises concurrent runs. */
export async function upsertRun (db: Db, asOf: string, params: unknown) {
  return db.insertInto('flagRuns').values({ asOf, params: JSON.stringify(params) })
    .onConflict(oc => oc.column('asOf').doUpdateSet({ params: JSON.stringify(params), startedAt: new Date(), finishedAt: null, runs: sql`flag_runs.runs + 1` }))
    .returning(['id', 'asOf']).executeTakeFirstOrThrow()
}

export async function finishRun (db: Db, id: number, evaluated: number, flagged: number) {
  await db.updateTable('flagRuns').set({ evaluated, flagged, finishedAt: new Date() }).where('id', '=', id).execute()
}

export async function deleteEvaluations (db: Db, runId: number) {
  await db.deleteFrom('flagEvaluations').where('runId', '=', runId).execute()
}

export async function insertEvaluations (db: Db, rows: Insertable<FlagEvaluationsTable>[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('flagEvaluations').values(rows.slice(i, i + 500)).execute()
}

export function previousRun (db: Db, asOf: string) {
  return db.selectFrom('flagRuns').select(['id', 'asOf']).where('asOf', '<', asOf).orderBy('asOf', 'desc').limit(1).executeTakeFirst()
}

export function latestRun (db: Db) {
  return db.selectFrom('flagRuns').selectAll().where('finishedAt', 'is not', null).orderBy('asOf', 'desc').limit(1).executeTakeFirst()
}

export function raisedEvaluations (db: Db, runId: number) {
  return db.selectFrom('flagEvaluations').select(['premisesId', 'crimeGroup', 'basis', 'level'])
    .where('runId', '=', runId).where('level', 'in', ['rising', 'strong']).execute()
}

export function runEvaluations (db: Db, runId: number) {
  return db.selectFrom('flagEvaluations').selectAll().where('runId', '=', runId).orderBy('premisesId').orderBy('crimeGroup').orderBy('basis').execute()
}

export function allFlagKeys (db: Db) {
  return db.selectFrom('flags').select(['id', 'premisesId', 'crimeGroup', 'basis', 'level', 'status', 'resolvedAt']).execute()
}

export async function insertFlag (db: Db, values: Insertable<FlagsTable>) {
  return db.insertInto('flags').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateFlag (db: Db, id: number, values: Updateable<FlagsTable>) {
  await db.updateTable('flags').set(values).where('id', '=', id).execute()
}

export async function markNotFlagged (db: Db, stillFlaggedIds: number[]) {
  let query = db.updateTable('flags').set({ stillFlagged: false, lastEvaluatedAt: new Date() })
  if (stillFlaggedIds.length) query = query.where('id', 'not in', stillFlaggedIds)
  await query.execute()
}

export async function insertEvent (db: Db, event: Insertable<FlagEventsTable>) {
  await db.insertInto('flagEvents').values(event).execute()
}

export type FlagFilter = Omit<FlagListQuery, 'limit' | 'offset'> & {
  /** A venue manager's premises; only flags an officer has acknowledged. */
  managerPremises?: number[]
}

function flagQuery (db: Db) {
  return db.selectFrom('flags as f').innerJoin('premises as p', 'p.id', 'f.premisesId')
    .selectAll('f').select(['p.name as premisesName', 'p.lat', 'p.lng', 'p.capacity'])
}

export function findFlags (db: Db, filter: FlagFilter, limit: number, offset: number) {
  let query = flagQuery(db)
  if (filter.status) query = query.where('f.status', '=', filter.status)
  if (filter.premisesId) query = query.where('f.premisesId', '=', filter.premisesId)
  if (filter.crimeGroup) query = query.where('f.crimeGroup', '=', filter.crimeGroup)
  if (filter.level) query = query.where('f.level', '=', filter.level)
  if (filter.managerPremises) {
    query = query.where('f.premisesId', 'in', filter.managerPremises.length ? filter.managerPremises : [-1]).where('f.acknowledgedAt', 'is not', null)
  }
  return query.orderBy(sql`case f.level when 'strong' then 0 when 'rising' then 1 else 2 end`).orderBy('f.p').orderBy('f.id').limit(limit).offset(offset).execute()
}

export function findFlag (db: Db, id: number, forUpdate = false) {
  let query = flagQuery(db).where('f.id', '=', id)
  if (forUpdate) query = query.forUpdate(['f'] as any)
  return query.executeTakeFirst()
}

export function flagEvents (db: Db, flagId: number) {
  return db.selectFrom('flagEvents as e').leftJoin('users as u', 'u.id', 'e.userId')
    .select(['e.id', 'e.at', 'e.kind', 'e.level', 'e.asOf', 'e.note', 'u.name as userName'])
    .where('e.flagId', '=', flagId).orderBy('e.id').execute()
}


/** Events of every flag of a premises, newest first, with the flag's group and who acted. */
export function premisesFlagEvents (db: Db, premisesId: number) {
  return db.selectFrom('flagEvents as e').innerJoin('flags as f', 'f.id', 'e.flagId').leftJoin('users as u', 'u.id', 'e.userId')
    .select(['e.id', 'e.flagId', 'e.at', 'e.kind', 'e.level', 'e.note', 'f.crimeGroup', 'u.name as userName'])
    .where('f.premisesId', '=', premisesId).orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(1000).execute()
}

/** Flags waiting for someone: open ones (for officers and police), or acknowledged and unresolved ones at a venue manager's premises. */
export function flagsToFollowUp (db: Db, managerPremises?: number[]) {
  let query = db.selectFrom('flags as f').innerJoin('premises as p', 'p.id', 'f.premisesId')
    .select(['f.id', 'f.premisesId', 'f.crimeGroup', 'f.level', 'f.firstRaisedAt', 'p.name as premisesName'])
  query = managerPremises
    ? query.where('f.status', '=', 'acknowledged').where('f.premisesId', 'in', managerPremises.length ? managerPremises : [-1])
    : query.where('f.status', '=', 'open')
  return query.orderBy('f.firstRaisedAt').orderBy('f.id').execute()
}

/** Premises and level of every open or acknowledged flag of these premises (the map feed). */
export function unresolvedLevels (db: Db, premisesIds: number[], acknowledgedOnly: boolean) {
  let query = db.selectFrom('flags').select(['premisesId', 'level'])
    .where('status', 'in', ['open', 'acknowledged']).where('premisesId', 'in', premisesIds)
  if (acknowledgedOnly) query = query.where('acknowledgedAt', 'is not', null)
  return query.execute()
}
