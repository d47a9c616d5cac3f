// Queries of the plans domain: plan document versions and the review queue. Licence
// applications have their own repository (licence-applications.repository.ts).
import type { Db } from '../db/types.ts'
import type { PlanKind, PlanStatus } from '../../shared/plans/templates.ts'
import type { PlanDocumentsTable } from './plans.tables.ts'
import type { Insertable, Updateable } from 'kysely'

export const CURRENT_STATUSES: PlanStatus[] = ['submitted', 'approved']

function documents (db: Db) {
  return db.selectFrom('planDocuments as d')
    .leftJoin('users as s', 's.id', 'd.submittedBy')
    .leftJoin('users as r', 'r.id', 'd.reviewedBy')
    .selectAll('d')
    .select(['s.name as submittedByName', 'r.name as reviewedByName'])
}
export type PlanDocumentRow = Awaited<ReturnType<ReturnType<typeof documents>['executeTakeFirstOrThrow']>>

export function findDocumentById (db: Db, id: number) {
  return documents(db).where('d.id', '=', id).executeTakeFirst()
}

export function findVersion (db: Db, premisesId: number, kind: PlanKind, version: number) {
  return documents(db).where('d.premisesId', '=', premisesId).where('d.kind', '=', kind).where('d.version', '=', version).executeTakeFirst()
}

/** The version that counts: the newest submitted or approved one. */
export function findCurrent (db: Db, premisesId: number, kind: PlanKind) {
  return documents(db).where('d.premisesId', '=', premisesId).where('d.kind', '=', kind)
    .where('d.status', 'in', CURRENT_STATUSES).orderBy('d.version', 'desc').limit(1).executeTakeFirst()
}

export function findLatest (db: Db, premisesId: number, kind: PlanKind) {
  return documents(db).where('d.premisesId', '=', premisesId).where('d.kind', '=', kind)
    .orderBy('d.version', 'desc').limit(1).executeTakeFirst()
}

/** The newest submitted version, the one waiting for an officer. */
export function findLatestSubmitted (db: Db, premisesId: number, kind: PlanKind) {
  return documents(db).where('d.premisesId', '=', premisesId).where('d.kind', '=', kind)
    .where('d.status', '=', 'submitted').orderBy('d.version', 'desc').limit(1).executeTakeFirst()
}

export function listVersions (db: Db, premisesId: number, kind: PlanKind) {
  return documents(db).where('d.premisesId', '=', premisesId).where('d.kind', '=', kind).orderBy('d.version', 'desc').execute()
}

export async function nextVersion (db: Db, premisesId: number, kind: PlanKind): Promise<number> {
  const row = await db.selectFrom('planDocuments').select(eb => eb.fn.max('version').as('max'))
    .where('premisesId', '=', premisesId).where('kind', '=', kind).executeTakeFirst()
  return Number(row?.max ?? 0) + 1
}

