// A Safety Thirst assessment made on a visit: the result and the evidence seen for each criterion
// of the application's own criteria set. The results go to the Safety Thirst domain (its public
// module, in this transaction, with its check that nobody changed the assessment since the phone
// downloaded it); the evidence seen stays with the visit. No points without evidence seen on the day.
import type { Kysely } from 'kysely'
import type { Database } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Clock } from '../clock.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { findApplicationSummary, recordVisitAssessment } from '../safety-thirst/safety-thirst.public.ts'
import { fieldError } from '../errors.ts'
import { localDate } from '../../shared/dates.ts'
import type { VisitAssessment, VisitAssessmentInput } from '../../shared/schemas/visits.ts'
import * as repo from './visits.repository.ts'
import { NotAnAssessmentVisit, VisitNotFound } from './visits.errors.ts'

/** The note Safety Thirst keeps with a result: the evidence seen first, then the officer's note. */
export function resultNote (evidenceSeen: string, note: string): string {
  return [evidenceSeen && `Evidence seen: ${evidenceSeen}`, note].filter(Boolean).join(' — ')
}

export function putAssessment (db: Kysely<Database>, user: CurrentUser, visitId: string, input: VisitAssessmentInput, clock: Clock): Promise<VisitAssessment> {
  const items = input.items.map((i, index) => {
    const evidenceSeen = i.evidenceSeen?.trim() ?? ''
    if (i.result !== 'not_met' && !evidenceSeen) throw fieldError(`items.${index}.evidenceSeen`, `Say what evidence you saw for ${i.criterionCode}: no points are given without evidence seen on the day`)
    return { criterionCode: i.criterionCode, result: i.result, evidenceSeen, note: i.note?.trim() ?? '' }
  })
  return db.transaction().execute(async trx => {
    const visit = await repo.findVisit(trx, visitId, true)
    if (!visit) throw new VisitNotFound(visitId)
    if (visit.kind !== 'safety_thirst') throw new NotAnAssessmentVisit('Only a Safety Thirst assessment visit records criteria results: change the visit\'s kind first')
    const application = await findApplicationSummary(trx, input.applicationId)
    if (!application || application.premisesId !== visit.premisesId) throw fieldError('applicationId', `Safety Thirst application ${input.applicationId} is not one of this premises' applications`)
    const attendees = ((visit.attendees ?? []) as { name: string }[]).map(a => a.name)
    const outcome = await recordVisitAssessment(trx, user, application.id, {
      baseUpdatedAt: input.baseUpdatedAt, siteVisitDate: localDate(visit.startedAt, clock.tz), assessors: attendees.slice(0, 20),
      results: items.map(i => ({ criterionCode: i.criterionCode, result: i.result, note: resultNote(i.evidenceSeen, i.note) }))
    })
    await repo.upsertAssessmentItems(trx, visitId, items)
    if (visit.stApplicationId !== application.id) await repo.updateVisit(trx, visitId, { stApplicationId: application.id })
    if (outcome.changed) await recordAudit(trx, { userId: user.id, action: 'visit.assessment', entity: 'visit', entityId: visitId, after: { applicationId: application.id, items } })
    const stored = await repo.assessmentItemsOf(trx, [visitId])
    return { visitId, applicationId: application.id, updatedAt: outcome.updatedAt.toISOString(), items: stored.map(({ visitId: _, ...i }) => i), changed: outcome.changed }
  })
}
