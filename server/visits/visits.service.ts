// Visits: create or update by the id made on the device (PUT is idempotent: the same body twice
// changes nothing), a revision precondition so an edit made elsewhere meanwhile is a conflict the
// officer resolves and never a silent overwrite, the checklist of a premises, and the lists.
// Every write is one transaction with its audit entry and the premises' traffic light.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Clock } from '../clock.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { findPremisesRecord, requirePremises, PremisesNotFound } from '../premises/premises.public.ts'
import { findApplicationSummary } from '../safety-thirst/safety-thirst.public.ts'
import { fieldError } from '../errors.ts'
import { nightOf } from '../../shared/dates.ts'
import type { ChecklistItem, Visit, VisitInput } from '../../shared/schemas/visits.ts'
import { buildChecklist } from './checklist.ts'
import * as repo from './visits.repository.ts'
import { VisitConflict, VisitNotFound, VisitPremisesFixed, withDetails } from './visits.errors.ts'
import { refreshTrafficLights } from './traffic-light.service.ts'

const iso = (value: Date | string | null) => value === null ? null : new Date(value).toISOString()

/** The visits as the API shows them, children included, in the order given. */
export async function presentVisits (db: Db, rows: repo.VisitRow[]): Promise<Visit[]> {
  const ids = rows.map(r => r.id)
  const [answers, actions, photos, items] = await Promise.all([repo.answersOf(db, ids), repo.actionsOf(db, ids), repo.photosOf(db, ids), repo.assessmentItemsOf(db, ids)])
  const of = <T extends { visitId: string }>(list: T[], id: string) => list.filter(x => x.visitId === id)
  return rows.map(row => {
    const checklist = of(answers, row.id).map(({ visitId: _, ...a }) => a)
    return {
      id: row.id, premisesId: row.premisesId, premisesName: row.premisesName, kind: row.kind, status: row.status,
      startedAt: iso(row.startedAt)!, endedAt: iso(row.endedAt), attendees: (row.attendees ?? []) as Visit['attendees'], assignedTo: row.assignedTo ?? [],
      checklist, findings: row.findings, actions: of(actions, row.id).map(({ visitId: _, ...a }) => a),
      breaches: checklist.filter(a => a.result === 'not_complied').length,
      safetyThirstApplicationId: row.stApplicationId,
      assessment: of(items, row.id).map(({ visitId: _, ...i }) => i),
      photos: of(photos, row.id).map(p => ({ ...p, uploadedAt: iso(p.uploadedAt)! })),
      revision: row.revision, version: row.version, createdBy: row.createdBy, createdByName: row.createdByName,
      createdAt: iso(row.createdAt)!, updatedAt: iso(row.updatedAt)!
    }
  })
}

export async function loadVisit (db: Db, id: string): Promise<Visit> {
  const row = await repo.findVisitView(db, id)
  if (!row) throw new VisitNotFound(id)
  return (await presentVisits(db, [row]))[0]!
}

/** The checklist of a premises for a visit on the night of `night`. */
export async function checklistFor (db: Db, premisesId: number, night: string): Promise<ChecklistItem[]> {
  const premises = await findPremisesRecord(db, premisesId)
  if (!premises) throw new PremisesNotFound(String(premisesId))
  return buildChecklist(premises, night)
}

/** What the visit's content is, compared field by field to tell a replay from an edit. */
function contentOf (v: Pick<Visit, 'kind' | 'status' | 'startedAt' | 'endedAt' | 'attendees' | 'assignedTo' | 'checklist' | 'findings' | 'actions' | 'safetyThirstApplicationId'>) {
  // Fixed key order: attendees come back from jsonb with their keys reordered.
  const attendees = v.attendees.map(a => [a.name, a.organisation ?? '', a.userId ?? null])
  return JSON.stringify([v.kind, v.status, iso(v.startedAt), iso(v.endedAt), attendees, v.assignedTo, v.checklist, v.findings, v.actions, v.safetyThirstApplicationId])
}

function checkInput (input: VisitInput) {
  if (input.endedAt && Date.parse(input.endedAt) < Date.parse(input.startedAt)) throw fieldError('endedAt', 'The visit cannot end before it started: check the end time')
  const seen = new Set<string>()
  input.checklist.forEach((answer, i) => {
    if (seen.has(answer.item)) throw fieldError(`checklist.${i}.item`, `Answer each checklist item once: "${answer.item}" appears twice`)
    seen.add(answer.item)
  })
}

export interface PutResult { created: boolean; changed: boolean; visit: Visit }

/**
 * PUT /api/visits/:id. Created when new; unchanged when the body says what is stored already;
 * updated when the edit was made from what is stored (its baseRevision, or a revision the device
 * sent without hearing back); otherwise a 409 VISIT_CONFLICT with the stored visit.
 */
