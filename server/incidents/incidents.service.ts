// Rules of the incidents domain: who sees which incidents (a venue manager only its own
// premises', never police-only notes), recording and editing (audited), trend by month.
import type { Db } from '../db/types.ts'
import type { Clock } from '../clock.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { assertPremisesAccess, isVenueManager, premisesScope } from '../auth/access.ts'
import { Forbidden, fieldError } from '../errors.ts'
import { lngLatToBng } from '../geo/bng.ts'
import { parseBbox } from '../geo/bbox.ts'
import type { Incident, IncidentInput, IncidentQuery } from '../../shared/schemas/incidents.ts'
import { IncidentNotFound, IncidentReadOnly, IncidentWindowClosed } from './incidents.errors.ts'
import { changeRights, type EditWindow, type Refusal } from './edit-window.ts'
import * as repo from './incidents.repository.ts'
import { attributeIncidents } from './attribution.service.ts'
import { refreshTrafficLights } from '../visits/visits.public.ts'
import { findPremisesSummary, type PremisesSummary } from '../premises/premises.public.ts'
import { localMonthStart, localToUtc } from '../../shared/dates.ts'
import type { IncidentsTable } from './incidents.tables.ts'

export { syncAggregateZone } from './aggregates.repository.ts'

export type { IncidentInput, IncidentQuery, EditWindow }

function refuse (refusal: Refusal, readOnly: boolean): never {
  if (refusal.status === 403) throw new Forbidden(refusal.message)
  throw readOnly ? new IncidentReadOnly(refusal.message) : new IncidentWindowClosed(refusal.message)
}

export function toFilter (user: CurrentUser, q: IncidentQuery): repo.IncidentFilter {
  if (q.from && q.to && q.from > q.to) throw fieldError('to', 'The end date must be on or after the start date')
  if (q.premisesId) assertPremisesAccess(user, q.premisesId)
  const bbox = parseBbox(q.bbox)
  return {
    from: q.from, to: q.to, bbox, source: q.source, attribution: q.attribution, premisesId: q.premisesId,
    categories: q.categories ? q.categories.split(',') : undefined,
    scope: premisesScope(user)
  }
}

/** The incident as this user may see it; with the edit window, what they may still do with it. */
export function present (row: repo.IncidentRow, user: CurrentUser, window?: EditWindow): Incident {
  const manager = isVenueManager(user)
  const rights = window ? changeRights(row, user, window) : null
  const incident: Incident = {
    id: row.id,
    source: row.source,
    externalId: row.externalId,
    category: row.category,
    occurredAt: new Date(row.occurredAt).toISOString(),
    timePrecision: row.timePrecision,
    occurredTo: row.occurredTo ? new Date(row.occurredTo).toISOString() : null,
    classification: row.classification,
    month: String(row.month).slice(0, 7),
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    locationText: row.locationText,
    lsoaCode: row.lsoaCode,
    premisesId: row.premisesId,
    premisesName: row.premisesName ?? null,
    attribution: row.attribution,
    candidatePremisesIds: row.candidatePremisesIds ?? [],
    outcome: row.outcome,
    description: row.description,
    editable: rights?.editable ?? false,
    deletable: rights?.deletable ?? false,
    changeableUntil: rights?.changeableUntil ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString()
  }
  // Belt and braces: the venue-manager response schema has no such fields either.
  if (!manager) Object.assign(incident, { policeOnlyNotes: row.policeOnlyNotes, reportedBy: row.reportedBy, reportedByName: row.reportedByName ?? null })
  return incident
}

export async function listIncidents (db: Db, user: CurrentUser, q: IncidentQuery & { limit: number; offset: number }, window: EditWindow) {
  const { items, total } = await repo.listIncidents(db, toFilter(user, q), window.tz, q)
  return { items: items.map(row => present(row, user, window)), total }
}

