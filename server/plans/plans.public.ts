// What other domains may use of plans: bringing a venue's review date forward (concerns that
// count against a plan put it due for review), the labels of the two kinds; and for casework, a
// licence application as casework sees it (what was applied for and the exact plan versions it
// carries), the plan texts for a hearing bundle, and recording the decision a hearing reached on
// the application's own status; for visits and the premises timeline, a premises' current plans
// (what an officer reads before a visit, offline) and the history of its plans and applications.
import type { Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { PLAN_KIND_LABELS, PLAN_KINDS, PLAN_TEMPLATES, type PlanKind } from '../../shared/plans/templates.ts'
import type { LicenceApplication } from '../../shared/schemas/plans.ts'
import * as repo from './plans.repository.ts'
import * as applications from './licence-applications.repository.ts'
import type { MapPlanState } from '../../shared/schemas/map.ts'

export { PLAN_KIND_LABELS, type PlanKind } from '../../shared/plans/templates.ts'

export interface ReviewRequest { premisesId: number; kind: PlanKind; dueBy: string; reason: string; userId: number | null }

/**
 * Brings the review date of the venue's approved plan forward to `dueBy` (never pushes it back),
 * audited with the reason. The daily review job then reminds the venue and marks it overdue as
 * for any review date. Returns the document changed, or null when there is no approved plan
 * (a submitted one is waiting for an officer's review anyway).
 */
export async function bringReviewForward (trx: Db, request: ReviewRequest) {
  const current = await repo.findCurrent(trx, request.premisesId, request.kind)
  if (!current || current.status !== 'approved') return null
  if (current.reviewDue != null && current.reviewDue <= request.dueBy) return { id: current.id, version: current.version, reviewDue: current.reviewDue, changed: false }
  await repo.updateDocument(trx, current.id, { reviewDue: request.dueBy, overdueSince: null })
  await recordAudit(trx, {
    userId: request.userId, action: 'plan.review_brought_forward', entity: 'plan_document', entityId: current.id,
    before: { reviewDue: current.reviewDue }, after: { reviewDue: request.dueBy, reason: request.reason }
  })
  return { id: current.id, version: current.version, reviewDue: request.dueBy, changed: true }
}

export type ApplicationForCase = Pick<LicenceApplication, 'id' | 'premisesId' | 'kind' | 'status' | 'applicantName' | 'activities' | 'operatingSchedule' | 'consultationStartDate' | 'representationPeriodEnds'> & {
  noisePlan: { id: number; version: number }
  dispersalPolicy: { id: number; version: number }
}

/** The applications behind several cases, by id. */
export async function applicationsForCases (db: Db, ids: number[]): Promise<Map<number, ApplicationForCase>> {
  const rows = await applications.findApplications(db, ids)
  return new Map(rows.map(row => [row.id, {
    id: row.id, premisesId: row.premisesId, kind: row.kind, status: row.status, applicantName: row.applicantName,
    activities: row.activities, operatingSchedule: row.operatingSchedule, consultationStartDate: row.consultationStartDate,
    representationPeriodEnds: row.representationEndDate,
    noisePlan: { id: row.noisePlanId, version: row.noisePlanVersion },
    dispersalPolicy: { id: row.dispersalPolicyId, version: row.dispersalPolicyVersion }
  }]))
}

export interface PlanForBundle { title: string; version: number; status: string; sections: { title: string; text: string }[] }

/** One plan version's sections in template order, for the hearing bundle. */
export async function planForBundle (db: Db, planId: number): Promise<PlanForBundle | undefined> {
  const row = await repo.findDocumentById(db, planId)
  if (!row) return undefined
  const sections = (row.sections ?? {}) as Record<string, string>
  return {
    title: PLAN_KIND_LABELS[row.kind],
    version: row.version,
    status: row.status,
    sections: PLAN_TEMPLATES[row.kind].sections.map(s => ({ title: s.title, text: sections[s.key] ?? '' })).filter(s => s.text.trim())
  }
}

/** A hearing's decision on an application: granted (with or without conditions) or refused. Called in the decision's transaction. */
export async function recordApplicationDecision (db: Db, id: number, decision: { status: 'granted' | 'refused'; decidedBy: number; note: string; at: Date }) {
  await applications.updateApplication(db, id, { status: decision.status, decidedBy: decision.decidedBy, decidedAt: decision.at, decisionNote: decision.note })
}

/** Plans' part of "Today" (server/work gathers every domain's). */
export { plansWork as workItems } from './plans.work.service.ts'

/** The versions that count now, with their sections titled by the template. */
export async function currentPlansOf (db: Db, premisesId: number) {
  const plans = []
  for (const kind of PLAN_KINDS) {
    const row = await repo.findCurrent(db, premisesId, kind)
    if (!row) continue
    const sections = (row.sections ?? {}) as Record<string, string>
    plans.push({
      kind, title: PLAN_TEMPLATES[kind].title, version: row.version, status: row.status, reviewDue: row.reviewDue,
      sections: PLAN_TEMPLATES[kind].sections.map(s => ({ key: s.key, title: s.title, text: typeof sections[s.key] === 'string' ? sections[s.key]! : '' }))
    })
  }
  return plans
}

export const planHistory = repo.planHistory
export const applicationHistory = applications.applicationHistory

/**
 * Where each of these premises stands with its plans on `today` (the map feed), from the version
 * of each kind that counts (the newest submitted or approved): overdue when an approved one is
 * past its review date, submitted when one waits for an officer, incomplete when only one kind
 * counts, otherwise approved. Premises with neither are left out.
 */
export async function planStates (db: Db, premisesIds: number[], today: string): Promise<Map<number, MapPlanState>> {
  const states = new Map<number, MapPlanState>()
  if (!premisesIds.length) return states
  const counting = new Map<number, Map<string, { status: string; reviewDue: string | null }>>()
  for (const row of await repo.countingVersionsOf(db, premisesIds)) {
    const kinds = counting.get(row.premisesId) ?? new Map()
    if (!kinds.has(row.kind)) kinds.set(row.kind, row)
    counting.set(row.premisesId, kinds)
  }
  for (const [premisesId, kinds] of counting) {
    const documents = [...kinds.values()]
    const state: MapPlanState = documents.some(d => d.status === 'approved' && d.reviewDue !== null && d.reviewDue < today) ? 'overdue'
      : documents.some(d => d.status === 'submitted') ? 'submitted'
        : kinds.size < PLAN_KINDS.length ? 'incomplete' : 'approved'
    states.set(premisesId, state)
  }
  return states
}
