// What other domains may use of visits and the traffic-light scheme: recompute the lights of
// premises whose points changed (an incident recorded or attributed), inside the caller's
// transaction, and read the stored lights (the map feed).
import type { Db } from '../db/types.ts'
import { premisesScope } from '../auth/access.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import * as repo from './traffic-light.repository.ts'

export { refreshTrafficLights } from './traffic-light.service.ts'

/** The stored light of each premises the user may see, by premises id (green when none is stored). */
export async function storedLights (db: Db, user: CurrentUser): Promise<Map<number, { light: 'green' | 'amber' | 'red'; points: number }>> {
  return new Map((await repo.listStates(db, premisesScope(user))).map(s => [s.premisesId, { light: s.light, points: s.points }]))
}
