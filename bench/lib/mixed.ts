// The mixed load of issue 16's targets: 50 connections for 60 s of what a busy Friday brings at
// once (the map feed, hotspots with varying filters, the incident list, incident writes and
// logins) against one app process, with its peak memory, its p99, its errors and a check that
// every write it acknowledged is stored.
import type { AppProcess } from './app-process.ts'
import { BENCH_PASSWORD } from './database.ts'
import { runLoad, type LoadResult } from './load.ts'
import { ROLE_EMAILS } from './prepared.ts'

/**
 * What docs/configuration.md ("Memory") recommends for a server-mode instance on a 512 MiB box: the
 * live JavaScript heap under this load stays near 60 MiB after a full collection, but left to its
 * own heuristics V8 lets garbage grow the old generation to several hundred MiB before it collects.
 */
export const SERVER_NODE_OPTIONS = '--max-old-space-size=320'

export const MIXED_CONNECTIONS = 50
export const MIXED_SECONDS = 60

export interface MixedLoad extends LoadResult { peakRssMiB: number; acknowledged: number; stored: number }

/**
 * Runs the mix against `app`; `mapPath` is the map feed the client asks for. Autocannon sends each
 * connection through the list in turn, so a third of the requests are hotspot maps (four different
 * filters, none answered from another's work), and one in nine each of writes and logins.
 */
export async function mixedLoad (app: AppProcess, police: Record<string, string>, mapPath: string): Promise<MixedLoad> {
  const json = { ...police, 'content-type': 'application/json' }
  const total = async () => {
    const res = await fetch(`${app.url}/api/incidents?limit=1`, { headers: police })
    if (res.status !== 200) throw new Error(`GET /api/incidents → ${res.status} ${(await res.text()).slice(0, 200)}`)
    return (await res.json() as { total: number }).total
  }
  const before = await total()
  const hotspots = (query: string) => ({ path: `/api/hotspots?${query}`, headers: police })
  const result = await runLoad({
    url: app.url, connections: MIXED_CONNECTIONS, seconds: MIXED_SECONDS,
    requests: [
      { path: mapPath, headers: police },
      hotspots('from=2025-12-01&to=2025-12-31&days=fri,sat&hours=22-04&cell=50'),
      { path: '/api/incidents?limit=50', headers: police },
      hotspots('from=2025-01-01&to=2025-12-31&cell=50'),
      { method: 'POST', path: '/api/incidents', headers: json, body: JSON.stringify({ category: 'violent-crime', occurredAt: '2025-12-19T23:30:00Z', location: { lat: 51.5145, lng: -0.0925 } }) },
      hotspots('from=2025-11-01&to=2025-11-30&categories=violent-crime,robbery&cell=100'),
      { path: mapPath, headers: police },
      hotspots('from=2025-06-01&to=2025-08-31&cell=75&weight=harm'),
      { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ROLE_EMAILS.licensing_officer, password: BENCH_PASSWORD }) }
    ]
  })
  const peakRssMiB = app.peakRssMiB()
  const acknowledged = result.statusCounts['201'] ?? 0
  // At least, not exactly: a write in flight when the clock stopped may be stored unanswered.
  const stored = (await total()) - before
  return { ...result, peakRssMiB, acknowledged, stored }
}

/** Whether the run meets the targets other than memory: no errors, every write kept, p99 ≤ 1 s. */
export const mixedPasses = (m: MixedLoad) => m.errors === 0 && m.timeouts === 0 && m.non2xx === 0 && m.stored >= m.acknowledged && m.acknowledged > 0 && m.p99 <= 1000

export const describeMixed = (m: MixedLoad) =>
  `${m.requests} requests, ${m.reqPerSec.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms; statuses ${JSON.stringify(m.statusCounts)}, ${m.errors} errors, ${m.timeouts} timeouts; ${m.acknowledged} writes acknowledged, ${m.stored} stored`
