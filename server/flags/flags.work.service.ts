// Flags' part of "Today": open flags for officers and police to acknowledge or resolve; for a
// venue manager, flags an officer has acknowledged at its venues and not yet resolved. A flag has
// no statutory deadline, so these items carry none.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager } from '../auth/access.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import * as repo from './flags.repository.ts'

export async function flagsWork (db: Db, user: CurrentUser, _today: string): Promise<WorkItem[]> {
  if (isVenueManager(user)) {
    return (await repo.flagsToFollowUp(db, user.premisesIds)).map(f => ({
      kind: 'flag_at_venue', title: `A ${f.level} ${f.crimeGroup} flag at ${f.premisesName}: see what the licensing team asks`,
      premisesId: f.premisesId, overdue: false, link: `/flags/${f.id}`
    }))
  }
  if (!['admin', 'licensing_officer', 'police'].includes(user.role)) return []
  return (await repo.flagsToFollowUp(db)).map(f => ({
    kind: 'flag_open', title: `Follow up the ${f.level} ${f.crimeGroup} flag at ${f.premisesName}`,
    premisesId: f.premisesId, overdue: false, link: `/flags/${f.id}`
  }))
}
