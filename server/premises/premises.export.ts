// CSV and GeoJSON exports of the register (the current filter), for spreadsheets and GIS.
import type { PremisesDetail } from '../../shared/schemas/premises.ts'
import { toCsv } from '../http/csv.ts'

const CSV_COLUMNS: [string, (p: PremisesDetail) => unknown][] = [
  ['id', p => p.id],
  ['licence_number', p => p.licenceNumber],
  ['name', p => p.name],
  ['address', p => p.address],
  ['postcode', p => p.postcode],
  ['status', p => p.status],
  ['premises_type', p => p.premisesType],
  ['licence_holder', p => p.licenceHolder],
  ['dps_name', p => p.dpsName],
  ['activities', p => p.activities.join('; ')],
  ['capacity', p => p.capacity],
  ['latitude', p => p.location?.lat],
  ['longitude', p => p.location?.lng],
  ['safety_thirst_tier', p => p.safetyThirst?.tier],
  ['safety_thirst_valid_until', p => p.safetyThirst?.validUntil],
  ['conditions', p => p.conditions.map(c => `[Annex ${c.annex}] ${c.text}`).join(' | ')],
  ['demo', p => p.isDemo ? 'yes' : 'no']
]

export function premisesCsv (premises: PremisesDetail[]): string {
  return toCsv(CSV_COLUMNS.map(([name]) => name), premises.map(p => CSV_COLUMNS.map(([, get]) => get(p))))
}

/** A FeatureCollection of the mapped premises; premises without a location are counted in meta. */
export function toGeoJson (premises: PremisesDetail[]) {
  const mapped = premises.filter(p => p.location)
  return {
    type: 'FeatureCollection',
    features: mapped.map(p => ({
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [p.location!.lng, p.location!.lat] },
      properties: {
        id: p.id, name: p.name, address: p.address, postcode: p.postcode, licenceNumber: p.licenceNumber,
        licenceHolder: p.licenceHolder, dpsName: p.dpsName, premisesType: p.premisesType, activities: p.activities,
        capacity: p.capacity, status: p.status, safetyThirst: p.safetyThirst, conditions: p.conditions, isDemo: p.isDemo
      }
    })),
    meta: { total: premises.length, notMapped: premises.length - mapped.length }
  }
}
