// The officers' side: the site-visit assessment, moderation by a second officer, and the
// decision whose tier the criteria set's rules compute (shared/safety-thirst/tier.ts).
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError } from '../errors.ts'
import { computeTier, TIER_LABELS, type Result } from '../../shared/safety-thirst/tier.ts'
import * as repo from './applications.repository.ts'
import { criteriaOf, findSet, getSettings } from './criteria.repository.ts'
import { rulesOf } from './criteria.service.ts'
import { assertTransition, checkCodes, loadApplication } from './applications.service.ts'
import { AssessmentChanged, AssessmentIncomplete, ModerationRequired, ModeratorIsAssessor } from './safety-thirst.errors.ts'
import { findPremisesSummary } from '../premises/premises.public.ts'
import { validUntilFor } from './dates.ts'
import type { AssessmentInput, ModerationInput } from '../../shared/schemas/safety-thirst.ts'

type AppRow = Awaited<ReturnType<typeof loadApplication>>
type ResultInput = AssessmentInput['results'][number]
export type AssessmentBody = AssessmentInput

async function missingResults (db: Db, applicationId: number, setId: number): Promise<string[]> {
  const have = new Set((await repo.resultsOf(db, applicationId)).map(r => r.criterionCode))
  return (await criteriaOf(db, setId, false)).map(c => c.code).filter(code => !have.has(code))
}

async function assertComplete (db: Db, applicationId: number, setId: number, what: string) {
  const missing = await missingResults(db, applicationId, setId)
  if (missing.length) throw new AssessmentIncomplete(`The assessment is not complete, so the application cannot be ${what}; no result yet for ${missing.join(', ')}`)
}

/** Saves the officer's site visit and results (part-way saves allowed); the application moves to under assessment. */
export function saveAssessment (db: Kysely<Database>, user: CurrentUser, id: number, body: AssessmentBody) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    await applyAssessment(trx, user, row, body)
  })
}

async function applyAssessment (trx: Db, user: CurrentUser, row: AppRow, body: AssessmentBody) {
  const id = row.id
  if (row.status !== 'under_assessment') assertTransition(row, 'under_assessment', 'assessed')
  checkCodes((await criteriaOf(trx, row.criteriaSetId, false)).map(c => c.code), body.results, 'results')
  const before = await repo.resultsOf(trx, id)
  await repo.upsertResults(trx, id, body.results)
  const updated = await repo.updateApplication(trx, id, {
    status: 'under_assessment',
    siteVisitDate: body.siteVisitDate ?? row.siteVisitDate,
    assessors: JSON.stringify(body.assessors ?? row.assessors ?? []),
    agenciesConsulted: JSON.stringify(body.agenciesConsulted ?? row.agenciesConsulted ?? []),
    assessmentNote: body.note ?? row.assessmentNote,
    assessedBy: user.id,
    assessedAt: new Date()
  })
  await recordAudit(trx, { userId: user.id, action: 'assess', entity: 'st_application', entityId: id, before: { status: row.status, results: before }, after: { status: updated.status, siteVisitDate: updated.siteVisitDate, results: body.results } })
  return updated
}

/**
 * Results recorded on a visit made offline, inside the visit's transaction. `baseUpdatedAt` is
 * when the device downloaded the application: if it was changed since (the assessment edited on
 * a desktop meanwhile) and the stored results differ from the visit's, nothing is written and a
 * 409 ASSESSMENT_CONFLICT carries both, for the officer to choose. Results already as sent are a
 * replay and change nothing.
 */
export async function recordVisitAssessment (trx: Db, user: CurrentUser, id: number, input: { baseUpdatedAt: string; siteVisitDate: string; assessors: string[]; results: ResultInput[] }) {
  const row = await loadApplication(trx, user, id, true)
  const stored = new Map((await repo.resultsOf(trx, id)).map(r => [r.criterionCode, r]))
  const differs = input.results.filter(r => stored.get(r.criterionCode)?.result !== r.result || (stored.get(r.criterionCode)?.note ?? '') !== (r.note ?? ''))
  if (!differs.length) return { updatedAt: row.updatedAt, changed: false }
  if (row.updatedAt.getTime() > Date.parse(input.baseUpdatedAt)) {
    const error = new AssessmentChanged('The Safety Thirst assessment was changed by someone else after you downloaded it: compare the results and choose which to keep') as Error & { details?: unknown }
    error.details = { updatedAt: row.updatedAt.toISOString(), current: [...stored.values()], yours: input.results, differing: differs.map(r => r.criterionCode) }
    throw error
  }
  const updated = await applyAssessment(trx, user, row, { results: input.results, siteVisitDate: input.siteVisitDate, assessors: input.assessors })
  return { updatedAt: updated.updatedAt, changed: true }
}

