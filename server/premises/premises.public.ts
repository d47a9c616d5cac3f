// What other domains may use of the licensing register: a premises' summary, "load it or 404"
// with the one PREMISES_NOT_FOUND error, and the lists other domains work over (mapped current
// venues, current premises with a manager), and the changes a licensing decision makes to a
// licence (conditions under Annex 3, excluded activities, the DPS, suspension and revocation)
// with the conditions and activities a decision refers to. Other domains never query the
// premises tables for these themselves.
import type { Db } from '../db/types.ts'
import { PremisesNotFound } from './premises.errors.ts'
import * as repo from './premises.repository.ts'

export { PremisesNotFound }
export type { PremisesSummary } from './premises.repository.ts'
export { publicRegisterRows } from './premises.service.ts'
export { applyLicenceDecision, licenceConditions, licensedActivities, HEARING_ANNEX, type LicenceDecisionChanges } from './premises.licence-changes.ts'

/** The premises' summary (name, address, status, location), or undefined. `lock` takes its row lock in the caller's transaction. */
export function findPremisesSummary (db: Db, id: number, options: { lock?: boolean } = {}) {
  return repo.findSummary(db, id, options.lock ?? false)
}

/** The premises' summary, or a 404 PREMISES_NOT_FOUND. */
export async function requirePremises (db: Db, id: number, options: { lock?: boolean } = {}) {
  const premises = await findPremisesSummary(db, id, options)
  if (!premises) throw new PremisesNotFound(String(id))
  return premises
}

/** Current premises with a location: the venues flags evaluate, in id order. */
export function mappedCurrentPremises (db: Db) {
  return repo.mappedCurrentPremises(db)
}

/** Current premises with a location, name and address: what a free-text place is matched against (A&E records). */
export function mappedCurrentRegister (db: Db) {
  return repo.mappedCurrentRegister(db)
}

/** Current premises with at least one venue manager account, in id order. */
export function currentPremisesWithManagers (db: Db) {
  return repo.currentPremisesWithManagers(db)
}

/** The licence as other domains need it (visit checklists, a visit's offline pack): the row and its conditions by annex. */
export async function findPremisesRecord (db: Db, id: number) {
  const row = await repo.findPremises(db, id)
  if (!row) return undefined
  return { ...row, conditions: await repo.listConditions(db, id) }
}
export type PremisesRecord = NonNullable<Awaited<ReturnType<typeof findPremisesRecord>>>

/** Names and addresses of these premises (lists in other domains). */
export function premisesNames (db: Db, ids: number[]) {
  return repo.namesOf(db, ids)
}

/** Mapped premises inside the box, optionally only these ids: id, name, status, lat, lng (the map feed). */
export function mapPoints (db: Db, filter: { bbox?: [number, number, number, number]; ids?: number[] }) {
  return repo.mapPoints(db, filter)
}
