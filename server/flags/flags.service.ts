// Reading flags and moving them through their lifecycle: open → acknowledged (with a note) →
// resolved (with the action taken). Venue managers see only their own venues' flags, and only
// once an officer has acknowledged them. Every write is audited in its own transaction.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager, managesPremises } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { Forbidden, fieldError } from '../errors.ts'
import * as repo from './flags.repository.ts'
import { FlagNotFound, FlagStatusConflict } from './flags.errors.ts'
import { toCsv } from '../http/csv.ts'
import type { FlagSettingsBody } from '../../shared/schemas/flags.ts'

export type FlagRow = NonNullable<Awaited<ReturnType<typeof repo.findFlag>>>
export type { FlagSettings } from './flags.repository.ts'

export function getSettings (db: Db) {
  return repo.findSettings(db)
}

export function toFlag (row: FlagRow) {
  const { lat, lng, ...rest } = row
  return { ...rest, location: lat === null || lng === null ? null : { lat, lng } }
}

export async function listFlags (db: Db, user: CurrentUser, filter: Omit<repo.FlagFilter, 'managerPremises'>, limit = 1000, offset = 0) {
  const scoped = isVenueManager(user) ? { ...filter, managerPremises: user.premisesIds } : filter
  const rows = await repo.findFlags(db, scoped, limit, offset)
  return { items: rows.map(toFlag), total: rows.length }
}

/** A flag the user may see; 403 for another venue's, 404 for one not yet acknowledged. */
export async function visibleFlag (db: Db, user: CurrentUser, id: number, forUpdate = false): Promise<FlagRow> {
  const flag = await repo.findFlag(db, id, forUpdate)
  if (!flag) throw new FlagNotFound(id)
  if (isVenueManager(user)) {
    if (!managesPremises(user, flag.premisesId)) throw new Forbidden(`You do not manage premises ${flag.premisesId}`)
    if (!flag.acknowledgedAt) throw new FlagNotFound(id)
  }
  return flag
}

export async function getFlag (db: Db, user: CurrentUser, id: number) {
  const flag = await visibleFlag(db, user, id)
  const events = await repo.flagEvents(db, id)
  return { ...toFlag(flag), events }
}

function cleanNote (note: string): string {
  const trimmed = note.trim()
  if (!trimmed) throw fieldError('note', 'Write a note: what was agreed or done')
  return trimmed
}

export async function acknowledgeFlag (db: Kysely<Database>, user: CurrentUser, id: number, note: string) {
  const text = cleanNote(note)
  return db.transaction().execute(async trx => {
    const flag = await visibleFlag(trx, user, id, true)
    if (flag.status !== 'open') throw new FlagStatusConflict(`Flag ${id} is ${flag.status}; only an open flag can be acknowledged`)
    const at = new Date()
    await repo.updateFlag(trx, id, { status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: user.id, acknowledgeNote: text })
    await repo.insertEvent(trx, { flagId: id, kind: 'acknowledged', level: flag.level, note: text, userId: user.id })
    await recordAudit(trx, { userId: user.id, action: 'flag.acknowledge', entity: 'flag', entityId: id, before: { status: flag.status }, after: { status: 'acknowledged', note: text } })
    return getFlag(trx, user, id)
  })
}

export async function resolveFlag (db: Kysely<Database>, user: CurrentUser, id: number, note: string) {
  const text = cleanNote(note)
  return db.transaction().execute(async trx => {
    const flag = await visibleFlag(trx, user, id, true)
    if (flag.status === 'resolved') throw new FlagStatusConflict(`Flag ${id} is already resolved`)
    await repo.updateFlag(trx, id, { status: 'resolved', resolvedAt: new Date(), resolvedBy: user.id, resolveNote: text })
    await repo.insertEvent(trx, { flagId: id, kind: 'resolved', level: flag.level, note: text, userId: user.id })
    await recordAudit(trx, { userId: user.id, action: 'flag.resolve', entity: 'flag', entityId: id, before: { status: flag.status }, after: { status: 'resolved', note: text } })
    return getFlag(trx, user, id)
  })
}

export async function latestRunWithEvaluations (db: Db) {
  const run = await repo.latestRun(db)
  if (!run) return { asOf: null, params: null, finishedAt: null, evaluations: [] }
  return { asOf: run.asOf, params: run.params, finishedAt: run.finishedAt, evaluations: await repo.runEvaluations(db, run.id) }
}

const CSV_COLUMNS = ['id', 'premisesId', 'premisesName', 'crimeGroup', 'basis', 'level', 'status', 'recent', 'recentLinked', 'recentProximate',
  'baseline', 'cityRecent', 'cityBaseline', 'lastYear', 'expected', 'ratio', 'p', 'q', 'firstRaisedAt', 'lastEvaluatedAt', 'explanation'] as const

export async function flagsCsv (db: Db, user: CurrentUser, filter: Omit<repo.FlagFilter, 'managerPremises'>): Promise<string> {
  const { items } = await listFlags(db, user, filter, 100000, 0)
  return toCsv(CSV_COLUMNS, items.map(item => CSV_COLUMNS.map(c => (item as Record<string, unknown>)[c])))
}

/** Changes the crime groups and, when sent, the sources of incidents flags count (kept as they are when left out). */
export async function updateSettings (db: Kysely<Database>, user: CurrentUser, body: FlagSettingsBody) {
  return db.transaction().execute(async trx => {
    const before = await repo.findSettings(trx)
    const settings = { groups: body.groups, sources: body.sources ? [...new Set(body.sources)] : before.sources }
    await repo.saveSettings(trx, settings)
    const after = await repo.findSettings(trx)
    await recordAudit(trx, { userId: user.id, action: 'flag.settings', entity: 'flag_settings', entityId: 1, before, after })
    return after
  })
}
