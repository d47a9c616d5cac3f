// The officers' side of concerns: the queue, a case with the venues it may be about, attaching
// it to a premises, updates (emailed to the reporter, and to the reporters of reports merged
// into it), merging duplicates and refusing abusive reports. Every change is audited, and the
// incident that stands for the concern on the map follows it.
import type { Db } from '../db/types.ts'
import type { Clock } from '../clock.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { fieldError } from '../errors.ts'
import { queueMail } from '../mail/mail.public.ts'
import { movePublicReport, removePublicReport } from '../incidents/incidents.public.ts'
import { CONCERN_STATUS_LABELS, type CloseReason, type ConcernStatus } from '../../shared/schemas/concerns.ts'
import type { ConcernUpdateInput } from '../../shared/schemas/concerns-triage.ts'
import { ConcernClosed, ConcernNotFound } from './concerns.errors.ts'
import * as repo from './concerns.repository.ts'
import { toConcern, type Pattern } from './concerns.present.ts'
import { suggestPremises } from './concerns.suggest.ts'
import { checkPlanThreshold } from './concerns.threshold.ts'
import { caseLink, reportUpdates, type CaseKey } from './concerns.report.service.ts'

export interface TriageContext { clock: Clock; caseKey: CaseKey }

async function confirmedOr404 (db: Db, id: number, lock = false) {
  const row = lock ? await repo.lockConcern(db, id) : await repo.findConcern(db, id)
  if (!row || row.status === 'unconfirmed') throw new ConcernNotFound(String(id))
  return row
}

export async function listConcerns (db: Db, filter: repo.ConcernFilter) {
  const { items, total } = await repo.listConcerns(db, filter)
  return { items: items.map(toConcern), total }
}

export async function getConcern (db: Db, id: number, clock: Clock) {
  const row = await confirmedOr404(db, id)
  const [updates, duplicates, repeats, suggestions] = await Promise.all([
    repo.listUpdates(db, [id]),
    repo.linkedTo(db, id, 'duplicateOf'),
    repo.linkedTo(db, id, 'repeatOf'),
    suggestPremises(db, { ...row, pattern: row.pattern as Pattern | null }, clock.tz)
  ])
  return {
    ...toConcern(row),
    updates: updates.map(u => ({ id: u.id, at: u.at.toISOString(), authorName: u.authorName, status: u.status, closeReason: u.closeReason, publicText: u.publicText, internalNote: u.internalNote, emailed: u.emailed })),
    duplicates, repeats, suggestions
  }
}

/** Tells the reporter of the case, and of every report merged into it, what the officer wrote. */
async function emailReporters (trx: Db, concernId: number, text: string, status: ConcernStatus | null, ctx: TriageContext): Promise<number> {
  const reporters = await repo.reportersOf(trx, concernId)
  let queued = 0
  for (const r of reporters) {
    // A reporter who stopped this report's updates is not queued (their case page still shows them).
    queued += (await queueMail(trx, {
      kind: 'concern_update', to: r.reporterEmail,
      subject: `Update on your report ${r.reference}${status ? `: ${CONCERN_STATUS_LABELS[status].toLowerCase()}` : ''}`,
      text: [`${r.reporterName ? `Dear ${r.reporterName}` : 'Hello'},`, `The licensing team has updated your report ${r.reference}:`, text].join('\n\n'),
      link: caseLink(r.reference, ctx.caseKey), linkLabel: 'Read the updates on your report',
      unsubscribe: reportUpdates(r.reference)
    })).length
  }
  return queued
}

/** Attaches the concern to a premises (or to none), optionally saying whether it is substantiated. */
export async function triageConcern (db: Db, user: CurrentUser, id: number, input: { premisesId: number | null; substantiated?: boolean | null }, ctx: TriageContext) {
  await db.transaction().execute(async trx => {
    const before = await confirmedOr404(trx, id, true)
    if (before.duplicateOf) throw new ConcernClosed(`This report was joined with ${before.duplicateOfReference}; triage that case instead`)
    const premises = input.premisesId ? await repo.premisesForReport(trx, input.premisesId) : null
    if (input.premisesId && !premises) throw fieldError('premisesId', `There is no premises ${input.premisesId}`)
    const substantiated = input.substantiated === undefined ? before.substantiated : input.substantiated
    await repo.updateConcern(trx, id, {
      premisesId: premises?.id ?? null, substantiated,
      substantiatedAt: substantiated && !before.substantiated ? ctx.clock.now() : substantiated ? before.substantiatedAt : null
    })
    if (before.incidentId) await movePublicReport(trx, before.incidentId, { premisesId: premises?.id ?? null, location: before.lat != null && before.lng != null ? { lat: before.lat, lng: before.lng } : null, locationText: before.locationText })
    await repo.insertUpdate(trx, { concernId: id, authorId: user.id, internalNote: premises ? `Attached to ${premises.name}` : 'Not attached to any premises' })
    await recordAudit(trx, { userId: user.id, action: 'concern.triage', entity: 'concern', entityId: id, before: { premisesId: before.premisesId, substantiated: before.substantiated }, after: { premisesId: premises?.id ?? null, substantiated } })
    if (premises && substantiated) await checkPlanThreshold(trx, premises, before.kind, ctx.clock, user.id)
  })
  return getConcern(db, id, ctx.clock)
}

