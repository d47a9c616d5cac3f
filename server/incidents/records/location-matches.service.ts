// Free-text locations and the premises they name: each distinct text (normalised) is matched
// once against the register and remembered in location_matches; an officer confirms or corrects
// the uncertain ones, and the decision holds for every record with that text, now and in later
// extracts. Records placed by a match are linked to the premises and drawn at its location.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../../db/types.ts'
import { recordAudit } from '../../audit/audit.public.ts'
import { NotFound, fieldError } from '../../errors.ts'
import { findPremisesSummary, mappedCurrentRegister } from '../../premises/premises.public.ts'
import type { LocationMatch } from '../../../shared/schemas/records.ts'
import { matchLocation, type Candidate } from './location-match.ts'
import * as repo from './location-matches.repository.ts'

export interface KeyMatch {
  status: LocationMatch['status']; premisesId: number | null; premisesName: string | null; score: number | null; why: string
  /** Where records with this text are placed: the premises when matched or confirmed and on the map. */
  place: repo.Place | null
}

/**
 * The match of each location text (key → text): remembered ones as they are, new ones matched
 * now and, when `write`, remembered.
 */
export async function resolveLocations (db: Db, texts: Map<string, string>, write: boolean): Promise<Map<string, KeyMatch>> {
  const result = new Map<string, KeyMatch>()
  if (texts.size === 0) return result
  const register = await mappedCurrentRegister(db)
  const byId = new Map(register.map(p => [p.id, p]))
  const placeOf = (status: string, id: number | null): repo.Place | null => {
    const p = id === null ? undefined : byId.get(id)
    return p && (status === 'matched' || status === 'confirmed') ? { premisesId: p.id, lat: p.lat, lng: p.lng, easting: p.easting, northing: p.northing } : null
  }
  const keys = [...texts.keys()]
  for (const k of await repo.findMatches(db, keys)) {
    const decided = k.status === 'confirmed' || k.status === 'rejected'
    const first = (k.candidates as Candidate[])[0]
    result.set(k.locationKey, {
      status: k.status, premisesId: k.premisesId, premisesName: k.premisesId === null ? null : byId.get(k.premisesId)?.name ?? null, score: k.score,
      why: decided ? 'confirmed by an officer' : first?.why ?? 'no premises of a similar name', place: placeOf(k.status, k.premisesId)
    })
  }
  const fresh: repo.NewMatch[] = keys.filter(key => !result.has(key)).map(key => {
    const match = matchLocation(texts.get(key)!, register)
    const premisesId = match.best?.premisesId ?? null
    result.set(key, { status: match.status, premisesId, premisesName: match.best?.name ?? null, score: match.best?.score ?? null, why: match.best?.why ?? 'no premises of a similar name', place: placeOf(match.status, premisesId) })
    return { locationKey: key, locationText: texts.get(key)!, status: match.status, premisesId, score: match.best?.score ?? null, candidates: match.candidates }
  })
  if (write && fresh.length) await repo.insertMatches(db, fresh)
  return result
}

export async function listLocationMatches (db: Db, status: string): Promise<{ items: LocationMatch[]; total: number }> {
  const items = await repo.matchRows(db, { statuses: status === 'review' ? ['uncertain', 'unmatched'] : [status as LocationMatch['status']] })
  return { items, total: items.length }
}

/**
 * An officer's decision for a location text: these premises, or none (not a licensed premises).
 * Every record with that text is placed (or unplaced) in the same transaction, and audited.
 */
export async function decideLocationMatch (db: Kysely<Database>, userId: number, key: string, premisesId: number | null): Promise<LocationMatch> {
  return db.transaction().execute(async trx => {
    const before = await repo.findMatchForUpdate(trx, key)
    if (!before) throw new NotFound(`There is no location "${key}" waiting for a decision`)
    let place: repo.Place | null = null
    if (premisesId !== null) {
      const premises = await findPremisesSummary(trx, premisesId)
      if (!premises) throw fieldError('premisesId', `There are no premises ${premisesId}: choose premises from the register`)
      if (premises.easting === null) throw fieldError('premisesId', `${premises.name} has no location on the map yet: give it one on its page first, or choose other premises`)
      place = { premisesId: premises.id, lat: premises.lat, lng: premises.lng, easting: premises.easting, northing: premises.northing }
    }
    await repo.saveDecision(trx, key, place?.premisesId ?? null, userId)
    await repo.placeRecords(trx, key, place)
    await recordAudit(trx, { userId, action: 'location-match.decide', entity: 'location_match', entityId: key, before: { status: before.status, premisesId: before.premisesId }, after: { premisesId: place?.premisesId ?? null } })
    const [item] = await repo.matchRows(trx, { key })
    return item!
  })
}
