// What other domains may use of flags: the crime groups in force (admin-editable flag settings,
// the one owner of which categories make up theft and violence).
import type { Db } from '../db/types.ts'
import { findSettings } from './flags.repository.ts'

export async function crimeGroups (db: Db): Promise<Record<string, string[]>> {
  return (await findSettings(db)).groups
}

/** Flags' part of "Today" (server/work gathers every domain's). */
export { flagsWork as workItems } from './flags.work.service.ts'
