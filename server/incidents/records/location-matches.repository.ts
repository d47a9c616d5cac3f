// The queries of free-text location matches (location_matches) and the records that carry them.
import { sql } from 'kysely'
import type { Db } from '../../db/types.ts'
import type { LocationMatch } from '../../../shared/schemas/records.ts'
import type { Candidate } from './location-match.ts'

export interface NewMatch { locationKey: string; locationText: string; status: 'matched' | 'uncertain' | 'unmatched'; premisesId: number | null; score: number | null; candidates: Candidate[] }

export function findMatches (db: Db, keys: string[]) {
  return db.selectFrom('locationMatches').select(['locationKey', 'status', 'premisesId', 'score', 'candidates']).where('locationKey', 'in', keys).execute()
}

export async function insertMatches (db: Db, rows: NewMatch[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map(r => ({ ...r, candidates: JSON.stringify(r.candidates) }))
    await db.insertInto('locationMatches').values(batch).onConflict(oc => oc.column('locationKey').doNothing()).execute()
  }
}

export function findMatchForUpdate (db: Db, key: string) {
  return db.selectFrom('locationMatches').select(['locationKey', 'status', 'premisesId']).where('locationKey', '=', key).forUpdate().executeTakeFirst()
}

export async function saveDecision (db: Db, key: string, premisesId: number | null, userId: number): Promise<void> {
  await db.updateTable('locationMatches').set({ status: premisesId ? 'confirmed' : 'rejected', premisesId, decidedBy: userId, decidedAt: new Date() })
    .where('locationKey', '=', key).execute()
}

export interface Place { premisesId: number; lat: number | null; lng: number | null; easting: number | null; northing: number | null }

/** Place every record with this location text at these premises (linked), or nowhere (null). */
export async function placeRecords (db: Db, key: string, place: Place | null): Promise<void> {
  await db.updateTable('incidents').set(place
    ? { premisesId: place.premisesId, attribution: 'linked', candidatePremisesIds: null, lat: place.lat, lng: place.lng, easting: place.easting, northing: place.northing, updatedAt: sql`now()` }
    : { premisesId: null, attribution: 'none', candidatePremisesIds: null, lat: null, lng: null, easting: null, northing: null, updatedAt: sql`now()` })
    .where('locationKey', '=', key).execute()
}

/** Location texts with their matches and how many records carry each, most records first. */
export async function matchRows (db: Db, where: { statuses?: readonly LocationMatch['status'][]; key?: string }): Promise<LocationMatch[]> {
  // The premises name is joined for display only.
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
