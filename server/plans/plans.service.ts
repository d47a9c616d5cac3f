// Plan documents: every save is a new version (earlier ones stay intact), a submitted version
// must have every required section of the template and counts as current at once, and any
// version can be compared with the one before it.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError } from '../errors.ts'
import { PLAN_FIELDS, PLAN_KIND_LABELS, PLAN_TEMPLATES, missingSections, type PlanFields, type PlanKind } from '../../shared/plans/templates.ts'
import { diffText, hasChanges } from '../../shared/plans/diff.ts'
import type { PlanDiff, PlanDocument, PlanSave } from '../../shared/schemas/plans.ts'
import { PlanNotFound } from './plans.errors.ts'
import { requirePremises } from '../premises/premises.public.ts'
import * as repo from './plans.repository.ts'

const iso = (value: Date | string | null | undefined) => value == null ? null : new Date(value).toISOString()

export function toDocument (row: repo.PlanDocumentRow, today: string, currentId?: number | null): PlanDocument {
  const fields: PlanFields = {}
  for (const field of PLAN_FIELDS) fields[field] = row[field] ?? null
  return {
    id: row.id,
    premisesId: row.premisesId,
    kind: row.kind,
    version: row.version,
    status: row.status,
    current: currentId === undefined ? ['submitted', 'approved'].includes(row.status) : row.id === currentId,
    sections: (row.sections ?? {}) as Record<string, string>,
    fields,
    reviewComments: (row.reviewComments ?? {}) as Record<string, string>,
    submittedBy: row.submittedBy,
    submittedByName: row.submittedByName,
    submittedAt: iso(row.submittedAt),
    reviewedBy: row.reviewedBy,
    reviewedByName: row.reviewedByName,
    reviewedAt: iso(row.reviewedAt),
    reviewDue: row.reviewDue,
    overdue: row.status === 'approved' && row.reviewDue != null && row.reviewDue < today,
    overdueSince: row.overdueSince,
    createdAt: iso(row.createdAt)!
  }
}

/** 403 for another venue's premises, 404 for a premises that does not exist. */
export async function assertPremises (db: Db, user: CurrentUser, premisesId: number) {
  assertPremisesAccess(user, premisesId)
  return requirePremises(db, premisesId)
}

export function getTemplate (kind: PlanKind) {
  return PLAN_TEMPLATES[kind]
}

/** Both documents of a premises: the current version and the newest one (maybe a draft). */
export async function premisesPlans (db: Db, user: CurrentUser, premisesId: number, today: string) {
  await assertPremises(db, user, premisesId)
  const documents = []
  for (const kind of Object.keys(PLAN_TEMPLATES) as PlanKind[]) {
    const [current, latest] = await Promise.all([repo.findCurrent(db, premisesId, kind), repo.findLatest(db, premisesId, kind)])
    documents.push({
      kind,
      current: current ? toDocument(current, today, current.id) : null,
      latest: latest ? toDocument(latest, today, current?.id ?? null) : null
    })
  }
  return { premisesId, documents }
}

export async function getCurrentPlan (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, today: string) {
  await assertPremises(db, user, premisesId)
  const row = await repo.findCurrent(db, premisesId, kind)
  if (!row) throw new PlanNotFound(`Premises ${premisesId} has no current ${PLAN_KIND_LABELS[kind].toLowerCase()}`)
  return toDocument(row, today, row.id)
}

export async function listPlanVersions (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, today: string) {
  await assertPremises(db, user, premisesId)
  const [rows, current] = await Promise.all([repo.listVersions(db, premisesId, kind), repo.findCurrent(db, premisesId, kind)])
  return { items: rows.map(row => toDocument(row, today, current?.id ?? null)), total: rows.length }
}

export async function getPlanVersion (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, version: number, today: string) {
  await assertPremises(db, user, premisesId)
  const [row, current] = await Promise.all([repo.findVersion(db, premisesId, kind, version), repo.findCurrent(db, premisesId, kind)])
  if (!row) throw new PlanNotFound(`There is no version ${version} of this ${PLAN_KIND_LABELS[kind].toLowerCase()}`)
  return toDocument(row, today, current?.id ?? null)
}

