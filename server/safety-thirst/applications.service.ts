// Applications up to submission: start (one per premises and year), the venue's self-assessment
// saved part-way, submission when complete, withdrawal, and reading them (venue managers are
// limited to their own premises). Officer assessment and the decision are in assessment.service.ts.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { assertPremisesAccess, isVenueManager, premisesScope } from '../auth/access.ts'
import { fieldError } from '../errors.ts'
import { ST_TRANSITIONS, type StStatus } from '../../shared/schemas/safety-thirst.ts'
import * as repo from './applications.repository.ts'
import { criteriaOf } from './criteria.repository.ts'
import { currentSet, getSet } from './criteria.service.ts'
import { ApplicationNotFound, DuplicateApplication, illegalTransition } from './safety-thirst.errors.ts'
import { findPremisesSummary, requirePremises } from '../premises/premises.public.ts'
import { testPause } from '../test-pause.ts'
import type { NewApplication } from '../../shared/schemas/safety-thirst.ts'

type AppRow = NonNullable<Awaited<ReturnType<typeof repo.findApplication>>>
type Answer = { criterionCode: string; answer: 'yes' | 'partly' | 'no' | 'na'; evidence?: string }

const OFFICER_ROLES = ['admin', 'licensing_officer']
const isOfficer = (user: CurrentUser) => OFFICER_ROLES.includes(user.role)

/** Loads an application (locked when writing) and checks the user may act for its premises. */
export async function loadApplication (db: Db, user: CurrentUser, id: number, lock = false): Promise<AppRow> {
  const row = await repo.findApplication(db, id, lock)
  if (!row) throw new ApplicationNotFound(String(id))
  assertPremisesAccess(user, row.premisesId)
  return row
}

export function assertTransition (row: AppRow, to: StStatus, attempted: string) {
  if (!ST_TRANSITIONS[row.status].includes(to)) throw illegalTransition(row.status, attempted)
}

/** Active criteria codes of the application's own set (never the newest set). */
export async function activeCodes (db: Db, setId: number): Promise<string[]> {
  return (await criteriaOf(db, setId, false)).map(c => c.code)
}

export function checkCodes (codes: string[], items: { criterionCode: string }[], field: string) {
  const known = new Set(codes)
  items.forEach((item, i) => {
    if (!known.has(item.criterionCode)) throw fieldError(`${field}.${i}.criterionCode`, `"${item.criterionCode}" is not one of the criteria of this application: answer the criteria it lists`)
  })
}

export function createApplication (db: Kysely<Database>, user: CurrentUser, body: NewApplication, thisYear: number) {
  return db.transaction().execute(async trx => {
    const premises = await requirePremises(trx, body.premisesId)
    assertPremisesAccess(user, premises.id)
    const year = body.year ?? thisYear
    const existing = await repo.findLiveApplication(trx, premises.id, year)
    if (existing) throw new DuplicateApplication(`${premises.name} already has a Safety Thirst application for ${year} (application ${existing.id}, ${existing.status})`)
    const set = await currentSet(trx)
    const row = await repo.insertApplication(trx, { premisesId: premises.id, year, criteriaSetId: set.id, createdBy: user.id, assessors: '[]', agenciesConsulted: '[]' })
      .catch((error: { code?: string }) => {
        // Two requests at once: the unique index answers for the one that lost the race.
        if (error.code === '23505') throw new DuplicateApplication(`${premises.name} already has a Safety Thirst application for ${year}`)
        throw error
      })
    await recordAudit(trx, { userId: user.id, action: 'create', entity: 'st_application', entityId: row.id, after: { premisesId: row.premisesId, year, criteriaVersion: set.version } })
    return row
  })
}

export function listApplications (db: Db, user: CurrentUser, filter: Omit<repo.ApplicationFilter, 'premisesIds'>) {
  return repo.listApplications(db, { ...filter, premisesIds: premisesScope(user) })
}

function allowedActions (row: AppRow, user: CurrentUser): string[] {
  const officer = isOfficer(user)
  const writer = officer || isVenueManager(user)
  const actions: string[] = []
  if (row.status === 'draft' && writer) actions.push('self_assess', 'submit')
  if (['draft', 'submitted', 'under_assessment'].includes(row.status) && writer) actions.push('upload_evidence')
  if (officer && ['submitted', 'under_assessment'].includes(row.status)) actions.push('assess')
  if (officer && row.status === 'under_assessment' && row.assessedBy !== user.id) actions.push('moderate')
  if (officer && ['under_assessment', 'moderated'].includes(row.status)) actions.push('decide')
  if (writer && ST_TRANSITIONS[row.status].includes('withdrawn')) actions.push('withdraw')
  if (['decided', 'expired'].includes(row.status) && row.tier !== 'not_accredited') actions.push('certificate')
  return actions
}

