// The police.uk sync as the route and the scheduled job run it: the configured API, the
// authority's boundary, and a 424 that says what to check when police.uk cannot be reached.
import type { FastifyInstance } from 'fastify'
import { loadBoundary } from '../geo/boundary.ts'
import { PoliceUkUnavailable as Unavailable } from './incidents.errors.ts'
import { PoliceUkUnavailable, syncPoliceUk, type SyncResult } from './police-uk-sync.ts'

export async function syncPoliceUkNow (app: FastifyInstance, userId: number | null = null): Promise<SyncResult> {
  const ring = loadBoundary().feature.geometry.coordinates[0]!.map(([lng, lat]) => [lng!, lat!] as [number, number])
  try {
    return await syncPoliceUk(app.db, { baseUrl: app.config.policeUkApiUrl, ring, tz: app.config.tzLocal, userId })
  } catch (error) {
    if (error instanceof PoliceUkUnavailable) throw new Unavailable(error.message)
    if (error instanceof TypeError) throw new Unavailable('police.uk could not be reached: check the network and POLICE_UK_API_URL, then try the sync again')
    throw error
  }
}
