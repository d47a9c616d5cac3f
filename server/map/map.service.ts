// The lean map feed: the premises in a box with only what the premises layer draws (shared/schemas/map.ts),
// serialised once per (data version, local date, scope, box) and kept in a bounded cache of this
// process. The data version lives in the database and changes in the commit of every write that
// could change the feed, so each process sees another's write on its next request: it reads the
// version first, then (on a miss) the data, so a cached answer is never older than its version.
// The local date is part of the key because awards expire and plan reviews fall due by the day.
import { LRUCache } from 'lru-cache'
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Bbox } from '../geo/bbox.ts'
import { premisesScope } from '../auth/access.ts'
import { mapPoints } from '../premises/premises.public.ts'
import { currentAwards } from '../safety-thirst/safety-thirst.public.ts'
import { flagVisibility, strongestFlagLevels, type FlagVisibility } from '../flags/flags.public.ts'
import { planStates } from '../plans/plans.public.ts'
import { etagOf } from '../http/etag.ts'
import type { MapPremisesCollection, MapPremisesFeature } from '../../shared/schemas/map.ts'
import { dataVersion } from './map.repository.ts'

/** Whose view: the flags the flags domain lets the user read; a venue manager's own premises only. */
interface FeedScope { flags: FlagVisibility; ids?: number[] }

export interface FeedAnswer { body: string; etag: string }

function scopeOf (user: CurrentUser): FeedScope {
  const ids = premisesScope(user)
  // Sorted, so the cache key is the same whatever order the premises were granted in.
  return { flags: flagVisibility(user), ids: ids && [...ids].sort((a, b) => a - b) }
}

const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5

async function buildFeed (db: Db, scope: FeedScope, bbox: Bbox | undefined, today: string): Promise<MapPremisesCollection> {
  const points = await mapPoints(db, { bbox, ids: scope.ids })
  const ids = points.map(p => p.id)
  const [awards, flags, plans] = await Promise.all([
    currentAwards(db, ids, today),
    strongestFlagLevels(db, ids, scope.flags),
    planStates(db, ids, today)
  ])
  const features = points.map((p): MapPremisesFeature => {
    const properties: MapPremisesFeature['properties'] = { n: p.name, s: p.status }
    const tier = awards.get(p.id)?.tier
    if (tier) properties.t = tier
    const flag = flags.get(p.id)
    if (flag) properties.f = flag
    const plan = plans.get(p.id)
    if (plan) properties.p = plan
    return { type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [round(p.lng!), round(p.lat!)] }, properties }
  })
  return { type: 'FeatureCollection', features }
}

/** What a build needs beyond its key (the key is made from the same values). */
interface BuildContext { db: Db; scope: FeedScope; bbox: Bbox | undefined; today: string }

/** One per app instance: its cache of serialised answers, bounded by size in bytes. */
export function createMapFeed (maxBytes: number) {
  // lru-cache's fetch makes requests that miss together wait for one build instead of each
  // querying, and keeps no answer larger than the whole cache (it is served, not kept). A build
  // whose placeholder is evicted meanwhile still answers its callers (ignoreFetchAbort).
  const cache = new LRUCache<string, FeedAnswer, BuildContext>({
    maxSize: maxBytes,
    sizeCalculation: answer => Math.max(1, answer.body.length),
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context }) => {
      const body = JSON.stringify(await buildFeed(context.db, context.scope, context.bbox, context.today))
      return { body, etag: etagOf(body) }
    }
  })

  return {
    async answer (db: Db, user: CurrentUser, bbox: Bbox | undefined, today: string): Promise<FeedAnswer> {
      const version = await dataVersion(db)
      const scope = scopeOf(user)
      const key = `${version}|${today}|${scope.flags}|${scope.ids?.join(',') ?? '*'}|${bbox?.join(',') ?? '*'}`
      const answer = await cache.fetch(key, { context: { db, scope, bbox, today } })
      // fetchMethod always returns an answer or throws, so undefined cannot come back.
      return answer!
    }
  }
}