export async function getIncident (db: Db, user: CurrentUser, id: number, window: EditWindow): Promise<Incident> {
  const row = await repo.findIncident(db, id)
  if (!row) throw new IncidentNotFound(String(id))
  if (isVenueManager(user) && !(await repo.incidentInScope(db, id, user.premisesIds))) {
    throw new Forbidden(`Incident ${id} is not at premises you manage`)
  }
  return present(row, user, window)
}


function when (occurredAt: string, clock: Clock): { at: Date; precision: 'minute' | 'day' } {
  const at = occurredAt.length === 10 ? localToUtc(occurredAt, clock.tz) : new Date(occurredAt)
  if (Number.isNaN(at.getTime())) throw fieldError('occurredAt', 'Enter when it happened as a real date and time, for example 2024-12-06T23:15:00Z')
  if (at.getTime() > clock.now().getTime() + 5 * 60 * 1000) throw fieldError('occurredAt', 'When it happened cannot be in the future')
  return { at, precision: occurredAt.length === 10 ? 'day' : 'minute' }
}

async function resolvePlace (db: Db, input: IncidentInput) {
  let premises: PremisesSummary | undefined
  if (input.premisesId) {
    premises = await findPremisesSummary(db, input.premisesId)
    if (!premises) throw fieldError('premisesId', `There is no premises number ${input.premisesId}: choose the premises from the register`)
  }
  const point = input.location ?? (premises?.lat != null && premises.lng != null ? { lat: premises.lat, lng: premises.lng } : null)
  const grid = point ? lngLatToBng(point.lng, point.lat) : null
  return {
    lat: point?.lat ?? null, lng: point?.lng ?? null, easting: grid?.easting ?? null, northing: grid?.northing ?? null,
    locationText: input.locationText ?? (input.location ? null : premises ? `${premises.name}, ${premises.address}` : null)
  }
}

function sourceFor (user: CurrentUser): IncidentsTable['source'] {
  return user.role === 'venue_manager' ? 'venue' : user.role === 'police' ? 'police' : 'officer'
}

export async function createIncident (db: Db, user: CurrentUser, input: IncidentInput & { category: string; occurredAt: string }, clock: Clock, window: EditWindow) {
  const manager = isVenueManager(user)
  if (manager) {
    if (!input.premisesId) throw fieldError('premisesId', 'Choose which of your premises it happened at')
    assertPremisesAccess(user, input.premisesId)
    if (input.policeOnlyNotes != null) throw fieldError('policeOnlyNotes', 'Only police and licensing officers write police-only notes: leave them out')
    // The incident book is evidence at a review: an entry with no account of what happened is no use.
    if (!input.description?.trim()) throw fieldError('description', 'Describe what happened and what your staff did')
  }
  if (!input.location && !input.premisesId) throw fieldError('location', 'Mark where it happened on the map, or choose the premises it happened at')
  const { at, precision } = when(input.occurredAt, clock)
  const id = await db.transaction().execute(async trx => {
    const place = await resolvePlace(trx, input)
    const { id } = await repo.insertIncident(trx, {
      source: sourceFor(user), category: input.category, occurredAt: at, timePrecision: precision, month: localMonthStart(at, clock.tz),
      ...place, premisesId: input.premisesId ?? null, attribution: input.premisesId ? 'linked' : 'none',
      description: input.description ?? null, policeOnlyNotes: input.policeOnlyNotes ?? null, reportedBy: user.id,
      // The edit window runs from this instant, on the app's clock like every other rule.
      createdAt: clock.now()
    })
    if (!input.premisesId) await attributeIncidents(trx, [id])
    const attributed = await repo.findIncident(trx, id)
    if (attributed?.premisesId) await refreshTrafficLights(trx, [attributed.premisesId], clock)
    await recordAudit(trx, { userId: user.id, action: 'incident.create', entity: 'incident', entityId: id, after: { ...input } })
    return id
  })
  return getIncident(db, user, id, window)
}

