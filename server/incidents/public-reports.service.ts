// Incidents that come from residents' and businesses' concerns (source 'public'): the concerns
// domain records one when a report is confirmed, moves it when an officer attaches the report to
// a premises, and removes it when the report is merged into another or found abusive, so the map,
// hotspots and flags count each real concern once. The record carries no reporter detail and no
// words of the report, only what, when, where and its reference.
import type { Db } from '../db/types.ts'
import { lngLatToBng } from '../geo/bng.ts'
import { localMonthStart } from '../../shared/dates.ts'
import * as repo from './incidents.repository.ts'
import { findPremisesSummary } from '../premises/premises.public.ts'
import { attributeIncidents } from './attribution.service.ts'

export interface PublicReport {
  reference: string
  category: 'noise' | 'anti-social-behaviour'
  occurredAt: Date
  timePrecision: 'minute' | 'day'
  location: { lat: number; lng: number } | null
  locationText: string | null
  premisesId: number | null
  summary: string
}

async function placeOf (db: Db, report: Pick<PublicReport, 'location' | 'premisesId' | 'locationText'>) {
  const premises = report.premisesId ? await findPremisesSummary(db, report.premisesId) : undefined
  const point = report.location ?? (premises?.lat != null && premises.lng != null ? { lat: premises.lat, lng: premises.lng } : null)
  const grid = point ? lngLatToBng(point.lng, point.lat) : null
  return {
    lat: point?.lat ?? null, lng: point?.lng ?? null, easting: grid?.easting ?? null, northing: grid?.northing ?? null,
    locationText: report.locationText ?? (premises ? `${premises.name}, ${premises.address}` : null),
    premisesId: premises ? premises.id : null,
    attribution: premises ? 'linked' as const : 'none' as const
  }
}

/** Records the incident of a confirmed report; returns its id. */
export async function recordPublicReport (trx: Db, report: PublicReport, tz: string): Promise<number> {
  const place = await placeOf(trx, report)
  const { id } = await repo.insertIncident(trx, {
    source: 'public', externalId: report.reference, category: report.category, occurredAt: report.occurredAt,
    timePrecision: report.timePrecision, month: localMonthStart(report.occurredAt, tz), ...place, description: report.summary
  })
  if (!place.premisesId) await attributeIncidents(trx, [id])
  return id
}

/** The report was attached to a premises (or detached): the incident follows it. */
export async function movePublicReport (trx: Db, incidentId: number, report: Pick<PublicReport, 'location' | 'premisesId' | 'locationText'>) {
  const place = await placeOf(trx, report)
  await repo.updateIncidentRow(trx, incidentId, { ...place, candidatePremisesIds: null })
  if (!place.premisesId) await attributeIncidents(trx, [incidentId])
}

/** The report no longer counts (merged into another, or abusive). */
export async function removePublicReport (trx: Db, incidentId: number) {
  await trx.deleteFrom('incidents').where('id', '=', incidentId).where('source', '=', 'public').execute()
}