export async function getPlanById (db: Db, user: CurrentUser, id: number, today: string) {
  const row = await repo.findDocumentById(db, id)
  if (!row) throw new PlanNotFound(`There is no plan document ${id}`)
  assertPremisesAccess(user, row.premisesId)
  const current = await repo.findCurrent(db, row.premisesId, row.kind)
  return toDocument(row, today, current?.id ?? null)
}

/** A readable per-section diff of a version against the version before it. */
export async function diffPlanVersion (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, version: number): Promise<PlanDiff> {
  await assertPremises(db, user, premisesId)
  const row = await repo.findVersion(db, premisesId, kind, version)
  if (!row) throw new PlanNotFound(`There is no version ${version} of this ${PLAN_KIND_LABELS[kind].toLowerCase()}`)
  const previous = version > 1 ? await repo.findVersion(db, premisesId, kind, version - 1) : undefined
  const before = (previous?.sections ?? {}) as Record<string, string>
  const after = (row.sections ?? {}) as Record<string, string>
  const sections = PLAN_TEMPLATES[kind].sections.map(section => {
    const parts = diffText(before[section.key] ?? '', after[section.key] ?? '')
    return { key: section.key, title: section.title, changed: hasChanges(parts), parts }
  })
  const fields = PLAN_FIELDS
    .map(field => ({ field, before: previous ? previous[field] ?? null : null, after: row[field] ?? null }))
    .filter(f => f.before !== f.after)
  return { kind, version, previousVersion: previous?.version ?? null, sections, fields }
}

export type SavePlanInput = PlanSave

/**
 * Saves a new version. A submitted one needs every required section (400 naming the missing
 * keys, nothing saved); it replaces any earlier submitted version still waiting for review,
 * while an approved version stays in force until the new one is approved.
 */
export async function savePlan (db: Db, user: CurrentUser, premisesId: number, kind: PlanKind, input: SavePlanInput, today: string) {
  assertPremisesAccess(user, premisesId)
  const draft = input.draft === true
  const sections: Record<string, string> = {}
  for (const [key, text] of Object.entries(input.sections)) if (text?.trim()) sections[key] = text.replace(/\s+$/, '')
  if (!draft) {
    const missing = missingSections(kind, sections)
    if (missing.length) {
      const titles = missing.map(key => PLAN_TEMPLATES[kind].sections.find(s => s.key === key)!.title)
      const error = fieldError(`sections.${missing[0]}`, `Required sections are missing: ${missing.join(', ')} (${titles.join('; ')})`) as Error & { details?: unknown }
      error.details = { missing }
      throw error
    }
  }
  const fields: PlanFields = {}
  for (const field of PLAN_FIELDS) fields[field] = input.fields?.[field]?.trim() || null

  const id = await db.transaction().execute(async trx => {
    // The row lock makes two saves of the same premises number their versions in turn.
    const premises = await requirePremises(trx, premisesId, { lock: true })
    const version = await repo.nextVersion(trx, premisesId, kind)
    const status = draft ? 'draft' as const : 'submitted' as const
    const { id } = await repo.insertDocument(trx, {
      premisesId, kind, version, status,
      sections: JSON.stringify(sections),
      ...fields,
      submittedBy: draft ? null : user.id,
      submittedAt: draft ? null : new Date(),
      createdBy: user.id
    })
    const superseded = await repo.supersedeOlder(trx, premisesId, kind, version, draft ? ['draft'] : ['draft', 'submitted'])
    await recordAudit(trx, {
      userId: user.id, action: draft ? 'plan.save_draft' : 'plan.submit', entity: 'plan_document', entityId: id,
      after: { premisesId, kind, version, status, sections: Object.keys(sections), fields, superseded }
    })
    if (!draft) {
      await notify(trx, {
        role: 'licensing_officer', premisesId, kind: 'plan_submitted',
        title: `${PLAN_KIND_LABELS[kind]} v${version} submitted for ${premises.name}`,
        body: 'It counts as current now and is waiting for review.',
        link: `/plans/queue`
      })
    }
    return id
  })
  return getPlanById(db, user, id, today)
}
