// What other domains may use of flags: the crime groups in force (admin-editable flag settings,
// the one owner of which categories make up theft and violence), a venue's unresolved flags and
// the events of its flags (a visit's pack and the premises timeline), and which flags a user may
// read with the strongest of them per premises (the map feed).
import type { Db } from '../db/types.ts'
import { findFlags, findSettings, premisesFlagEvents, unresolvedLevels } from './flags.repository.ts'
import { FLAG_LEVELS, type FlagLevel } from '../../shared/schemas/flags.ts'
import { ALL_BUT_AUTHORITIES } from '../../shared/roles.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager } from '../auth/access.ts'

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
 * Which flags a user may read, as GET /api/flags and its routes' access decide: every flag, only
 * those an officer has acknowledged (a venue manager, of its own premises), or none (the other
 * responsible authorities).
 */
export type FlagVisibility = 'all' | 'acknowledged' | 'none'

export function flagVisibility (user: CurrentUser): FlagVisibility {
  if (!ALL_BUT_AUTHORITIES.includes(user.role)) return 'none'
  return isVenueManager(user) ? 'acknowledged' : 'all'
}

/** The strongest unresolved flag level of each of these premises that the visibility lets a user see (the map feed). */
export async function strongestFlagLevels (db: Db, premisesIds: number[], visibility: FlagVisibility): Promise<Map<number, FlagLevel>> {
  const levels = new Map<number, FlagLevel>()
  if (!premisesIds.length || visibility === 'none') return levels
  for (const row of await unresolvedLevels(db, premisesIds, visibility === 'acknowledged')) {
    const held = levels.get(row.premisesId)
    if (!held || FLAG_LEVELS.indexOf(row.level) < FLAG_LEVELS.indexOf(held)) levels.set(row.premisesId, row.level)
  }
  return levels
}
