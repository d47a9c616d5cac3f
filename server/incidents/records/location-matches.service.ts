// Free-text locations and the premises they name: each distinct text (normalised) is matched
// once against the register and remembered in location_matches; an officer confirms or corrects
// the uncertain ones, and the decision holds for every record with that text, now and in later
// extracts. Records placed by a match are linked to the premises and drawn at its location.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../../db/types.ts'
import { recordAudit } from '../../audit/audit.repository.ts'
import { NotFound, fieldError } from '../../errors.ts'
import type { LocationMatch } from '../../../shared/schemas/records.ts'
import { matchLocation, type Candidate, type RegisterEntry } from './location-match.ts'

export interface KeyMatch { status: LocationMatch['status']; premisesId: number | null; premisesName: string | null; score: number | null; why: string }

async function register (db: Db): Promise<RegisterEntry[]> {
  return db.selectFrom('premises').select(['id', 'name', 'address']).where('status', '=', 'current').where('easting', 'is not', null).execute()
}

/**
 * The match of each location text (key → text): remembered ones as they are, new ones matched
 * now and, when `write`, remembered.
 */
export async function resolveLocations (db: Db, texts: Map<string, string>, write: boolean): Promise<Map<string, KeyMatch>> {
  const result = new Map<string, KeyMatch>()
  if (texts.size === 0) return result
  const keys = [...texts.keys()]
  const known = await db.selectFrom('locationMatches as m').leftJoin('premises as p', 'p.id', 'm.premisesId')
    .select(['m.locationKey', 'm.status', 'm.premisesId', 'p.name', 'm.score', 'm.candidates'])
    .where('m.locationKey', 'in', keys).execute()
  for (const k of known) {
    const decided = k.status === 'confirmed' || k.status === 'rejected'
    const first = (k.candidates as Candidate[])[0]
    result.set(k.locationKey, { status: k.status, premisesId: k.premisesId, premisesName: k.name, score: k.score, why: decided ? 'confirmed by an officer' : first?.why ?? 'no premises of a similar name' })
  }
  const fresh = keys.filter(key => !result.has(key))
  if (fresh.length === 0) return result
  const entries = await register(db)
  const rows = fresh.map(key => {
    const match = matchLocation(texts.get(key)!, entries)
    result.set(key, { status: match.status, premisesId: match.best?.premisesId ?? null, premisesName: match.best?.name ?? null, score: match.best?.score ?? null, why: match.best?.why ?? 'no premises of a similar name' })
    return { locationKey: key, locationText: texts.get(key)!, status: match.status, premisesId: match.best?.premisesId ?? null, score: match.best?.score ?? null, candidates: JSON.stringify(match.candidates) }
  })
  if (write) {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('locationMatches').values(rows.slice(i, i + 500)).onConflict(oc => oc.column('locationKey').doNothing()).execute()
  }
  return result
}

/** Location texts with their matches and how many records carry each, most records first. */
async function matchRows (db: Db, where: { statuses?: readonly LocationMatch['status'][]; key?: string }): Promise<LocationMatch[]> {
  let query = db.selectFrom('locationMatches as m').leftJoin('premises as p', 'p.id', 'm.premisesId')
    .select(['m.locationKey', 'm.locationText', 'm.status', 'm.premisesId', 'p.name', 'm.score', 'm.candidates'])
    .select(sql<number>`(select count(*)::int from incidents i where i.location_key = m.location_key)`.as('incidents'))
  if (where.statuses) query = query.where('m.status', 'in', where.statuses)
  if (where.key !== undefined) query = query.where('m.locationKey', '=', where.key)
  const rows = await query.orderBy('m.createdAt').orderBy('m.locationKey').limit(500).execute()
  return rows.map(r => ({
    key: r.locationKey, text: r.locationText, status: r.status, premisesId: r.premisesId, premisesName: r.name, score: r.score,
    incidents: Number(r.incidents), candidates: r.candidates as Candidate[]
  })).sort((a, b) => b.incidents - a.incidents)
}

export async function listLocationMatches (db: Db, status: string): Promise<{ items: LocationMatch[]; total: number }> {
  const items = await matchRows(db, { statuses: status === 'review' ? ['uncertain', 'unmatched'] : [status as LocationMatch['status']] })
  return { items, total: items.length }
}

/**
 * An officer's decision for a location text: these premises, or none (not a licensed premises).
 * Every record with that text is placed (or unplaced) in the same transaction, and audited.
 */
export async function decideLocationMatch (db: Kysely<Database>, userId: number, key: string, premisesId: number | null): Promise<LocationMatch> {
  return db.transaction().execute(async trx => {
    const before = await trx.selectFrom('locationMatches').selectAll().where('locationKey', '=', key).forUpdate().executeTakeFirst()
    if (!before) throw new NotFound(`There is no location "${key}" waiting for a decision`)
    let premises: { id: number; name: string; lat: number | null; lng: number | null; easting: number | null; northing: number | null } | undefined
    if (premisesId !== null) {
      premises = await trx.selectFrom('premises').select(['id', 'name', 'lat', 'lng', 'easting', 'northing']).where('id', '=', premisesId).executeTakeFirst()
      if (!premises) throw fieldError('premisesId', `There are no premises ${premisesId}: choose premises from the register`)
      if (premises.easting === null) throw fieldError('premisesId', `${premises.name} has no location on the map yet: give it one on its page first, or choose other premises`)
    }
    await trx.updateTable('locationMatches').set({ status: premises ? 'confirmed' : 'rejected', premisesId: premises?.id ?? null, decidedBy: userId, decidedAt: new Date() })
      .where('locationKey', '=', key).execute()
    await trx.updateTable('incidents').set(premises
      ? { premisesId: premises.id, attribution: 'linked', candidatePremisesIds: null, lat: premises.lat, lng: premises.lng, easting: premises.easting, northing: premises.northing, updatedAt: sql`now()` }
      : { premisesId: null, attribution: 'none', candidatePremisesIds: null, lat: null, lng: null, easting: null, northing: null, updatedAt: sql`now()` })
      .where('locationKey', '=', key).execute()
    await recordAudit(trx, { userId, action: 'location-match.decide', entity: 'location_match', entityId: key, before: { status: before.status, premisesId: before.premisesId }, after: { premisesId: premises?.id ?? null } })
    const [item] = await matchRows(trx, { key })
    return item!
  })
}

