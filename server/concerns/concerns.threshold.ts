// A concern about a venue counts against its noise management plan or dispersal policy once an
// officer has substantiated it. When the substantiated concerns of one plan in the set period
// reach the threshold an administrator set, the plan is due for review: its review date comes
// forward (plans domain), and the venue's managers and the officers are told which concerns,
// by reference, kind and date, never by who reported them. A set of concerns triggers one review;
// the next needs as many new ones.
import type { Db } from '../db/types.ts'
import type { Clock } from '../clock.ts'
import { addDays } from '../../shared/dates.ts'
import { bringReviewForward, PLAN_KIND_LABELS } from '../plans/plans.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { CONCERN_KINDS, CONCERN_KIND_LABELS, PLAN_OF_KIND, type ConcernKind } from '../../shared/schemas/concerns.ts'
import * as repo from './concerns.repository.ts'
import { whenText } from './concerns.present.ts'
import { plural } from '../../shared/plural.ts'

/** The venue has this long to review its plan after concerns put it due. */
export const REVIEW_WITHIN_DAYS = 28

type PlanKind = 'noise_management_plan' | 'dispersal_policy'
const kindsOf = (plan: PlanKind) => CONCERN_KINDS.filter(k => PLAN_OF_KIND[k] === plan) as ConcernKind[]

export async function checkPlanThreshold (trx: Db, premises: { id: number; name: string | null }, kind: ConcernKind, clock: Clock, userId: number | null) {
  const plan = PLAN_OF_KIND[kind]
  if (!plan) return null
  const settings = await repo.getSettings(trx)
  const now = clock.now()
  const periodStart = new Date(now.getTime() - settings.periodDays * 86400_000)
  const last = await repo.lastPlanReview(trx, premises.id, plan)
  const since = last && last.at > periodStart ? last.at : periodStart
  const counted = await repo.substantiatedSince(trx, premises.id, kindsOf(plan), since)
  if (counted.length < settings.threshold) return null

  const dueBy = addDays(clock.today(), REVIEW_WITHIN_DAYS)
  const label = PLAN_KIND_LABELS[plan]
  const reason = `${plural(counted.length, 'substantiated concern')} in ${plural(settings.periodDays, 'day')} (threshold ${settings.threshold}): ${counted.map(c => c.reference).join(', ')}`
  const document = await bringReviewForward(trx, { premisesId: premises.id, kind: plan, dueBy, reason, userId })
  await repo.insertPlanReview(trx, { premisesId: premises.id, planKind: plan, concernIds: counted.map(c => c.id), reviewDue: document?.reviewDue ?? null })
  const list = counted.map(c => `- ${c.reference}: ${CONCERN_KIND_LABELS[c.kind]}, ${whenText({ happeningNow: false, occurredAt: c.occurredAt, pattern: null, createdAt: c.confirmedAt ?? now }, clock.tz)}`).join('\n')
  const venue = premises.name ?? `premises ${premises.id}`
  const title = `${label} for ${venue} is due for review: ${plural(counted.length, 'substantiated concern')} in ${plural(settings.periodDays, 'day')}`
  const body = [
    document ? `Review it and submit an updated version by ${document.reviewDue}.` : `There is no approved ${label.toLowerCase()} to review; submit one.`,
    `The concerns that count against it:\n${list}`
  ].join('\n\n')
  await notify(trx, [
    { role: 'venue_manager', premisesId: premises.id, kind: 'plan_review_concerns', title, body, link: `/plans/premises/${premises.id}` },
    { role: 'licensing_officer', premisesId: premises.id, kind: 'plan_review_concerns', title, body, link: `/plans/premises/${premises.id}` }
  ])
  return { plan, concerns: counted.map(c => c.reference), reviewDue: document?.reviewDue ?? null }
}
