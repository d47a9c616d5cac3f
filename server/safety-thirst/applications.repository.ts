// Queries for Safety Thirst applications, the venue's answers, the officer's results and evidence files.
import { sql, type Insertable, type Updateable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { StApplicationsTable, StStatus } from './safety-thirst.tables.ts'

function baseQuery (db: Db) {
  return db.selectFrom('stApplications as a')
    .innerJoin('premises as p', 'p.id', 'a.premisesId')
    .innerJoin('stCriteriaSets as s', 's.id', 'a.criteriaSetId')
}

export function findApplication (db: Db, id: number, lock = false) {
  let query = db.selectFrom('stApplications').selectAll().where('id', '=', id)
  if (lock) query = query.forUpdate()
  return query.executeTakeFirst()
}

export function findApplicationView (db: Db, id: number) {
  return baseQuery(db).selectAll('a').select(['p.name as premisesName', 'p.address as premisesAddress', 's.version as criteriaVersion'])
    .where('a.id', '=', id).executeTakeFirst()
}

export function findLiveApplication (db: Db, premisesId: number, year: number) {
  return db.selectFrom('stApplications').select(['id', 'status']).where('premisesId', '=', premisesId).where('year', '=', year)
    .where('status', '<>', 'withdrawn').executeTakeFirst()
}

export interface ApplicationFilter { year?: number; status?: StStatus; premisesId?: number; premisesIds?: number[]; limit: number; offset: number }

export async function listApplications (db: Db, filter: ApplicationFilter) {
  let query = baseQuery(db)
  if (filter.year) query = query.where('a.year', '=', filter.year)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  if (filter.premisesId) query = query.where('a.premisesId', '=', filter.premisesId)
  if (filter.premisesIds) query = query.where('a.premisesId', 'in', filter.premisesIds.length ? filter.premisesIds : [-1])
  const [items, count] = await Promise.all([
    query.select(['a.id', 'a.premisesId', 'p.name as premisesName', 'a.year', 'a.status', 'a.tier', 'a.criteriaSetId', 's.version as criteriaVersion',
      'a.createdAt', 'a.updatedAt', 'a.submittedAt', 'a.validUntil', 'a.certificateNumber'])
      .select(eb => [
        eb.selectFrom('stAnswers as an').whereRef('an.applicationId', '=', 'a.id').select(e => e.fn.countAll<number>().as('n')).as('answered'),
        eb.selectFrom('stCriteria as c').whereRef('c.setId', '=', 'a.criteriaSetId').where('c.retired', '=', false).select(e => e.fn.countAll<number>().as('n')).as('criteriaCount')
      ])
      .orderBy('a.year', 'desc').orderBy('p.name').orderBy('a.id').limit(filter.limit).offset(filter.offset).execute(),
    query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { items: items.map(i => ({ ...i, answered: Number(i.answered), criteriaCount: Number(i.criteriaCount) })), total: Number(count.n) }
}

export function insertApplication (db: Db, values: Insertable<StApplicationsTable>) {
  return db.insertInto('stApplications').values(values).returningAll().executeTakeFirstOrThrow()
}

export function updateApplication (db: Db, id: number, changes: Updateable<StApplicationsTable>) {
  return db.updateTable('stApplications').set({ ...changes, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export function answersOf (db: Db, applicationId: number) {
  return db.selectFrom('stAnswers').select(['criterionCode', 'answer', 'evidence', 'updatedAt']).where('applicationId', '=', applicationId).orderBy('criterionCode').execute()
}

export async function upsertAnswers (db: Db, applicationId: number, answers: { criterionCode: string; answer: 'yes' | 'partly' | 'no' | 'na'; evidence?: string }[]) {
  if (!answers.length) return
  await db.insertInto('stAnswers')
    .values(answers.map(a => ({ applicationId, criterionCode: a.criterionCode, answer: a.answer, evidence: a.evidence ?? '' })))
    .onConflict(oc => oc.columns(['applicationId', 'criterionCode']).doUpdateSet(eb => ({
      answer: eb.ref('excluded.answer'), evidence: eb.ref('excluded.evidence'), updatedAt: sql`now()`
    }))).execute()
}

export function resultsOf (db: Db, applicationId: number) {
  return db.selectFrom('stResults').select(['criterionCode', 'result', 'note']).where('applicationId', '=', applicationId).orderBy('criterionCode').execute()
}

export async function upsertResults (db: Db, applicationId: number, results: { criterionCode: string; result: 'met' | 'partly' | 'not_met'; note?: string }[]) {
  if (!results.length) return
  await db.insertInto('stResults')
    .values(results.map(r => ({ applicationId, criterionCode: r.criterionCode, result: r.result, note: r.note ?? '' })))
    .onConflict(oc => oc.columns(['applicationId', 'criterionCode']).doUpdateSet(eb => ({
      result: eb.ref('excluded.result'), note: eb.ref('excluded.note'), updatedAt: sql`now()`
    }))).execute()
}

export function evidenceOf (db: Db, applicationId: number) {
  return db.selectFrom('stEvidenceFiles').select(['id', 'criterionCode', 'filename', 'mimeType', 'sizeBytes', 'uploadedAt'])
    .where('applicationId', '=', applicationId).orderBy('id').execute()
}

export function insertEvidence (db: Db, values: { applicationId: number; criterionCode: string | null; filename: string; mimeType: string; content: Uint8Array; uploadedBy: number }) {
  return db.insertInto('stEvidenceFiles').values({ ...values, sizeBytes: values.content.byteLength })
    .returning(['id', 'criterionCode', 'filename', 'mimeType', 'sizeBytes', 'uploadedAt']).executeTakeFirstOrThrow()
}

export function findEvidenceFile (db: Db, applicationId: number, fileId: number) {
  return db.selectFrom('stEvidenceFiles').select(['id', 'filename', 'mimeType', 'sizeBytes', 'content'])
    .where('applicationId', '=', applicationId).where('id', '=', fileId).executeTakeFirst()
}

export function userNames (db: Db, ids: (number | null)[]) {
  const wanted = ids.filter((id): id is number => id != null)
  if (!wanted.length) return Promise.resolve([] as { id: number; name: string }[])
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute()
}

/** The yearly cycle (cycle.service.ts): decided awards whose validity ended before `today` become expired. */
export function expireDecidedBefore (db: Db, today: string) {
  return db.updateTable('stApplications').set({ status: 'expired', expiredAt: new Date(), updatedAt: new Date() })
    .where('status', '=', 'decided').where('validUntil', '<', today).returning(['id', 'premisesId', 'validUntil']).execute()
}

/** Premises with an application (not withdrawn) for the year. */
export async function premisesWithLiveApplication (db: Db, year: number): Promise<number[]> {
  const rows = await db.selectFrom('stApplications').select('premisesId').distinct()
    .where('year', '=', year).where('status', '<>', 'withdrawn').execute()
  return rows.map(r => r.premisesId)
}

export function draftsOfYear (db: Db, year: number) {
  return db.selectFrom('stApplications as a').innerJoin('premises as p', 'p.id', 'a.premisesId')
    .select(['a.id', 'a.premisesId', 'p.name']).where('a.year', '=', year).where('a.status', '=', 'draft').execute()
}

export function submittedBefore (db: Db, cutoff: Date) {
  return db.selectFrom('stApplications as a').innerJoin('premises as p', 'p.id', 'a.premisesId')
    .select(['a.id', 'a.submittedAt', 'p.name']).where('a.status', '=', 'submitted').where('a.submittedAt', '<', cutoff).execute()
}

/** Applications an officer acts on next (to assess, moderate or decide), oldest submission first; `premisesIds` limits them. */
export function awaitingOfficers (db: Db, premisesIds?: number[]) {
  let query = db.selectFrom('stApplications as a').innerJoin('premises as p', 'p.id', 'a.premisesId')
    .select(['a.id', 'a.premisesId', 'a.status', 'a.submittedAt', 'p.name'])
    .where('a.status', 'in', ['submitted', 'under_assessment', 'moderated'])
  if (premisesIds) query = query.where('a.premisesId', 'in', premisesIds.length ? premisesIds : [-1])
  return query.orderBy('a.submittedAt').orderBy('a.id').execute()
}

/** This year's drafts at the given premises. */
export function draftsAt (db: Db, year: number, premisesIds: number[]) {
  return db.selectFrom('stApplications as a').innerJoin('premises as p', 'p.id', 'a.premisesId')
    .select(['a.id', 'a.premisesId', 'p.name']).where('a.year', '=', year).where('a.status', '=', 'draft')
    .where('a.premisesId', 'in', premisesIds.length ? premisesIds : [-1]).orderBy('a.id').execute()
}

/** The premises' live applications (not withdrawn), newest year first: for visits and the premises timeline. */
export function applicationsOfPremises (db: Db, premisesId: number) {
  return db.selectFrom('stApplications').select(['id', 'premisesId', 'year', 'status', 'tier', 'validUntil', 'criteriaSetId', 'updatedAt', 'submittedAt', 'decidedAt'])
    .where('premisesId', '=', premisesId).orderBy('year', 'desc').orderBy('id', 'desc').execute()
}
