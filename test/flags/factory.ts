// Small factories for the flags tests: venues placed in BNG metres, and incidents stored and
// attributed through the incidents domain (so flags count what the incidents pages show).
import type { Db } from '../../server/db/types.ts'
import { bngToLngLat } from '../../server/geo/bng.ts'
import { createPremises } from '../fixtures/premises.ts'
import { recordIncidents } from '../../server/incidents/incidents.public.ts'

export const ORIGIN = { easting: 532300, northing: 181200 }

export async function venueAt (db: Db, name: string, dx: number, dy: number, extra: Record<string, unknown> = {}) {
  const { lng, lat } = bngToLngLat(ORIGIN.easting + dx, ORIGIN.northing + dy)
  return createPremises(db, { name, location: { lat, lng }, ...extra })
}

export interface IncidentSpec {
  category: string
  /** ISO timestamp (minute precision) or YYYY-MM (month precision). */
  at: string
  /** Metres from ORIGIN, or null for no location. */
  dx?: number
  dy?: number
  noLocation?: boolean
  premisesId?: number
  description?: string
}

export async function insertIncidents (db: Db, specs: IncidentSpec[]) {
  const rows = specs.map(s => {
    const month = /^\d{4}-\d{2}$/.test(s.at)
    const e = ORIGIN.easting + (s.dx ?? 0)
    const n = ORIGIN.northing + (s.dy ?? 0)
    const ll = s.noLocation ? null : bngToLngLat(e, n)
    return {
      source: month ? 'police_uk' as const : 'police' as const,
      category: s.category,
      occurredAt: month ? `${s.at}-01T00:00:00Z` : s.at,
      timePrecision: month ? 'month' as const : 'minute' as const,
      month: month ? `${s.at}-01` : s.at.slice(0, 7) + '-01',
      lat: ll?.lat ?? null, lng: ll?.lng ?? null,
      easting: ll ? e : null, northing: ll ? n : null,
      premisesId: s.premisesId ?? null,
      attribution: s.premisesId ? 'linked' as const : 'none' as const,
      description: s.description ?? '[test]'
    }
  })
  await recordIncidents(db, rows)
}

/** n timestamps spread evenly over [from, to) local dates, at 22:30 UTC-ish (a night). */
export function spread (from: string, to: string, n: number): string[] {
  const start = Date.parse(from + 'T12:00:00Z')
  const days = Math.round((Date.parse(to + 'T12:00:00Z') - start) / 86400000)
  return Array.from({ length: n }, (_, i) => new Date(start + Math.floor((i + 0.5) * days / n) * 86400000 + 10.5 * 3600000).toISOString())
}