/** A status change, a note, a message to the reporter, or whether it is substantiated (any of them). */
export async function updateConcern (db: Db, user: CurrentUser, id: number, input: ConcernUpdateInput, ctx: TriageContext) {
  const publicText = input.publicText?.trim() || null
  const internalNote = input.internalNote?.trim() || null
  if (input.status === 'closed' && !input.closeReason) throw fieldError('closeReason', 'Choose why the case is closed')
  if (input.closeReason && input.status !== 'closed') throw fieldError('closeReason', 'A reason is given only when closing the case')
  if (input.closeReason === 'duplicate' || input.closeReason === 'abusive') throw fieldError('closeReason', input.closeReason === 'duplicate' ? 'Merge the report into the other case instead' : 'Use "Mark as abusive" instead')
  if (!input.status && !publicText && !internalNote && input.substantiated === undefined) throw fieldError('publicText', 'Write an update, a note, or change the status')
  await db.transaction().execute(async trx => {
    const before = await confirmedOr404(trx, id, true)
    if (before.duplicateOf) throw new ConcernClosed(`This report was joined with ${before.duplicateOfReference}; update that case instead`)
    if (before.status === 'closed' && input.status === undefined) {
      if (publicText || input.substantiated !== undefined) throw new ConcernClosed('The case is closed; reopen it by choosing a status to write to the reporter')
    }
    const status = input.status ?? before.status
    const substantiated = input.substantiated === undefined ? before.substantiated : input.substantiated
    await repo.updateConcern(trx, id, {
      status, closeReason: status === 'closed' ? (input.closeReason ?? before.closeReason) as CloseReason : null, substantiated,
      substantiatedAt: substantiated && !before.substantiated ? ctx.clock.now() : substantiated ? before.substantiatedAt : null
    })
    const statusChanged = input.status !== undefined && input.status !== before.status
    const emailed = publicText ? await emailReporters(trx, id, publicText, statusChanged ? status : null, ctx) : 0
    await repo.insertUpdate(trx, {
      concernId: id, authorId: user.id, status: statusChanged ? status : null, closeReason: statusChanged && status === 'closed' ? input.closeReason ?? null : null,
      publicText, internalNote, emailed
    })
    await recordAudit(trx, {
      userId: user.id, action: 'concern.update', entity: 'concern', entityId: id,
      before: { status: before.status, substantiated: before.substantiated }, after: { status, substantiated, closeReason: input.closeReason ?? null, emailed }
    })
    if (before.premisesId && substantiated && !before.substantiated) await checkPlanThreshold(trx, { id: before.premisesId, name: before.premisesName }, before.kind, ctx.clock, user.id)
  })
  return getConcern(db, id, ctx.clock)
}

/** Joins a duplicate report into another case: it stops counting, and its reporter follows that case. */
export async function mergeConcern (db: Db, user: CurrentUser, id: number, intoId: number, ctx: TriageContext) {
  if (id === intoId) throw fieldError('intoId', 'Choose a different case to merge this report into')
  await db.transaction().execute(async trx => {
    const duplicate = await confirmedOr404(trx, id, true)
    const target = await repo.lockConcern(trx, intoId)
    if (!target || target.status === 'unconfirmed') throw fieldError('intoId', `There is no case ${intoId} to merge into`)
    if (target.duplicateOf) throw fieldError('intoId', `${target.reference} was itself joined with ${target.duplicateOfReference}; merge into that case`)
    if (duplicate.duplicateOf) throw new ConcernClosed(`This report is already joined with ${duplicate.duplicateOfReference}`)
    await repo.updateConcern(trx, id, { duplicateOf: intoId, status: 'closed', closeReason: 'duplicate' })
    // Reports joined into this one move with it, so a case never points at a closed duplicate.
    await repo.moveDuplicates(trx, id, intoId)
    if (duplicate.incidentId) await removePublicReport(trx, duplicate.incidentId)
    const text = `Other people reported the same thing, so we have joined your report with case ${target.reference}. You will hear about that case from now on.`
    await queueMail(trx, {
      kind: 'concern_update', to: duplicate.reporterEmail, subject: `Update on your report ${duplicate.reference}: joined with ${target.reference}`,
      text: [`${duplicate.reporterName ? `Dear ${duplicate.reporterName}` : 'Hello'},`, text].join('\n\n'),
      link: caseLink(duplicate.reference, ctx.caseKey), linkLabel: 'Read the updates on your report',
      unsubscribe: reportUpdates(duplicate.reference)
    })
    await repo.insertUpdate(trx, { concernId: id, authorId: user.id, status: 'closed', closeReason: 'duplicate', publicText: text, emailed: 1 })
    await repo.insertUpdate(trx, { concernId: intoId, authorId: user.id, internalNote: `${duplicate.reference} merged into this case` })
    await recordAudit(trx, { userId: user.id, action: 'concern.merge', entity: 'concern', entityId: id, before: { status: duplicate.status }, after: { duplicateOf: intoId } })
  })
  return getConcern(db, id, ctx.clock)
}

/** Refuses an abusive or false report: closed, not counted, no email to the reporter. */
export async function markAbusive (db: Db, user: CurrentUser, id: number, note: string, ctx: TriageContext) {
  if (!note.trim()) throw fieldError('note', 'Say why the report is abusive or false (for the record; the reporter is not told)')
  await db.transaction().execute(async trx => {
    const before = await confirmedOr404(trx, id, true)
    await repo.updateConcern(trx, id, { abusive: true, status: 'closed', closeReason: 'abusive', substantiated: false, substantiatedAt: null })
    if (before.incidentId) await removePublicReport(trx, before.incidentId)
    await repo.insertUpdate(trx, { concernId: id, authorId: user.id, status: 'closed', closeReason: 'abusive', internalNote: note.trim() })
    await recordAudit(trx, { userId: user.id, action: 'concern.abusive', entity: 'concern', entityId: id, before: { status: before.status }, after: { abusive: true, note: note.trim() } })
  })
  return getConcern(db, id, ctx.clock)
}
