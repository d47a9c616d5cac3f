// Rules of the licensing register: who sees which premises, who may change which fields, and
// every write in one transaction with its audit entry. A venue manager's list holds only its own
// premises (it reads other venues through the public register); it may change only contact and
// operating fields (MANAGER_FIELDS) of its own premises. `today` (the local date, from app.clock)
// decides which Safety Thirst awards are current.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { assertPremisesAccess, isVenueManager, premisesScope } from '../auth/access.ts'
import { currentAwards } from '../safety-thirst/safety-thirst.public.ts'
import { reattributeNearPremises } from '../incidents/incidents.public.ts'
import { parseBbox } from '../geo/bbox.ts'
import { MANAGER_FIELDS, type PremisesDetail, type PremisesInput, type PremisesListQuery } from '../../shared/schemas/premises.ts'
import * as repo from './premises.repository.ts'
import { LicenceFieldsForbidden, LicenceNumberTaken, PremisesNotFound } from './premises.errors.ts'
import { toColumns, toDetail, toPremises, toRegisterDetail } from './premises.present.ts'

export type ListQuery = PremisesListQuery

function filterOf (query: Omit<ListQuery, 'limit' | 'offset'>, ids?: number[]) {
  return { q: query.q, bbox: parseBbox(query.bbox), status: query.status, ids }
}

/** A page of the register with each premises' current Safety Thirst award. */
export async function listRegister (db: Db, query: ListQuery, today: string, ids?: number[]) {
  const { rows, total } = await repo.listPremises(db, { ...filterOf(query, ids), limit: query.limit, offset: query.offset })
  const awards = rows.length ? await currentAwards(db, rows.map(r => r.id), today) : new Map()
  return { items: rows.map(row => toPremises(row, awards.get(row.id))), total }
}

/** GET /api/premises: a venue manager's list holds only its own premises. */
export function listForUser (db: Db, user: CurrentUser, query: ListQuery, today: string) {
  return listRegister(db, query, today, premisesScope(user))
}

async function loadDetail (db: Db, id: number, today: string): Promise<PremisesDetail | undefined> {
  const row = await repo.findPremises(db, id)
  if (!row) return undefined
  const [conditions, managers, awards] = await Promise.all([repo.listConditions(db, id), repo.listManagers(db, id), currentAwards(db, [id], today)])
  return toDetail(row, awards.get(id), conditions, managers)
}

export async function getForUser (db: Db, user: CurrentUser, id: number, today: string): Promise<PremisesDetail> {
  assertPremisesAccess(user, id)
  const detail = await loadDetail(db, id, today)
  if (!detail) throw new PremisesNotFound(String(id))
  return detail
}

/** The public register entry: statutory fields and conditions, no contact details of people or managers. */
export async function getPublic (db: Db, id: number, today: string): Promise<PremisesDetail> {
  const row = await repo.findPremises(db, id)
  if (!row) throw new PremisesNotFound(String(id))
  const [conditions, awards] = await Promise.all([repo.listConditions(db, id), currentAwards(db, [id], today)])
  return toRegisterDetail(row, awards.get(id), conditions.map(c => ({ annex: c.annex, text: c.text })))
}

async function assertLicenceNumberFree (db: Db, licenceNumber: string | null | undefined, exceptId?: number) {
  if (!licenceNumber) return
  const other = await repo.findByLicenceNumber(db, licenceNumber)
  if (other && other.id !== exceptId) throw new LicenceNumberTaken(licenceNumber)
}

export async function createPremises (db: Kysely<Database>, actorId: number | null, input: PremisesInput, today: string): Promise<PremisesDetail> {
  return db.transaction().execute(async trx => {
    const values = toColumns(input)
    await assertLicenceNumberFree(trx, values.licenceNumber)
    const row = await repo.insertPremises(trx, { ...values, name: values.name!, source: 'manual' })
    if (input.conditions?.length) await repo.replaceConditions(trx, row.id, input.conditions)
    const created = (await loadDetail(trx, row.id, today))!
    await recordAudit(trx, { userId: actorId, action: 'create', entity: 'premises', entityId: row.id, after: created })
    if (row.lat !== null) await reattributeNearPremises(trx, [row.id])
    return created
  })
}

/** The input fields a venue manager may not change. */
export function licenceFieldsIn (input: PremisesInput): string[] {
  return Object.keys(input).filter(key => !(MANAGER_FIELDS as readonly string[]).includes(key))
}

export async function updatePremises (db: Kysely<Database>, user: CurrentUser, id: number, input: PremisesInput, today: string): Promise<PremisesDetail> {
  assertPremisesAccess(user, id)
  if (isVenueManager(user)) {
    const forbidden = licenceFieldsIn(input)
    if (forbidden.length) throw new LicenceFieldsForbidden(forbidden.join(', '))
  }
  return db.transaction().execute(async trx => {
    const current = await repo.findPremises(trx, id, true)
    if (!current) throw new PremisesNotFound(String(id))
    const before = (await loadDetail(trx, id, today))!
    const values = toColumns(input)
    await assertLicenceNumberFree(trx, values.licenceNumber, id)
    await repo.updatePremises(trx, id, values)
    if (input.conditions !== undefined) await repo.replaceConditions(trx, id, input.conditions)
    const after = (await loadDetail(trx, id, today))!
    await recordAudit(trx, { userId: user.id, action: 'update', entity: 'premises', entityId: id, before, after })
    const moved = input.location !== undefined && (current.lat !== values.lat || current.lng !== values.lng)
    // Only current premises attract incidents, so opening or closing one re-attributes them too.
    const reopenedOrClosed = values.status !== undefined && values.status !== current.status
    if (moved || reopenedOrClosed) await reattributeNearPremises(trx, [id])
    return after
  })
}

/** Every premises matching the filter, for the CSV and GeoJSON exports. */
export function exportRows (db: Db, user: CurrentUser, query: Omit<ListQuery, 'limit' | 'offset'>, today: string) {
  return registerRows(db, filterOf(query, premisesScope(user)), today)
}

/** Every entry of the public register, as the public register shows it (the open-data download). */
export function publicRegisterRows (db: Db, today: string) {
  return registerRows(db, filterOf({}), today)
}

async function registerRows (db: Db, filter: ReturnType<typeof filterOf>, today: string) {
  const rows = await repo.allPremises(db, filter)
  const [awards, conditions] = await Promise.all([currentAwards(db, rows.map(r => r.id), today), repo.conditionsFor(db, rows.map(r => r.id))])
  const byPremises = new Map<number, { annex: number; text: string }[]>()
  for (const c of conditions) byPremises.set(c.premisesId, [...(byPremises.get(c.premisesId) ?? []), { annex: c.annex, text: c.text }])
  return rows.map(row => toRegisterDetail(row, awards.get(row.id), byPremises.get(row.id) ?? []))
}
