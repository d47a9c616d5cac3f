// Versioned criteria sets: seeded from the rubric on first use, drafted by an administrator
// (copy of the current set), edited while draft, then published. Applications keep their set.
import { readFileSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import type { TierRules } from '../../shared/safety-thirst/tier.ts'
import * as repo from './criteria.repository.ts'
import { CriteriaSetNotDraft, CriteriaSetNotFound, CriterionNotFound, DraftExists, DuplicateCriterion } from './safety-thirst.errors.ts'
import { fieldError } from '../errors.ts'
import type { StLevel } from './safety-thirst.tables.ts'
import type { CriteriaSetChanges, CriterionChanges, NewCriterion, SchemeSettingsChanges } from '../../shared/schemas/safety-thirst.ts'

const RUBRIC_URL = new URL('../../reference-data/safety-thirst-criteria.json', import.meta.url)

interface Rubric {
  version: string
  categories: { code: string; title: string }[]
  tiers: { code: string; rule: string }[]
  criteria: { code: string; category: string; level: StLevel; text: string; evidence: string }[]
}

type SetRow = NonNullable<Awaited<ReturnType<typeof repo.findSet>>>

export function rulesOf (set: Pick<SetRow, 'commendedDesiredPct' | 'highlyCommendedDesiredPct' | 'highlyCommendedBonus'>): TierRules {
  return { commendedDesiredPct: set.commendedDesiredPct, highlyCommendedDesiredPct: set.highlyCommendedDesiredPct, highlyCommendedBonus: set.highlyCommendedBonus }
}

function parseJson<T> (value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

/** Inserts the starting rubric as the published set when there is no set at all. */
export async function ensureSeeded (db: Db): Promise<void> {
  if (await repo.countSets(db) > 0) return
  const rubric = JSON.parse(readFileSync(RUBRIC_URL, 'utf8')) as Rubric
  const set = await repo.insertSet(db, { version: rubric.version, status: 'published', categories: JSON.stringify(rubric.categories), publishedAt: new Date() })
  if (!set) return // another instance seeded it at the same moment
  await repo.insertCriteria(db, rubric.criteria.map((c, i) => ({ setId: set.id, code: c.code, category: c.category, level: c.level, text: c.text, evidence: c.evidence, position: (i + 1) * 10 })))
  await recordAudit(db, { userId: null, action: 'seed', entity: 'st_criteria_set', entityId: set.id, after: { version: rubric.version, criteria: rubric.criteria.length } })
}

export async function currentSet (db: Db): Promise<SetRow> {
  let set = await repo.findPublishedSet(db)
  if (!set) {
    await ensureSeeded(db)
    set = await repo.findPublishedSet(db)
  }
  if (!set) throw new CriteriaSetNotFound('(none published)')
  return set
}

export async function describeSet (db: Db, set: SetRow, includeRetired = true) {
  const criteria = await repo.criteriaOf(db, set.id, includeRetired)
  return {
    id: set.id, version: set.version, status: set.status, createdAt: set.createdAt, publishedAt: set.publishedAt,
    categories: parseJson<{ code: string; title: string }[]>(set.categories), rules: rulesOf(set),
    criteria: criteria.map(({ position: _p, ...c }) => c)
  }
}

export async function getSet (db: Db, id: number) {
  const set = await repo.findSet(db, id)
  if (!set) throw new CriteriaSetNotFound(String(id))
  return describeSet(db, set)
}

/** The contract's view: the current set's active criteria. */
export async function currentCriteria (db: Db) {
  const described = await describeSet(db, await currentSet(db), false)
  return { ...described, criteria: described.criteria.map(({ retired: _r, ...c }) => c) }
}

export const listSets = (db: Db) => repo.listSets(db)

async function draftOrThrow (db: Db, id: number) {
  const set = await repo.findSet(db, id)
  if (!set) throw new CriteriaSetNotFound(String(id))
  if (set.status !== 'draft') throw new CriteriaSetNotDraft(`Criteria set ${set.version} is ${set.status}; only a draft can be changed`)
  return set
}

export function createDraft (db: Kysely<Database>, userId: number, version: string) {
  return db.transaction().execute(async trx => {
    const current = await currentSet(trx)
    const existing = await repo.findDraftSet(trx)
    if (existing) throw new DraftExists(`A draft (${existing.version}) already exists; publish or edit it first`)
    const set = await repo.insertSet(trx, {
      version: version.trim(), status: 'draft', categories: JSON.stringify(parseJson(current.categories)), createdBy: userId,
      commendedDesiredPct: current.commendedDesiredPct, highlyCommendedDesiredPct: current.highlyCommendedDesiredPct, highlyCommendedBonus: current.highlyCommendedBonus
    })
    if (!set) throw fieldError('version', `Version "${version}" is already used`)
    const criteria = await repo.criteriaOf(trx, current.id, true)
    await repo.insertCriteria(trx, criteria.map(c => ({ setId: set.id, code: c.code, category: c.category, level: c.level, text: c.text, evidence: c.evidence, position: c.position, retired: c.retired })))
    await recordAudit(trx, { userId, action: 'create_draft', entity: 'st_criteria_set', entityId: set.id, after: { version: set.version, copiedFrom: current.version } })
    return describeSet(trx, set)
  })
}

export function updateDraft (db: Kysely<Database>, userId: number, id: number, changes: CriteriaSetChanges) {
  return db.transaction().execute(async trx => {
    const set = await draftOrThrow(trx, id)
    const next = { ...rulesOf(set), ...changes.rules }
    if (next.highlyCommendedDesiredPct < next.commendedDesiredPct) {
      throw fieldError('rules.highlyCommendedDesiredPct', 'Highly Commended cannot need a lower Desired percentage than Commended')
    }
    if (changes.version && changes.version.trim() !== set.version) {
      const other = await repo.listSets(trx)
      if (other.some(s => s.version === changes.version!.trim())) throw fieldError('version', `Version "${changes.version}" is already used`)
    }
    const updated = await repo.updateSet(trx, id, { ...next, version: changes.version?.trim() ?? set.version })
    await recordAudit(trx, { userId, action: 'update', entity: 'st_criteria_set', entityId: id, before: { version: set.version, rules: rulesOf(set) }, after: { version: updated.version, rules: next } })
    return describeSet(trx, updated)
  })
}

function checkCategory (categories: { code: string }[], category: string | undefined) {
  if (category !== undefined && !categories.some(c => c.code === category)) {
    throw fieldError('category', `Unknown category "${category}"; use one of ${categories.map(c => c.code).join(', ')}`)
  }
}

export function addCriterion (db: Kysely<Database>, userId: number, id: number, body: NewCriterion) {
  return db.transaction().execute(async trx => {
    const set = await draftOrThrow(trx, id)
    checkCategory(parseJson(set.categories), body.category)
    const existing = await repo.criteriaOf(trx, id, true)
    if (existing.some(c => c.code === body.code)) throw new DuplicateCriterion(`Criterion ${body.code} already exists in ${set.version}`)
    await repo.insertCriteria(trx, [{ setId: id, ...body, evidence: body.evidence ?? '', position: (await repo.maxPosition(trx, id)) + 10 }])
    await recordAudit(trx, { userId, action: 'add_criterion', entity: 'st_criteria_set', entityId: id, after: body })
    return describeSet(trx, set)
  })
}

export function updateCriterion (db: Kysely<Database>, userId: number, id: number, code: string, changes: CriterionChanges) {
  return db.transaction().execute(async trx => {
    const set = await draftOrThrow(trx, id)
    checkCategory(parseJson(set.categories), changes.category)
    const before = (await repo.criteriaOf(trx, id, true)).find(c => c.code === code)
    if (!before) throw new CriterionNotFound(`Criterion ${code} is not in criteria set ${set.version}`)
    const after = await repo.updateCriterion(trx, id, code, changes)
    await recordAudit(trx, { userId, action: 'update_criterion', entity: 'st_criteria_set', entityId: id, before, after })
    return describeSet(trx, set)
  })
}

export function publish (db: Kysely<Database>, userId: number, id: number) {
  return db.transaction().execute(async trx => {
    const set = await draftOrThrow(trx, id)
    const active = await repo.criteriaOf(trx, id, false)
    if (!active.length) throw new CriteriaSetNotDraft('A criteria set needs at least one active criterion to be published')
    const previous = await repo.findPublishedSet(trx)
    if (previous) await repo.updateSet(trx, previous.id, { status: 'superseded' })
    const published = await repo.updateSet(trx, id, { status: 'published', publishedAt: new Date(), publishedBy: userId })
    await recordAudit(trx, { userId, action: 'publish', entity: 'st_criteria_set', entityId: id, before: { current: previous?.version ?? null }, after: { current: published.version } })
    return describeSet(trx, published)
  })
}

export const getSettings = (db: Db) => repo.getSettings(db)

export function updateSettings (db: Kysely<Database>, userId: number, changes: SchemeSettingsChanges) {
  return db.transaction().execute(async trx => {
    const before = await repo.getSettings(trx)
    const after = await repo.updateSettings(trx, { ...changes, updatedBy: userId })
    await recordAudit(trx, { userId, action: 'update', entity: 'st_settings', entityId: 1, before, after })
    return after
  })
}
