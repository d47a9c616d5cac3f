// Demo data of the concerns domain, seeded inside the demo transaction (ctx.db): three residents'
// reports already confirmed by email, so the officers' queue, a case page and the venue manager's
// view have something in them on a fresh `npm start`. One is about the demo manager's first
// premises (the manager sees it without the reporter's details), one is being looked into with an
// update the resident was sent, and one is closed.
import type { DemoStep } from '../demo/seed.ts'
import type { ConcernKind, ConcernStatus } from '../../shared/schemas/concerns.ts'
import { insertConcern, insertUpdate } from './concerns.repository.ts'

interface DemoConcern {
  reference: string
  kind: ConcernKind
  status: ConcernStatus
  daysAgo: number
  description: string
  reporter: { name: string | null; email: string }
  update?: string
}

const DEMO_CONCERNS: DemoConcern[] = [
  {
    reference: 'NS-DEMX2A', kind: 'noise_music', status: 'received', daysAgo: 2,
    description: 'Amplified music with a heavy bass from about 23:30 until after 01:00 on Saturday; the side door was propped open.',
    reporter: { name: 'A. Resident (demo)', email: 'resident.one@example.org' }
  },
  {
    reference: 'NS-DEMX2B', kind: 'noise_people', status: 'investigating', daysAgo: 9,
    description: 'Large groups leaving at closing time shouting in the street and waiting in the road for taxis.',
    reporter: { name: null, email: 'resident.two@example.org' },
    update: 'A licensing officer has asked the venue for its dispersal policy and will visit on a Friday night.'
  },
  {
    reference: 'NS-DEMX2C', kind: 'anti_social_behaviour', status: 'closed', daysAgo: 30,
    description: 'Customers drinking outside on the pavement after the terrace should have closed.',
    reporter: { name: 'B. Business (demo)', email: 'business.three@example.org' },
    update: 'The venue now closes its outside area at 22:00 and a door supervisor checks it. We have closed this report.'
  }
]

export const concernsDemoSteps: DemoStep[] = [{
  name: 'concerns',
  async run (ctx) {
    const db = ctx.db
    const managed = await db.selectFrom('premisesManagers').select('premisesId').where('userId', '=', ctx.users.manager).orderBy('premisesId').executeTakeFirst()
    const others = await db.selectFrom('premises').select(['id', 'lat', 'lng', 'easting', 'northing'])
      .where('status', '=', 'current').where('lat', 'is not', null).orderBy('id').limit(40).execute()
    const mine = managed ? await db.selectFrom('premises').select(['id', 'lat', 'lng', 'easting', 'northing']).where('id', '=', managed.premisesId).executeTakeFirst() : undefined
    const venues = [mine ?? others[0], others[17], others[31]].filter(v => v !== undefined)
    const now = ctx.clock.now()
    let seeded = 0
    for (const [i, c] of DEMO_CONCERNS.entries()) {
      const venue = venues[i]
      if (!venue) continue
      const reportedAt = new Date(now.getTime() - c.daysAgo * 24 * 3600 * 1000)
      const { id } = await insertConcern(db, {
        reference: c.reference, kind: c.kind, premisesId: venue.id,
        lat: venue.lat, lng: venue.lng, easting: venue.easting, northing: venue.northing, accuracyM: null,
        locationText: null, happeningNow: false, occurredAt: new Date(reportedAt.getTime() - 20 * 3600 * 1000), pattern: null,
        description: c.description, reporterName: c.reporter.name, reporterEmail: c.reporter.email, anonymousToVenue: i === 1,
        status: c.status, closeReason: c.status === 'closed' ? 'resolved' : null, substantiated: c.status === 'closed' ? true : null,
        substantiatedAt: c.status === 'closed' ? reportedAt : null,
        confirmedAt: new Date(reportedAt.getTime() + 15 * 60 * 1000), createdAt: reportedAt, updatedAt: reportedAt
      })
      if (c.update) {
        await insertUpdate(db, { concernId: id, authorId: ctx.users.officer, status: c.status, closeReason: c.status === 'closed' ? 'resolved' : null, publicText: c.update, emailed: 1 })
      }
      seeded++
    }
    return { concerns: seeded }
  }
}]