export async function updateIncident (db: Db, user: CurrentUser, id: number, input: IncidentInput, clock: Clock, window: EditWindow) {
  const manager = isVenueManager(user)
  const updated = await db.transaction().execute(async trx => {
    const before = await repo.findIncident(trx, id)
    if (!before) throw new IncidentNotFound(String(id))
    const refusal = changeRights(before, user, window).editRefusal
    if (refusal) refuse(refusal, before.source === 'police_uk')
    if (manager) {
      if (input.policeOnlyNotes !== undefined) throw fieldError('policeOnlyNotes', 'Only police and licensing officers write police-only notes: leave them out')
      if (input.premisesId !== undefined) {
        if (!input.premisesId) throw fieldError('premisesId', 'Choose which of your premises it happened at')
        assertPremisesAccess(user, input.premisesId)
      }
    }
    const changes: Parameters<typeof repo.updateIncidentRow>[2] = {}
    if (input.category !== undefined) changes.category = input.category
    if (input.description !== undefined) changes.description = input.description
    if (input.policeOnlyNotes !== undefined) changes.policeOnlyNotes = input.policeOnlyNotes
    if (input.outcome !== undefined) changes.outcome = input.outcome
    if (input.occurredAt !== undefined) {
      const { at, precision } = when(input.occurredAt, clock)
      Object.assign(changes, { occurredAt: at, timePrecision: precision, month: localMonthStart(at, clock.tz) })
    }
    const placeChanged = input.location !== undefined || input.premisesId !== undefined || input.locationText !== undefined
    if (placeChanged) {
      const premisesId = input.premisesId !== undefined ? input.premisesId : before.attribution === 'linked' ? before.premisesId : null
      const location = input.location !== undefined ? input.location : before.lat !== null && before.lng !== null ? { lat: before.lat, lng: before.lng } : null
      if (!location && !premisesId) throw fieldError('location', 'Mark where it happened on the map, or choose the premises it happened at')
      const place = await resolvePlace(trx, { premisesId, location, locationText: input.locationText !== undefined ? input.locationText : before.locationText })
      Object.assign(changes, place, { premisesId: premisesId ?? null, attribution: premisesId ? 'linked' : 'none', candidatePremisesIds: null })
    }
    await repo.updateIncidentRow(trx, id, changes)
    if (placeChanged && !changes.premisesId) await attributeIncidents(trx, [id])
    const after = await repo.findIncident(trx, id)
    // The points of the venue it counted for before and of the one it counts for now.
    const touched = [before.premisesId, after!.premisesId].filter((p): p is number => p !== null)
    if (touched.length) await refreshTrafficLights(trx, touched, clock)
    await recordAudit(trx, { userId: user.id, action: 'incident.update', entity: 'incident', entityId: id, before: auditable(before), after: auditable(after!) })
    return after!
  })
  return present(updated, user, window)
}

/**
 * Delete a record made in error, while its window is open: the audit keeps what it said, and
 * the venue's traffic light is recomputed in the same transaction (the cell and venue
 * aggregates the flags read follow by their triggers).
 */
export async function deleteIncident (db: Db, user: CurrentUser, id: number, clock: Clock, window: EditWindow): Promise<void> {
  await db.transaction().execute(async trx => {
    const before = await repo.findIncident(trx, id)
    if (!before) throw new IncidentNotFound(String(id))
    // changeRights refuses a venue manager anything outside its own incident book, so no scope query is needed.
    const refusal = changeRights(before, user, window).deleteRefusal
    if (refusal) refuse(refusal, before.source === 'police_uk')
    await repo.deleteIncidentRow(trx, id)
    if (before.premisesId !== null) await refreshTrafficLights(trx, [before.premisesId], clock)
    await recordAudit(trx, { userId: user.id, action: 'incident.delete', entity: 'incident', entityId: id, before: auditable(before) })
  })
}

function auditable (row: repo.IncidentRow) {
  const { candidatePremisesIds: _c, premisesName: _p, reportedByName: _r, ...rest } = row
  return rest
}
