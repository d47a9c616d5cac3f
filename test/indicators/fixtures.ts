// Seeded records for the indicators test: incidents of every precision, source and attribution
// around two years, Safety Thirst awards and concerns about venues, with their rows kept so the
// test can count each indicator's definition itself.
import type { Db } from '../../server/db/types.ts'
import { createIncident } from '../fixtures/incidents.ts'
import { createPremises } from '../fixtures/premises.ts'

/** The flags tests' small deterministic generator (mulberry32), so a failure can be replayed. */
export { mulberry32 as seeded } from '../flags/sim.ts'

export interface SeededIncident { category: string; source: string; attribution: string; precision: 'minute' | 'month' | 'window'; at: Date; to?: Date; month: string; easting: number | null; northing: number | null }
export interface SeededAward { tier: string; status: 'decided' | 'expired'; decidedAt: Date; validUntil: string }
export interface SeededConcern { premises: boolean; confirmedAt: Date; abusive: boolean; closeReason: string | null; answers: { at: Date; byOfficer: boolean; visible: boolean }[] }

const CATEGORIES = ['violent-crime', 'robbery', 'drink-spiking', 'sexual-harassment', 'theft-from-the-person', 'other-theft', 'bicycle-theft', 'anti-social-behaviour', 'noise', 'burglary', 'public-order']
const SOURCES = ['police', 'hospital', 'officer', 'venue', 'public', 'ambulance', 'council'] as const
const ATTRIBUTIONS = ['linked', 'proximate', 'ambiguous', 'none'] as const

/** London's local month (YYYY-MM-01) of an instant. */
export function londonMonth (at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).formatToParts(at)
  return `${parts.find(p => p.type === 'year')!.value}-${parts.find(p => p.type === 'month')!.value}-01`
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!

export async function seedRecords (db: Db, random: () => number) {
  const venue = await createPremises(db, { name: 'The Indicator Arms' })
  const neighbour = await createPremises(db, { name: 'The Neighbour' })
  const incidents: SeededIncident[] = []
  // Two and a half years, January 2023 to June 2025, weighted towards late evenings.
  const start = Date.UTC(2023, 0, 1)
  const span = Date.UTC(2025, 6, 1) - start
  for (let i = 0; i < 700; i++) {
    const precision = random() < 0.15 ? 'month' : random() < 0.15 ? 'window' : 'minute'
    // Whole seconds, and evening hours more often, so the night filter has work to do.
    const day = Math.floor(random() * span / 86400000)
    const hour = random() < 0.6 ? pick(random, [20, 21, 22, 23, 0, 1, 2, 3, 4, 5]) : Math.floor(random() * 24)
    const at = new Date(start + day * 86400000 + hour * 3600000 + Math.floor(random() * 3600) * 1000)
    const category = pick(random, CATEGORIES)
    const attribution = pick(random, ATTRIBUTIONS)
    const linked = attribution === 'linked' || attribution === 'proximate'
    if (precision === 'month') {
      const month = londonMonth(at)
      const row = await createIncident(db, {
        source: 'police_uk', category, timePrecision: 'month', month, occurredAt: new Date(`${month}T00:00:00Z`),
        attribution, premisesId: linked ? venue.id : null, candidatePremisesIds: attribution === 'ambiguous' ? [venue.id, neighbour.id] : null
      })
      incidents.push({ category, source: 'police_uk', attribution, precision, at: row.occurredAt, month, easting: row.easting, northing: row.northing })
      continue
    }
    const source = pick(random, SOURCES)
    const to = precision === 'window' ? new Date(at.getTime() + (1 + Math.floor(random() * 400)) * 60000 + Math.floor(random() * 60) * 1000) : undefined
    const row = await createIncident(db, { source, category, timePrecision: precision, occurredAt: at, occurredTo: to ?? null, month: londonMonth(at), attribution, premisesId: linked ? venue.id : null, candidatePremisesIds: attribution === 'ambiguous' ? [venue.id, neighbour.id] : null })
    incidents.push({ category, source, attribution, precision, at, to, month: londonMonth(at), easting: row.easting, northing: row.northing })
  }
  // Anti-social behaviour at a few places, some close together and some with no location, so
  // repeat locations have work to do (made without the generator, so the seeds after keep theirs).
  const places = [{ lat: 51.5145, lng: -0.0925 }, { lat: 51.51455, lng: -0.09245 }, { lat: 51.5152, lng: -0.0801 }, null]
  for (let k = 0; k < 90; k++) {
    const at = new Date(Date.UTC(2023, (k * 7) % 30, 1 + (k % 27), 21, k % 60))
    const row = await createIncident(db, { source: 'council', category: 'anti-social-behaviour', occurredAt: at, location: places[k % 4 === 3 ? 3 : k % 3]!, attribution: 'none' })
    incidents.push({ category: 'anti-social-behaviour', source: 'council', attribution: 'none', precision: 'minute', at, month: londonMonth(at), easting: row.easting, northing: row.northing })
  }
  return { venue, incidents }
}

