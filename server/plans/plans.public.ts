// What other domains may use of plans: bringing a venue's review date forward (concerns that
// count against a plan put it due for review), and the labels of the two kinds.
import type { Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import type { PlanKind } from '../../shared/plans/templates.ts'
import * as repo from './plans.repository.ts'

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
