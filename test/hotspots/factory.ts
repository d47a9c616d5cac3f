// Factory for incident rows in hotspot tests (inserted directly; the incidents domain's own
// services are not needed to test counting). Places by BNG metres or lat/lng; times in UTC.
import type { Db } from '../../server/db/types.ts'
import { bngToLngLat, lngLatToBng } from '../../server/geo/bng.ts'

let counter = 0

export interface IncidentSpec {
  category?: string
  /** ISO instant, e.g. '2024-12-06T23:15:00Z'; for month precision any instant in the month. */
  at: string
  precision?: 'minute' | 'day' | 'month'
  easting?: number
  northing?: number
  lat?: number
  lng?: number
  locationText?: string
}

/** The City centre in BNG, handy for placing incidents inside analysis cells. */
export const CITY = { easting: 532500, northing: 181300 }

export async function createIncidents (db: Db, specs: IncidentSpec[]) {
  if (specs.length === 0) return []
  const rows = specs.map(s => {
    counter += 1
    let { easting, northing, lat, lng } = s
    if (easting === undefined || northing === undefined) {
      const bng = lngLatToBng(lng!, lat!)
      easting = bng.easting
      northing = bng.northing
    } else if (lat === undefined || lng === undefined) {
      const ll = bngToLngLat(easting, northing)
      lat = ll.lat
      lng = ll.lng
    }
    const precision = s.precision ?? 'minute'
    const month = precision === 'month' ? `${s.at.slice(0, 7)}-01` : s.at.slice(0, 7) + '-01'
    return {
      source: 'police' as const, externalId: `hotspot-test-${counter}`, category: s.category ?? 'violent-crime',
      occurredAt: s.at, timePrecision: precision, month, lat, lng, easting, northing, locationText: s.locationText ?? 'On or near Test Street'
    }
  })
  const out = []
  for (let i = 0; i < rows.length; i += 500) {
    out.push(...await db.insertInto('incidents').values(rows.slice(i, i + 500)).returning('id').execute())
  }
  return out
}