export type ModerationBody = ModerationInput

/** A second officer (never the assessor) confirms the results or changes them. */
export function moderate (db: Kysely<Database>, user: CurrentUser, id: number, body: ModerationBody) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    assertTransition(row, 'moderated', 'moderated')
    if (row.assessedBy === user.id) throw new ModeratorIsAssessor('Moderation must be done by a different officer from the assessor')
    await assertComplete(trx, id, row.criteriaSetId, 'moderated')
    const before = await repo.resultsOf(trx, id)
    if (!body.confirm) {
      if (!body.results?.length) throw fieldError('results', 'Give the changed results when you change the assessment (confirm: false)')
      checkCodes((await criteriaOf(trx, row.criteriaSetId, false)).map(c => c.code), body.results, 'results')
      await repo.upsertResults(trx, id, body.results)
    } else if (body.results?.length) {
      throw fieldError('results', 'Leave the results out when you confirm the assessment: send them only to change it (confirm: false)')
    }
    const updated = await repo.updateApplication(trx, id, { status: 'moderated', moderatedBy: user.id, moderatedAt: new Date(), moderationConfirmed: body.confirm, moderationNote: body.note ?? null })
    await recordAudit(trx, { userId: user.id, action: 'moderate', entity: 'st_application', entityId: id, before: { status: row.status, results: before }, after: { status: updated.status, confirm: body.confirm, note: body.note ?? null, results: body.results ?? null } })
  })
}

/** Decides the tier by the rules of the application's own criteria set and records validity and certificate. */
export function decide (db: Kysely<Database>, user: CurrentUser, id: number) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    assertTransition(row, 'decided', 'decided')
    await assertComplete(trx, id, row.criteriaSetId, 'decided')
    const settings = await getSettings(trx)
    if (settings.moderationRequired && row.status !== 'moderated') {
      throw new ModerationRequired('The assessment must be moderated by a second officer before a decision (the scheme requires moderation)')
    }
    return recordDecision(trx, row, user.id)
  })
}

/** Computes and stores the decision of an application already checked as decidable (also used by the demo data). */
export async function recordDecision (trx: Db, row: AppRow, userId: number, decidedAt = new Date()) {
  const id = row.id
  const set = (await findSet(trx, row.criteriaSetId))!
  const criteria = await criteriaOf(trx, row.criteriaSetId, false)
  const results = Object.fromEntries((await repo.resultsOf(trx, id)).map(r => [r.criterionCode, r]))
  const outcome = computeTier(criteria, Object.fromEntries(Object.entries(results).map(([code, r]) => [code, r.result])), rulesOf(set))
  const accredited = outcome.tier !== 'not_accredited'
  const actionPlan = accredited
    ? []
    : outcome.reasons.unmet.map(code => {
      const c = criteria.find(x => x.code === code)!
      return {
        criterionCode: code, level: c.level, priority: c.level === 'essential' ? 'required for any award' : 'towards a higher tier',
        text: c.text, evidence: c.evidence, result: results[code]?.result ?? 'not_met', note: results[code]?.note ?? '',
        action: `${c.level === 'essential' ? 'Put in place' : 'Consider'}: ${c.text} Evidence to show: ${c.evidence}`
      }
    })
  const validUntil = validUntilFor(row.year)
  const certificateNumber = accredited ? `ST-${row.year}-${String(id).padStart(5, '0')}` : null
  const updated = await repo.updateApplication(trx, id, {
    status: 'decided', tier: outcome.tier, validUntil, certificateNumber, decidedBy: userId, decidedAt,
    decisionReasons: JSON.stringify({ ...outcome.reasons, rules: rulesOf(set), criteriaVersion: set.version }), actionPlan: JSON.stringify(actionPlan)
  })
  const premises = await findPremisesSummary(trx, row.premisesId)
  await notify(trx, {
    role: 'venue_manager', premisesId: row.premisesId, kind: 'safety_thirst_decided',
    title: `Safety Thirst ${row.year}: ${premises?.name ?? 'your premises'} — ${TIER_LABELS[outcome.tier]}`,
    body: accredited ? `Valid until ${validUntil}. Certificate ${certificateNumber}.` : 'An action plan lists what to put in place before re-applying.',
    link: `/safety-thirst/applications/${id}`, dedupeKey: `st-decided-${id}`
  })
  await recordAudit(trx, { userId, action: 'decide', entity: 'st_application', entityId: id, before: { status: row.status }, after: { status: updated.status, tier: outcome.tier, validUntil, certificateNumber } })
  return { tier: outcome.tier, validUntil, certificateNumber, reasons: outcome.reasons, actionPlan }
}

