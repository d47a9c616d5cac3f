// Plans' part of "Today": for officers, submitted plans to review and approved ones past their
// review date; for a venue manager, its plans due for review within REMINDER_DAYS (or past it)
// and versions returned for changes with nothing newer submitted.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager } from '../auth/access.ts'
import { addDays } from '../../shared/dates.ts'
import { PLAN_KIND_LABELS } from '../../shared/plans/templates.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import { REMINDER_DAYS } from './plans.review.service.ts'
import * as repo from './plans.repository.ts'

const link = (premisesId: number) => `/plans/premises/${premisesId}`

export async function plansWork (db: Db, user: CurrentUser, today: string): Promise<WorkItem[]> {
  if (isVenueManager(user)) {
    const { due, returned } = await repo.venueDocumentsToAct(db, user.premisesIds, addDays(today, REMINDER_DAYS))
    return [
      ...returned.map((d): WorkItem => ({
        kind: 'plan_returned', title: `Revise and resubmit the ${PLAN_KIND_LABELS[d.kind].toLowerCase()} for ${d.premisesName} (version ${d.version} was returned)`,
        premisesId: d.premisesId, overdue: false, link: link(d.premisesId)
      })),
      ...due.map((d): WorkItem => ({
        kind: 'plan_review_due', title: `Review the ${PLAN_KIND_LABELS[d.kind].toLowerCase()} for ${d.premisesName} and submit an updated version`,
        premisesId: d.premisesId, dueOn: d.reviewDue!, overdue: d.reviewDue! < today, link: link(d.premisesId)
      }))
    ]
  }
  if (user.role !== 'licensing_officer' && user.role !== 'admin') return []
  const submitted = await repo.submittedDocuments(db)
  const overdue = await repo.overdueDocuments(db, today)
  return [
    ...submitted.map((d): WorkItem => ({
      kind: 'plan_review', title: `Review the ${PLAN_KIND_LABELS[d.kind].toLowerCase()} submitted by ${d.premisesName} (version ${d.version})`,
      premisesId: d.premisesId, overdue: false, link: link(d.premisesId)
    })),
    ...overdue.map((d): WorkItem => ({
      kind: 'plan_review_overdue', title: `The ${PLAN_KIND_LABELS[d.kind].toLowerCase()} for ${d.premisesName} is past its review date`,
      premisesId: d.premisesId, dueOn: d.reviewDue!, overdue: true, link: link(d.premisesId)
    }))
  ]
}
