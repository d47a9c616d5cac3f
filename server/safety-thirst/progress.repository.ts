// Queries for the yearly progress dashboard, venues not taking part, and current awards
// (the late-night-levy reduction list and the public register read the same rule).
import type { Db } from '../db/types.ts'

export async function countByStatus (db: Db, year: number) {
  const rows = await db.selectFrom('stApplications').select(['status', eb => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year).groupBy('status').execute()
  return rows.map(r => ({ status: r.status, n: Number(r.n) }))
}

export async function countByTier (db: Db, year: number) {
  const rows = await db.selectFrom('stApplications').select(['tier', eb => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year).where('status', 'in', ['decided', 'expired']).where('tier', 'is not', null).groupBy('tier').execute()
  return rows.map(r => ({ tier: r.tier!, n: Number(r.n) }))
}

/** Premises on the register (current licence) with no live application for the year. */
export function notTakingPart (db: Db, year: number) {
  return db.selectFrom('premises as p')
    .select(['p.id as premisesId', 'p.name', 'p.address', 'p.postcode', 'p.licenceNumber'])
    .where('p.status', '=', 'current')
    .where(eb => eb.not(eb.exists(eb.selectFrom('stApplications as a').select('a.id')
      .whereRef('a.premisesId', '=', 'p.id').where('a.year', '=', year).where('a.status', '<>', 'withdrawn'))))
    .orderBy('p.name').execute()
}

/** Every current premises with its application for the year, if any (for the CSV export). */
export function venuesForYear (db: Db, year: number) {
  return db.selectFrom('premises as p')
    .leftJoin('stApplications as a', join => join.onRef('a.premisesId', '=', 'p.id').on('a.year', '=', year).on('a.status', '<>', 'withdrawn'))
    .select(['p.id as premisesId', 'p.name', 'p.address', 'p.postcode', 'p.licenceNumber', 'a.id as applicationId', 'a.status', 'a.tier', 'a.validUntil', 'a.certificateNumber'])
    .where(eb => eb.or([eb('p.status', '=', 'current'), eb('a.id', 'is not', null)]))
    .orderBy('p.name').execute()
}

/** Decided, accredited and still valid on `today`: the Safety Thirst standard. */
export function currentlyAccredited (db: Db, today: string, premisesIds?: number[]) {
  let query = db.selectFrom('stApplications as a').innerJoin('premises as p', 'p.id', 'a.premisesId')
    .select(['a.premisesId', 'p.name', 'p.address', 'p.postcode', 'p.licenceNumber', 'a.tier', 'a.validUntil', 'a.certificateNumber', 'a.year'])
    .where('a.status', '=', 'decided').where('a.tier', 'in', ['pass', 'commended', 'highly_commended']).where('a.validUntil', '>=', today)
  if (premisesIds) query = query.where('a.premisesId', 'in', premisesIds.length ? premisesIds : [-1])
  return query.orderBy('p.name').orderBy('a.year', 'desc').execute()
}