/** The whole application as its page needs it; a venue manager sees the officer's results only once decided. */
export async function describeApplication (db: Db, user: CurrentUser, id: number) {
  const view = await repo.findApplicationView(db, id)
  if (!view) throw new ApplicationNotFound(String(id))
  assertPremisesAccess(user, view.premisesId)
  const [criteriaSet, answers, results, evidenceFiles] = await Promise.all([
    getSet(db, view.criteriaSetId), repo.answersOf(db, id), repo.resultsOf(db, id), repo.evidenceOf(db, id)
  ])
  const names = new Map((await repo.userNames(db, [view.assessedBy, view.moderatedBy, view.decidedBy])).map(u => [u.id, u.name]))
  const decidedView = ['decided', 'expired'].includes(view.status)
  const showResults = !isVenueManager(user) || decidedView
  const active = criteriaSet.criteria.filter(c => !c.retired)
  return {
    ...view,
    criteriaSet: { ...criteriaSet, criteria: active },
    answered: answers.filter(a => active.some(c => c.code === a.criterionCode)).length,
    criteriaCount: active.length,
    answers,
    results: showResults ? results : [],
    evidenceFiles,
    assessment: {
      siteVisitDate: view.siteVisitDate, assessors: view.assessors ?? [], agenciesConsulted: view.agenciesConsulted ?? [],
      note: showResults ? view.assessmentNote : null, assessedBy: view.assessedBy, assessedByName: names.get(view.assessedBy!) ?? null, assessedAt: view.assessedAt
    },
    moderation: view.moderatedAt && showResults
      ? { confirmed: view.moderationConfirmed, note: view.moderationNote, moderatedBy: view.moderatedBy, moderatedByName: names.get(view.moderatedBy!) ?? null, moderatedAt: view.moderatedAt }
      : null,
    decision: decidedView
      ? { tier: view.tier, validUntil: view.validUntil, certificateNumber: view.certificateNumber, reasons: view.decisionReasons, actionPlan: view.actionPlan ?? [], decidedAt: view.decidedAt, decidedByName: names.get(view.decidedBy!) ?? null }
      : null,
    withdrawal: view.withdrawnAt ? { at: view.withdrawnAt, from: view.withdrawnFrom, reason: view.withdrawalReason } : null,
    allowedActions: allowedActions(view, user)
  }
}

export function saveSelfAssessment (db: Kysely<Database>, user: CurrentUser, id: number, answers: Answer[]) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    if (row.status !== 'draft') throw illegalTransition(row.status, 'changed by the venue (only a draft can be)')
    checkCodes(await activeCodes(trx, row.criteriaSetId), answers, 'answers')
    const before = await repo.answersOf(trx, id)
    await repo.upsertAnswers(trx, id, answers)
    await repo.updateApplication(trx, id, {})
    await recordAudit(trx, { userId: user.id, action: 'self_assessment', entity: 'st_application', entityId: id, before: { answered: before.length }, after: { saved: answers } })
  })
}

export function submitApplication (db: Kysely<Database>, user: CurrentUser, id: number) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    assertTransition(row, 'submitted', 'submitted')
    const answered = new Set((await repo.answersOf(trx, id)).map(a => a.criterionCode))
    const unanswered = (await activeCodes(trx, row.criteriaSetId)).filter(code => !answered.has(code))
    if (unanswered.length) {
      const error = fieldError('answers', `Answer every criterion before submitting; unanswered: ${unanswered.join(', ')}`, 'SELF_ASSESSMENT_INCOMPLETE') as Error & { details?: unknown }
      error.details = { unanswered }
      throw error
    }
    const updated = await repo.updateApplication(trx, id, { status: 'submitted', submittedAt: new Date() })
    await testPause('safety-thirst-submit')
    const premises = await findPremisesSummary(trx, row.premisesId)
    await notify(trx, { role: 'licensing_officer', kind: 'safety_thirst_submitted', title: `Safety Thirst self-assessment submitted: ${premises?.name ?? 'premises ' + row.premisesId}`, link: `/safety-thirst/applications/${id}` })
    await recordAudit(trx, { userId: user.id, action: 'submit', entity: 'st_application', entityId: id, before: { status: row.status }, after: { status: updated.status } })
    return updated
  })
}

export function withdrawApplication (db: Kysely<Database>, user: CurrentUser, id: number, reason?: string) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    assertTransition(row, 'withdrawn', 'withdrawn')
    const updated = await repo.updateApplication(trx, id, { status: 'withdrawn', withdrawnAt: new Date(), withdrawnFrom: row.status, withdrawalReason: reason ?? null })
    await recordAudit(trx, { userId: user.id, action: 'withdraw', entity: 'st_application', entityId: id, before: { status: row.status }, after: { status: 'withdrawn', reason: reason ?? null } })
    return updated
  })
}
