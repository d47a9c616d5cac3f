// What other domains may use of the incidents domain: attribution (the one rule saying which
// incidents count for which venue, docs/analytics.md, "Rising theft or violence") and counts by it, re-attribution when
// premises change, recording synthetic or imported incidents with their attribution, and the
// configured harm weights; the incidents of public reports (concerns); counts by month (indicators).
import type { Insertable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { IncidentsTable } from './incidents.tables.ts'
import { attributeIncidents } from './attribution.service.ts'
import * as repo from './incidents.repository.ts'

export { reattributeNearPremises } from './attribution.service.ts'
export { getAttributionSettings } from './attribution.repository.ts'
export { countAttributedIncidents, countRawIncidents, attributedIncidentsOf, latestCompleteMonth, type AttributedIncident, type CountRow, type CountWindow, type Precision } from './attributed-counts.repository.ts'
export { loadHarmWeights } from './harm.ts'
export { recordPublicReport, movePublicReport, removePublicReport, type PublicReport } from './public-reports.service.ts'
export { aggregateZone } from './aggregates.repository.ts'
export { countIncidentsByMonth, countRepeatPlacesByMonth, type MonthlyCountQuery } from './monthly-counts.repository.ts'

/** Store incidents and attribute those not recorded against a premises (demo data). */
export async function recordIncidents (db: Db, rows: Insertable<IncidentsTable>[]): Promise<number[]> {
  const ids = await repo.insertIncidents(db, rows)
  await attributeIncidents(db, ids)
  return ids
}

/** Incidents counted for a premises between two local dates, newest first (a visit's pack, the premises timeline); never police-only notes. */
export async function incidentsAttributedTo (db: Db, premisesId: number, window: { from?: string; to?: string; limit: number }, tz: string) {
  const { items } = await repo.listIncidents(db, { attributedTo: premisesId, from: window.from, to: window.to }, tz, { limit: window.limit, offset: 0 })
  return items.map(i => ({
    id: i.id, category: i.category, occurredAt: new Date(i.occurredAt).toISOString(), timePrecision: i.timePrecision,
    locationText: i.locationText, description: i.description, outcome: i.outcome, source: i.source, attribution: i.attribution
  }))
}
