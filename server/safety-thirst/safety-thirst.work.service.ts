// Safety Thirst's part of "Today": for officers, submissions to assess and assessments to moderate
// or decide, due OVERDUE_DAYS after submission (the service standard the overdue reminder keeps);
// for a venue manager, its venues' unfinished self-assessments of this year.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager } from '../auth/access.ts'
import { addDays } from '../../shared/dates.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import { OVERDUE_DAYS } from './cycle.service.ts'
import * as repo from './applications.repository.ts'

const link = (id: number) => `/safety-thirst/applications/${id}`

export async function safetyThirstWork (db: Db, user: CurrentUser, today: string): Promise<WorkItem[]> {
  if (isVenueManager(user)) {
    const drafts = await repo.draftsAt(db, Number(today.slice(0, 4)), user.premisesIds)
    return drafts.map(d => ({
      kind: 'safety_thirst_self_assessment', title: `Finish and submit the Safety Thirst self-assessment for ${d.name}`,
      premisesId: d.premisesId, overdue: false, link: link(d.id)
    }))
  }
  if (user.role !== 'licensing_officer' && user.role !== 'admin') return []
  const waiting = await repo.awaitingOfficers(db)
  return waiting.map(a => {
    // The overdue reminder counts from the UTC date of submission; the deadline here matches it.
    const dueOn = addDays(a.submittedAt ? new Date(a.submittedAt).toISOString().slice(0, 10) : today, OVERDUE_DAYS)
    const assess = a.status === 'submitted'
    return {
      kind: assess ? 'safety_thirst_assessment' : 'safety_thirst_decision',
      title: `${assess ? 'Assess' : 'Decide'} the Safety Thirst application from ${a.name}`,
      premisesId: a.premisesId, dueOn, overdue: dueOn < today, link: link(a.id)
    }
  })
}
