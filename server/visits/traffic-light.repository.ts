// Queries on the traffic-light tables: settings, remedy credits, each premises' current light
// and the history of its changes.
import type { Db } from '../db/types.ts'
import type { TrafficLightColour, TrafficLightSettings } from '../../shared/schemas/traffic-light.ts'

export const DEFAULT_SETTINGS: TrafficLightSettings = { penaltyPoints: { theft: 1, violence: 2 }, breachPoints: 2, creditPoints: 3, amberAt: 6, redAt: 12, windowDays: 365 }

export async function findSettings (db: Db): Promise<TrafficLightSettings> {
  const row = await db.selectFrom('trafficLightSettings').selectAll().where('id', '=', 1).executeTakeFirst()
  if (!row) return DEFAULT_SETTINGS
  return { penaltyPoints: row.penaltyPoints as Record<string, number>, breachPoints: row.breachPoints, creditPoints: row.creditPoints, amberAt: row.amberAt, redAt: row.redAt, windowDays: row.windowDays }
}

export async function saveSettings (db: Db, settings: TrafficLightSettings, userId: number): Promise<void> {
  const values = { ...settings, penaltyPoints: JSON.stringify(settings.penaltyPoints), updatedBy: userId, updatedAt: new Date() }
  await db.insertInto('trafficLightSettings').values({ id: 1, ...values }).onConflict(oc => oc.column('id').doUpdateSet(values)).execute()
}

export function insertCredit (db: Db, values: { premisesId: number; recordedOn: string; note: string; userId: number }) {
  return db.insertInto('trafficLightCredits').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Credits recorded on days within [from, to). */
export function creditsBetween (db: Db, premisesId: number, from: string, to: string) {
  return db.selectFrom('trafficLightCredits').selectAll().where('premisesId', '=', premisesId)
    .where('recordedOn', '>=', from).where('recordedOn', '<', to).orderBy('recordedOn', 'desc').orderBy('id', 'desc').execute()
}

export function findState (db: Db, premisesId: number, lock = false) {
  let query = db.selectFrom('trafficLightStates').selectAll().where('premisesId', '=', premisesId)
  if (lock) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function saveState (db: Db, premisesId: number, light: TrafficLightColour, points: number, changed: boolean): Promise<void> {
  const now = new Date()
  await db.insertInto('trafficLightStates').values({ premisesId, light, points, since: now, computedAt: now })
    .onConflict(oc => oc.column('premisesId').doUpdateSet(changed ? { light, points, since: now, computedAt: now } : { points, computedAt: now })).execute()
}

export function insertChange (db: Db, values: { premisesId: number; fromLight: TrafficLightColour | null; toLight: TrafficLightColour; points: number }) {
  return db.insertInto('trafficLightChanges').values(values).execute()
}

export function changesOf (db: Db, premisesId: number, limit = 50) {
  return db.selectFrom('trafficLightChanges').select(['at', 'fromLight', 'toLight', 'points'])
    .where('premisesId', '=', premisesId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/** Current lights (not green unless asked), for the map and the lists; `premisesIds` limits them. */
export function listStates (db: Db, premisesIds?: number[]) {
  let query = db.selectFrom('trafficLightStates').select(['premisesId', 'light', 'points', 'since'])
  if (premisesIds) query = query.where('premisesId', 'in', premisesIds.length ? premisesIds : [-1])
  return query.orderBy('premisesId').execute()
}