export async function seedAwards (db: Db, random: () => number, officerId: number) {
  const awards: SeededAward[] = []
  let set = await db.selectFrom('stCriteriaSets').select('id').executeTakeFirst()
  set ??= await db.insertInto('stCriteriaSets').values({ version: 'indicators-test', status: 'published', categories: '[]' }).returning('id').executeTakeFirstOrThrow()
  for (let i = 0; i < 40; i++) {
    const premises = await createPremises(db)
    const decidedAt = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 900) * 86400000 + 15 * 3600000)
    const validUntil = new Date(decidedAt.getTime() + Math.floor(200 + random() * 300) * 86400000).toISOString().slice(0, 10)
    const tier = pick(random, ['pass', 'commended', 'highly_commended', 'not_accredited'] as const)
    const status = random() < 0.3 ? 'expired' as const : 'decided' as const
    const { id } = await db.insertInto('stApplications').values({ premisesId: premises.id, year: decidedAt.getUTCFullYear(), criteriaSetId: set.id }).returning('id').executeTakeFirstOrThrow()
    for (const step of ['submitted', 'under_assessment'] as const) await db.updateTable('stApplications').set({ status: step }).where('id', '=', id).execute()
    await db.updateTable('stApplications').set({ status: 'decided', tier, decidedAt, decidedBy: officerId, validUntil }).where('id', '=', id).execute()
    if (status === 'expired') await db.updateTable('stApplications').set({ status, expiredAt: new Date() }).where('id', '=', id).execute()
    awards.push({ tier, status, decidedAt, validUntil })
  }
  return awards
}

export async function seedConcerns (db: Db, random: () => number, venueId: number, officerId: number) {
  const concerns: SeededConcern[] = []
  for (let i = 0; i < 80; i++) {
    const confirmedAt = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 910 * 24) * 3600000)
    const premises = random() < 0.8
    const closeReason = random() < 0.1 ? 'duplicate' : random() < 0.05 ? 'abusive' : null
    const abusive = closeReason === 'abusive'
    const { id } = await db.insertInto('concerns').values({
      reference: `IND-${i}-${Math.floor(random() * 1e9)}`, kind: 'noise_music', premisesId: premises ? venueId : null, description: 'Loud music',
      reporterEmail: 'someone@example.test', status: closeReason ? 'closed' : 'received', closeReason, abusive, confirmedAt
    }).returning('id').executeTakeFirstOrThrow()
    const answers: SeededConcern['answers'] = [{ at: confirmedAt, byOfficer: false, visible: true }]
    await db.insertInto('concernUpdates').values({ concernId: id, at: confirmedAt, authorId: null, status: 'received', publicText: 'We have received your report.' }).execute()
    for (let k = Math.floor(random() * 3); k > 0; k--) {
      const at = new Date(confirmedAt.getTime() + Math.floor(random() * 96) * 3600000 + Math.floor(random() * 3600) * 1000)
      const visible = random() < 0.7
      await db.insertInto('concernUpdates').values({ concernId: id, at, authorId: officerId, ...(visible ? { publicText: 'We are looking into it.' } : { internalNote: 'Called the venue' }) }).execute()
      answers.push({ at, byOfficer: true, visible })
    }
    concerns.push({ premises, confirmedAt, abusive, closeReason, answers })
  }
  return concerns
}