export function putVisit (db: Kysely<Database>, user: CurrentUser, id: string, input: VisitInput, clock: Clock): Promise<PutResult> {
  checkInput(input)
  return db.transaction().execute(async trx => {
    const premises = await requirePremises(trx, input.premisesId)
    if (input.safetyThirstApplicationId) {
      const application = await findApplicationSummary(trx, input.safetyThirstApplicationId)
      if (!application || application.premisesId !== premises.id) throw fieldError('safetyThirstApplicationId', `Safety Thirst application ${input.safetyThirstApplicationId} is not one of ${premises.name}'s`)
    }
    const existing = await repo.findVisit(trx, id, true)
    const checklist = await labelled(trx, input, clock)
    const next = {
      kind: input.kind, status: input.status ?? (input.endedAt ? 'completed' as const : 'in_progress' as const),
      startedAt: input.startedAt, endedAt: input.endedAt ?? null, attendees: input.attendees ?? [], assignedTo: input.assignedTo ?? [],
      checklist, findings: input.findings ?? '', actions: (input.actions ?? []).map(a => ({ text: a.text.trim(), dueOn: a.dueOn, owner: a.owner ?? '' })),
      safetyThirstApplicationId: input.safetyThirstApplicationId ?? null
    }
    if (!existing) {
      await repo.insertVisit(trx, {
        id, premisesId: premises.id, kind: next.kind, status: next.status, startedAt: new Date(next.startedAt), endedAt: next.endedAt ? new Date(next.endedAt) : null,
        attendees: JSON.stringify(next.attendees), assignedTo: next.assignedTo, findings: next.findings, stApplicationId: next.safetyThirstApplicationId,
        revision: input.revision ?? randomUUID(), createdBy: user.id, updatedBy: user.id
      })
      await repo.replaceAnswers(trx, id, next.checklist)
      await repo.replaceActions(trx, id, next.actions)
      const visit = await loadVisit(trx, id)
      await recordAudit(trx, { userId: user.id, action: 'visit.create', entity: 'visit', entityId: id, after: visit })
      await refreshTrafficLights(trx, [premises.id], clock)
      return { created: true, changed: true, visit }
    }
    if (existing.premisesId !== premises.id) throw new VisitPremisesFixed(`Visit ${id} is a visit to another premises; a visit cannot move between premises`)
    const current = await loadVisit(trx, id)
    const sameContent = contentOf(current) === contentOf(next)
    if (sameContent && (!input.revision || input.revision === current.revision)) return { created: false, changed: false, visit: current }
    const known = [input.revision, input.baseRevision, ...(input.unconfirmedRevisions ?? [])]
    if (input.baseRevision !== undefined && !known.includes(current.revision)) {
      // Someone saved this visit since the device last heard of it: both versions are kept (the
      // device holds its own) and the officer chooses.
      throw withDetails(new VisitConflict(`This visit was changed by ${current.createdByName ?? 'someone else'} since you started editing it: compare the two and choose which to keep`), { current })
    }
    if (sameContent) {
      await repo.updateVisit(trx, id, { revision: input.revision! })
      return { created: false, changed: false, visit: await loadVisit(trx, id) }
    }
    await repo.updateVisit(trx, id, {
      kind: next.kind, status: next.status, startedAt: new Date(next.startedAt), endedAt: next.endedAt ? new Date(next.endedAt) : null,
      attendees: JSON.stringify(next.attendees), assignedTo: next.assignedTo, findings: next.findings, stApplicationId: next.safetyThirstApplicationId,
      revision: input.revision ?? randomUUID(), version: existing.version + 1, updatedBy: user.id
    })
    await repo.replaceAnswers(trx, id, next.checklist)
    await repo.replaceActions(trx, id, next.actions)
    const visit = await loadVisit(trx, id)
    await recordAudit(trx, { userId: user.id, action: 'visit.update', entity: 'visit', entityId: id, before: current, after: visit })
    await refreshTrafficLights(trx, [premises.id], clock)
    return { created: false, changed: true, visit }
  })
}

/** Answers with the checklist's own label when the device sent none. */
async function labelled (db: Db, input: VisitInput, clock: Clock): Promise<repo.Answer[]> {
  const missing = input.checklist.some(a => !a.label)
  const items = missing ? await checklistFor(db, input.premisesId, nightOf(new Date(input.startedAt), clock.tz)) : []
  return input.checklist.map(a => ({ item: a.item, label: a.label ?? items.find(i => i.item === a.item)?.label ?? a.item, result: a.result, note: a.note ?? '' }))
}

export async function listPremisesVisits (db: Db, premisesId: number, page: { limit: number; offset: number }) {
  await requirePremises(db, premisesId)
  const { items, total } = await repo.listForPremises(db, premisesId, page)
  return { items: await presentVisits(db, items), total }
}
