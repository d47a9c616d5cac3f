// Queries on visits, their checklist answers, actions, photos and Safety Thirst evidence items.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { VisitsTable } from './visits.tables.ts'

export type Answer = { item: string; label: string; result: 'complied' | 'not_complied' | 'not_seen'; note: string }
export type Action = { text: string; dueOn: string; owner: string }

function views (db: Db) {
  return db.selectFrom('visits as v')
    .innerJoin('premises as p', 'p.id', 'v.premisesId')
    .leftJoin('users as u', 'u.id', 'v.createdBy')
    .selectAll('v')
    .select(['p.name as premisesName', 'u.name as createdByName'])
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof views>['executeTakeFirstOrThrow']>>

export function findVisit (db: Db, id: string, lock = false) {
  let query = db.selectFrom('visits').selectAll().where('id', '=', id)
  if (lock) query = query.forUpdate()
  return query.executeTakeFirst()
}

export function findVisitView (db: Db, id: string) {
  return views(db).where('v.id', '=', id).executeTakeFirst()
}

/** A premises' visits, newest first. */
export async function listForPremises (db: Db, premisesId: number, page: { limit: number; offset: number }) {
  const [items, count] = await Promise.all([
    views(db).where('v.premisesId', '=', premisesId).orderBy('v.startedAt', 'desc').orderBy('v.id').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('visits').select(eb => eb.fn.countAll<number>().as('n')).where('premisesId', '=', premisesId).executeTakeFirstOrThrow()
  ])
  return { items, total: Number(count.n) }
}

/** Visits made by or assigned to a user that start within [from, to). */
export function listAssigned (db: Db, userId: number, from: Date, to: Date) {
  return views(db)
    .where(eb => eb.or([eb('v.createdBy', '=', userId), sql<boolean>`${userId}::int = any(v.assigned_to)`]))
    .where('v.startedAt', '>=', from).where('v.startedAt', '<', to)
    .orderBy('v.startedAt').orderBy('v.id').execute()
}

export function insertVisit (db: Db, values: Insertable<VisitsTable>) {
  return db.insertInto('visits').values(values).returningAll().executeTakeFirstOrThrow()
}

export function updateVisit (db: Db, id: string, values: Updateable<VisitsTable>) {
  return db.updateTable('visits').set({ ...values, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export function answersOf (db: Db, visitIds: string[]) {
  if (!visitIds.length) return Promise.resolve([])
  return db.selectFrom('visitChecklistAnswers').select(['visitId', 'item', 'label', 'result', 'note'])
    .where('visitId', 'in', visitIds).orderBy('visitId').orderBy('position').execute()
}

export async function replaceAnswers (db: Db, visitId: string, answers: Answer[]) {
  await db.deleteFrom('visitChecklistAnswers').where('visitId', '=', visitId).execute()
  if (answers.length) await db.insertInto('visitChecklistAnswers').values(answers.map((a, position) => ({ visitId, position, ...a }))).execute()
}

export function actionsOf (db: Db, visitIds: string[]) {
  if (!visitIds.length) return Promise.resolve([])
  return db.selectFrom('visitActions').select(['visitId', 'text', 'dueOn', 'owner']).where('visitId', 'in', visitIds).orderBy('visitId').orderBy('position').execute()
}

export async function replaceActions (db: Db, visitId: string, actions: Action[]) {
  await db.deleteFrom('visitActions').where('visitId', '=', visitId).execute()
  if (actions.length) await db.insertInto('visitActions').values(actions.map((a, position) => ({ visitId, position, ...a }))).execute()
}

const photoColumns = ['id', 'visitId', 'item', 'caption', 'mimeType', 'sizeBytes', 'sha256', 'uploadedAt'] as const

export function photosOf (db: Db, visitIds: string[]) {
  if (!visitIds.length) return Promise.resolve([])
  return db.selectFrom('visitPhotos').select(photoColumns).where('visitId', 'in', visitIds).orderBy('uploadedAt').orderBy('id').execute()
}

export function findPhoto (db: Db, visitId: string, photoId: string) {
  return db.selectFrom('visitPhotos').select(photoColumns).where('visitId', '=', visitId).where('id', '=', photoId).executeTakeFirst()
}

export function findPhotoById (db: Db, photoId: string) {
  return db.selectFrom('visitPhotos').select(photoColumns).where('id', '=', photoId).executeTakeFirst()
}

export function photoContent (db: Db, visitId: string, photoId: string) {
  return db.selectFrom('visitPhotos').select(['id', 'mimeType', 'content']).where('visitId', '=', visitId).where('id', '=', photoId).executeTakeFirst()
}

export function insertPhoto (db: Db, values: { id: string; visitId: string; item: string | null; caption: string; mimeType: string; sha256: string; content: Uint8Array; uploadedBy: number }) {
  return db.insertInto('visitPhotos').values({ ...values, sizeBytes: values.content.byteLength }).returning(photoColumns).executeTakeFirstOrThrow()
}

export function assessmentItemsOf (db: Db, visitIds: string[]) {
  if (!visitIds.length) return Promise.resolve([])
  return db.selectFrom('visitAssessmentItems').select(['visitId', 'criterionCode', 'result', 'evidenceSeen', 'note'])
    .where('visitId', 'in', visitIds).orderBy('visitId').orderBy('criterionCode').execute()
}

export async function upsertAssessmentItems (db: Db, visitId: string, items: { criterionCode: string; result: 'met' | 'partly' | 'not_met'; evidenceSeen: string; note: string }[]) {
  if (!items.length) return
  await db.insertInto('visitAssessmentItems').values(items.map(i => ({ visitId, ...i })))
    .onConflict(oc => oc.columns(['visitId', 'criterionCode']).doUpdateSet(eb => ({
      result: eb.ref('excluded.result'), evidenceSeen: eb.ref('excluded.evidenceSeen'), note: eb.ref('excluded.note')
    }))).execute()
}

/** Checklist items found not complied on the premises' completed visits that started within [from, to). */
export function breachesBetween (db: Db, premisesId: number, from: Date, to: Date) {
  return db.selectFrom('visitChecklistAnswers as a').innerJoin('visits as v', 'v.id', 'a.visitId')
    .select(['v.id as visitId', 'v.startedAt', 'v.kind', 'a.item', 'a.label', 'a.note'])
    .where('v.premisesId', '=', premisesId).where('v.status', '=', 'completed').where('a.result', '=', 'not_complied')
    .where('v.startedAt', '>=', from).where('v.startedAt', '<', to)
    .orderBy('v.startedAt', 'desc').orderBy('a.position').execute()
}

/** Visits of a premises for its timeline, with their count of breaches. */
export function visitsForTimeline (db: Db, premisesId: number, from: Date | null, to: Date | null) {
  let query = db.selectFrom('visits as v')
    .select(['v.id', 'v.kind', 'v.status', 'v.startedAt', 'v.findings'])
    .select(eb => eb.selectFrom('visitChecklistAnswers as a').whereRef('a.visitId', '=', 'v.id').where('a.result', '=', 'not_complied')
      .select(e => e.fn.countAll<number>().as('n')).as('breaches'))
    .where('v.premisesId', '=', premisesId)
  if (from) query = query.where('v.startedAt', '>=', from)
  if (to) query = query.where('v.startedAt', '<', to)
  return query.orderBy('v.startedAt', 'desc').limit(1000).execute()
}