export function insertDocument (db: Db, values: Insertable<PlanDocumentsTable>) {
  return db.insertInto('planDocuments').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateDocument (db: Db, id: number, values: Updateable<PlanDocumentsTable>) {
  await db.updateTable('planDocuments').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute()
}

/** Marks older versions in the given statuses as superseded; returns their ids. */
export async function supersedeOlder (db: Db, premisesId: number, kind: PlanKind, belowVersion: number, statuses: PlanStatus[]) {
  const rows = await db.updateTable('planDocuments').set({ status: 'superseded', updatedAt: new Date() })
    .where('premisesId', '=', premisesId).where('kind', '=', kind).where('version', '<', belowVersion)
    .where('status', 'in', statuses).returning('id').execute()
  return rows.map(r => r.id)
}

/** Submitted plans and open licence applications, oldest first. */
export async function reviewQueue (db: Db) {
  const plans = await db.selectFrom('planDocuments as d').innerJoin('premises as p', 'p.id', 'd.premisesId')
    .select(['d.id', 'd.premisesId', 'p.name as premisesName', 'd.kind', 'd.version', 'd.status', 'd.submittedAt as since'])
    .where('d.status', '=', 'submitted').execute()
  const applications = await db.selectFrom('licenceApplications as a').innerJoin('premises as p', 'p.id', 'a.premisesId')
    .select(['a.id', 'a.premisesId', 'p.name as premisesName', 'a.kind', 'a.status', 'a.createdAt as since'])
    .where('a.status', 'in', ['received', 'under_consultation']).execute()
  return [
    ...plans.map(p => ({ type: 'plan' as const, ...p, since: new Date(p.since ?? 0) })),
    ...applications.map(a => ({ type: 'licence_application' as const, ...a, version: null, since: new Date(a.since) }))
  ].sort((a, b) => a.since.getTime() - b.since.getTime() || a.id - b.id)
}

/** Approved documents whose review date has passed (as of `today`), with their premises. */
export function overdueDocuments (db: Db, today: string) {
  return db.selectFrom('planDocuments as d').innerJoin('premises as p', 'p.id', 'd.premisesId')
    .select(['d.id', 'd.premisesId', 'd.kind', 'd.version', 'd.reviewDue', 'd.overdueSince', 'p.name as premisesName', 'p.lat', 'p.lng'])
    .where('d.status', '=', 'approved').where('d.reviewDue', '<', today)
    .orderBy('d.reviewDue').execute()
}

/** Approved documents due for review between the two dates (inclusive). */
export function documentsDueBetween (db: Db, from: string, to: string) {
  return db.selectFrom('planDocuments as d').innerJoin('premises as p', 'p.id', 'd.premisesId')
    .select(['d.id', 'd.premisesId', 'd.kind', 'd.version', 'd.reviewDue', 'p.name as premisesName'])
    .where('d.status', '=', 'approved').where('d.reviewDue', '>=', from).where('d.reviewDue', '<=', to)
    .execute()
}

export async function markOverdue (db: Db, ids: number[], today: string) {
  if (!ids.length) return 0
  const rows = await db.updateTable('planDocuments').set({ overdueSince: today, updatedAt: new Date() })
    .where('id', 'in', ids).where('overdueSince', 'is', null).returning('id').execute()
  return rows.length
}


/** Submitted versions waiting for an officer, oldest first. */
export function submittedDocuments (db: Db) {
  return db.selectFrom('planDocuments as d').innerJoin('premises as p', 'p.id', 'd.premisesId')
    .select(['d.id', 'd.premisesId', 'd.kind', 'd.version', 'd.submittedAt', 'p.name as premisesName'])
    .where('d.status', '=', 'submitted').orderBy('d.submittedAt').orderBy('d.id').execute()
}

/** At the given premises: approved documents due for review by `until` (or past it), and returned versions with nothing newer. */
export async function venueDocumentsToAct (db: Db, premisesIds: number[], until: string) {
  const ids = premisesIds.length ? premisesIds : [-1]
  const due = await db.selectFrom('planDocuments as d').innerJoin('premises as p', 'p.id', 'd.premisesId')
    .select(['d.id', 'd.premisesId', 'd.kind', 'd.version', 'd.reviewDue', 'p.name as premisesName'])
    .where('d.premisesId', 'in', ids).where('d.status', '=', 'approved').where('d.reviewDue', '<=', until)
    .orderBy('d.reviewDue').orderBy('d.id').execute()
  const returned = await db.selectFrom('planDocuments as d').innerJoin('premises as p', 'p.id', 'd.premisesId')
    .select(['d.id', 'd.premisesId', 'd.kind', 'd.version', 'p.name as premisesName'])
    .where('d.premisesId', 'in', ids).where('d.status', '=', 'returned')
    .where(eb => eb.not(eb.exists(eb.selectFrom('planDocuments as n').select('n.id')
      .whereRef('n.premisesId', '=', 'd.premisesId').whereRef('n.kind', '=', 'd.kind').whereRef('n.version', '>', 'd.version'))))
    .orderBy('d.id').execute()
  return { due, returned }
}

/** Every version of a premises' plans with a date that matters (submitted or reviewed), newest first: its timeline. */
export function planHistory (db: Db, premisesId: number) {
  return db.selectFrom('planDocuments').select(['id', 'kind', 'version', 'status', 'submittedAt', 'reviewedAt', 'createdAt'])
    .where('premisesId', '=', premisesId).where('status', '<>', 'draft').orderBy('createdAt', 'desc').limit(500).execute()
}

/** Submitted and approved versions of these premises' documents, newest first per kind (the map feed). */
export function countingVersionsOf (db: Db, premisesIds: number[]) {
  return db.selectFrom('planDocuments').select(['premisesId', 'kind', 'status', 'reviewDue'])
    .where('premisesId', 'in', premisesIds).where('status', 'in', CURRENT_STATUSES)
    .orderBy('premisesId').orderBy('kind').orderBy('version', 'desc').execute()
}
