// A deterministic City scenario for the DB-backed flag tests: a December peak across the City
// (three times the usual rate), a venue whose share stays steady, and one whose share triples.
import type { Db } from '../../server/db/types.ts'
import { insertIncidents, spread, venueAt, type IncidentSpec } from './factory.ts'

export const AS_OF = '2025-01-06'
export const R_FROM = '2024-12-09'
export const B_FROM = '2023-12-11'

export async function decemberScenario (db: Db) {
  const riser = await venueAt(db, 'The Rising Arms', 0, 0)
  const steady = await venueAt(db, 'The Steady Tavern', 300, 0)
  const quiet = await venueAt(db, 'The Quiet Inn', 0, 300)
  const specs: IncidentSpec[] = []
  // City background away from every venue: 100 per 28 days in the baseline, 300 in the December window.
  for (const at of spread(B_FROM, R_FROM, 1300)) specs.push({ category: 'violent-crime', at, dx: -600, dy: -600 })
  for (const at of spread(R_FROM, AS_OF, 300)) specs.push({ category: 'violent-crime', at, dx: -600, dy: 600 })
  // Steady: 2 per 28 days in the baseline, 6 in the peak (its share unchanged).
  for (const at of spread(B_FROM, R_FROM, 26)) specs.push({ category: 'violent-crime', at, dx: 300, dy: 0, premisesId: steady.id })
  for (const at of spread(R_FROM, AS_OF, 6)) specs.push({ category: 'violent-crime', at, dx: 305, dy: 3 })
  // Riser: the same baseline, then 18 in the peak (three times its share): 12 linked, 6 within 20 m.
  for (const at of spread(B_FROM, R_FROM, 26)) specs.push({ category: 'violent-crime', at, premisesId: riser.id })
  for (const at of spread(R_FROM, AS_OF, 12)) specs.push({ category: 'violent-crime', at, premisesId: riser.id })
  for (const at of spread(R_FROM, AS_OF, 6)) specs.push({ category: 'drink-spiking', at, dx: 8, dy: -10 })
  // Theft at the quiet venue, steady.
  for (const at of spread(B_FROM, AS_OF, 30)) specs.push({ category: 'other-theft', at, dx: 0, dy: 305 })
  for (const at of spread(B_FROM, AS_OF, 400)) specs.push({ category: 'other-theft', at, dx: 900, dy: 900 })
  await insertIncidents(db, specs)
  return { riser, steady, quiet }
}
