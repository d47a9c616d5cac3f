// What other domains may use of flags: the crime groups in force (admin-editable flag settings,
// the one owner of which categories make up theft and violence), a venue's unresolved flags and
// the events of its flags (a visit's pack and the premises timeline).
import type { Db } from '../db/types.ts'
import { findFlags, findSettings, premisesFlagEvents, unresolvedLevels } from './flags.repository.ts'
import { FLAG_LEVELS, type FlagLevel } from '../../shared/schemas/flags.ts'

export async function crimeGroups (db: Db): Promise<Record<string, string[]>> {
  return (await findSettings(db)).groups
}

/** Flags' part of "Today" (server/work gathers every domain's). */
export { flagsWork as workItems } from './flags.work.service.ts'

/** A premises' open and acknowledged flags, strongest first (a visit's offline pack). */
export async function unresolvedFlagsOf (db: Db, premisesId: number) {
  const rows = [...await findFlags(db, { premisesId, status: 'open' }, 50, 0), ...await findFlags(db, { premisesId, status: 'acknowledged' }, 50, 0)]
  return rows.map(f => ({ id: f.id, crimeGroup: f.crimeGroup, level: f.level, status: f.status, explanation: f.explanation, firstRaisedAt: f.firstRaisedAt.toISOString() }))
}

/** Every event of a premises' flags (raised, acknowledged, resolved, …) for its timeline. */
export function flagEventsOfPremises (db: Db, premisesId: number) {
  return premisesFlagEvents(db, premisesId)
}

/**
 * The strongest unresolved flag level of each of these premises (the map feed). A venue
 * manager's view counts only flags an officer has acknowledged, as GET /api/flags does.
 */
export async function strongestFlagLevels (db: Db, premisesIds: number[], options: { acknowledgedOnly: boolean }): Promise<Map<number, FlagLevel>> {
  const levels = new Map<number, FlagLevel>()
  if (!premisesIds.length) return levels
  for (const row of await unresolvedLevels(db, premisesIds, options.acknowledgedOnly)) {
    const held = levels.get(row.premisesId)
    if (!held || FLAG_LEVELS.indexOf(row.level) < FLAG_LEVELS.indexOf(held)) levels.set(row.premisesId, row.level)
  }
  return levels
}
