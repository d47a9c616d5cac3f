// The officer's side of plan documents: approve (with a review date, one year by default) or
// return with comments per section; the review queue; and the daily review-date job's work.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError } from '../errors.ts'
import { PLAN_KIND_LABELS, type PlanKind } from '../../shared/plans/templates.ts'
import { addDays, addYears } from '../../shared/dates.ts'
import { PlanNotFound, PlanNotSubmitted } from './plans.errors.ts'
import { requirePremises } from '../premises/premises.public.ts'
import * as repo from './plans.repository.ts'
import { assertPremises, getPlanById } from './plans.service.ts'
import type { PlanReturn } from '../../shared/schemas/plans.ts'

export const REMINDER_DAYS = 30
const premisesLink = (premisesId: number) => `/plans/premises/${premisesId}`

/** The version an officer acts on: the one named, or the newest submitted; it must be submitted. */
async function submittedVersion (trx: Db, premisesId: number, kind: PlanKind, version?: number) {
  const premises = await requirePremises(trx, premisesId, { lock: true })
  const row = version ? await repo.findVersion(trx, premisesId, kind, version) : await repo.findLatestSubmitted(trx, premisesId, kind)
  const label = PLAN_KIND_LABELS[kind].toLowerCase()
  if (!row && version) throw new PlanNotFound(`There is no version ${version} of this ${label}`)
  if (!row) throw new PlanNotSubmitted(`No version of this ${label} is waiting for review`)
  if (row.status !== 'submitted') throw new PlanNotSubmitted(`Version ${row.version} of this ${label} is ${row.status}; only a submitted version can be reviewed`)
  return { premises, row }
}

export async function approvePlan (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, input: { version?: number; reviewDue?: string; note?: string }, today: string) {
  await assertPremises(db, user, premisesId)
  if (input.reviewDue && input.reviewDue <= today) throw fieldError('reviewDue', 'The review date must be in the future')
  const id = await db.transaction().execute(async trx => {
    const { premises, row } = await submittedVersion(trx, premisesId, kind, input.version)
    const reviewDue = input.reviewDue ?? addYears(today, 1)
    const comments = input.note?.trim() ? { general: input.note.trim() } : {}
    await repo.updateDocument(trx, row.id, {
      status: 'approved', reviewedBy: user.id, reviewedAt: new Date(), reviewDue, overdueSince: null,
      reviewComments: JSON.stringify(comments)
    })
    const superseded = await repo.supersedeOlder(trx, premisesId, kind, row.version, ['submitted', 'approved'])
    await recordAudit(trx, {
      userId: user.id, action: 'plan.approve', entity: 'plan_document', entityId: row.id,
      before: { status: row.status }, after: { status: 'approved', reviewDue, superseded }
    })
    await notify(trx, {
      role: 'venue_manager', premisesId, kind: 'plan_approved',
      title: `${PLAN_KIND_LABELS[kind]} v${row.version} approved for ${premises.name}`,
      body: `Next review due by ${reviewDue}.`, link: premisesLink(premisesId)
    })
    return row.id
  })
  return getPlanById(db, user, id, today)
}

export async function returnPlan (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, input: PlanReturn, today: string) {
  await assertPremises(db, user, premisesId)
  const comments: Record<string, string> = {}
  for (const [key, text] of Object.entries(input.comments)) if (text?.trim()) comments[key] = text.trim()
  if (!Object.keys(comments).length) throw fieldError('comments', 'Write at least one comment saying what needs to change')
  const id = await db.transaction().execute(async trx => {
    const { premises, row } = await submittedVersion(trx, premisesId, kind, input.version)
    await repo.updateDocument(trx, row.id, {
      status: 'returned', reviewedBy: user.id, reviewedAt: new Date(), reviewComments: JSON.stringify(comments)
    })
    await recordAudit(trx, {
      userId: user.id, action: 'plan.return', entity: 'plan_document', entityId: row.id,
      before: { status: row.status }, after: { status: 'returned', comments }
    })
    await notify(trx, {
      role: 'venue_manager', premisesId, kind: 'plan_returned',
      title: `${PLAN_KIND_LABELS[kind]} v${row.version} returned for ${premises.name}`,
      body: `The licensing officer asked for changes in: ${Object.keys(comments).join(', ')}.`, link: premisesLink(premisesId)
    })
    return row.id
  })
  return getPlanById(db, user, id, today)
}

export async function reviewQueue (db: Db) {
  const items = await repo.reviewQueue(db)
  return { items: items.map(item => ({ ...item, since: item.since.toISOString() })), total: items.length }
}

/** Premises with an approved document past its review date, for the map and the premises page. */
export async function overduePremises (db: Db, today: string) {
  const rows = await repo.overdueDocuments(db, today)
  const byPremises = new Map<number, { premisesId: number; premisesName: string; location: { lat: number; lng: number } | null; documents: { id: number; kind: PlanKind; version: number; reviewDue: string }[] }>()
  for (const row of rows) {
    let entry = byPremises.get(row.premisesId)
    if (!entry) {
      entry = { premisesId: row.premisesId, premisesName: row.premisesName, location: row.lat != null && row.lng != null ? { lat: row.lat, lng: row.lng } : null, documents: [] }
      byPremises.set(row.premisesId, entry)
    }
    entry.documents.push({ id: row.id, kind: row.kind, version: row.version, reviewDue: row.reviewDue! })
  }
  const items = [...byPremises.values()]
  return { items, total: items.length }
}

/**
 * The daily job's work: remind the venue's managers 30 days before a review date, and mark
 * documents whose review date has passed as overdue (telling managers and officers once).
 * Dedupe keys make a second run on the same day send nothing new.
 */
export async function runPlanReviewReminders (db: Db, today: string) {
  return db.transaction().execute(async trx => {
    let reminded = 0
    for (const doc of await repo.documentsDueBetween(trx, today, addDays(today, REMINDER_DAYS))) {
      reminded += await notify(trx, {
        role: 'venue_manager', premisesId: doc.premisesId, kind: 'plan_review_due',
        title: `${PLAN_KIND_LABELS[doc.kind]} for ${doc.premisesName} is due for review by ${doc.reviewDue}`,
        body: 'Review the document and submit an updated version before that date.',
        link: `/plans/premises/${doc.premisesId}`,
        dedupeKey: `plan-review-due:${doc.id}:${doc.reviewDue}`
      })
    }
    const overdue = await repo.overdueDocuments(trx, today)
    const newlyOverdue = overdue.filter(doc => doc.overdueSince == null)
    const marked = await repo.markOverdue(trx, newlyOverdue.map(doc => doc.id), today)
    for (const doc of newlyOverdue) {
      const title = `${PLAN_KIND_LABELS[doc.kind]} for ${doc.premisesName} is overdue for review (due ${doc.reviewDue})`
      const link = `/plans/premises/${doc.premisesId}`
      await notify(trx, [
        { role: 'venue_manager', premisesId: doc.premisesId, kind: 'plan_overdue', title, link, dedupeKey: `plan-overdue:${doc.id}:${doc.reviewDue}` },
        { role: 'licensing_officer', premisesId: doc.premisesId, kind: 'plan_overdue', title, link, dedupeKey: `plan-overdue-officers:${doc.id}:${doc.reviewDue}` }
      ])
      await recordAudit(trx, { userId: null, action: 'plan.mark_overdue', entity: 'plan_document', entityId: doc.id, after: { overdueSince: today, reviewDue: doc.reviewDue } })
    }
    return { reminded, markedOverdue: marked, overdue: overdue.length }
  })
}

