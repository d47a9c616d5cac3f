// Demo data of the flags domain, seeded once inside the demo transaction (ctx.db): a flag run as
// of today so the screens have a latest run. If the demo incidents flag no venue, a few clearly
// synthetic "[demo]" incidents are added at one venue the demo manager runs (recent 28 days)
// until it is flagged rising. Nothing is acknowledged: that is for the officer to do.
import type { Transaction } from 'kysely'
import type { Database } from '../db/types.ts'
import type { DemoStep } from '../demo/seed.ts'
import { runFlagsIn } from './flags.run.service.ts'
import { addDays } from '../../shared/dates.ts'
import { recordIncidents } from '../incidents/incidents.public.ts'

async function demoVenue (db: Transaction<Database>, managerId: number) {
  const managed = await db.selectFrom('premisesManagers as m').innerJoin('premises as p', 'p.id', 'm.premisesId')
    .select(['p.id', 'p.name', 'p.lat', 'p.lng', 'p.easting', 'p.northing'])
    .where('m.userId', '=', managerId).where('p.status', '=', 'current').where('p.easting', 'is not', null).orderBy('p.id').executeTakeFirst()
  return managed ?? db.selectFrom('premises').select(['id', 'name', 'lat', 'lng', 'easting', 'northing'])
    .where('status', '=', 'current').where('easting', 'is not', null).orderBy('id').executeTakeFirst()
}

function nightIn (asOf: string, daysBack: number, hour: number): string {
  return addDays(asOf, -daysBack) + `T${String(hour).padStart(2, '0')}:15:00Z`
}

export const flagsDemoSteps: DemoStep[] = [{
  name: 'flags',
  async run (ctx) {
    const asOf = ctx.clock.today()
    let result = await runFlagsIn(ctx.db, { asOf, tz: ctx.clock.tz })
    const raised = async () => (await ctx.db.selectFrom('flags').select('id').where('level', 'in', ['rising', 'strong']).execute()).length
    if (await raised()) return { asOf, evaluated: result.evaluated, flagged: result.flagged, synthetic: 0 }
    const venue = await demoVenue(ctx.db, ctx.users.manager)
    if (!venue) return { asOf, evaluated: result.evaluated, flagged: result.flagged, synthetic: 0 }
    const point = { lat: venue.lat, lng: venue.lng, easting: venue.easting, northing: venue.northing }
    const incident = (occurredAt: string, category: string, premisesId: number | null, dx = 0) => ({
      source: 'police' as const, category, occurredAt, timePrecision: 'minute' as const, month: occurredAt.slice(0, 7) + '-01',
      ...point, easting: point.easting! + dx, premisesId, attribution: premisesId ? 'linked' as const : 'none' as const,
      description: '[demo] synthetic incident added so the flags screens have a rising venue'
    })
    let synthetic = 0
    const timed = await ctx.db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n'))
      .where('timePrecision', '<>', 'month').where('category', 'in', ['violent-crime', 'robbery', 'drink-spiking', 'sexual-harassment'])
      .where('occurredAt', '>=', new Date(addDays(asOf, -392) + 'T00:00:00Z')).executeTakeFirstOrThrow()
    if (Number(timed.n) < 200) {
      // No timed City violence to compare against yet: a thin synthetic City background, 400 m away.
      const background = Array.from({ length: 392 }, (_, i) => incident(nightIn(asOf, i + 1, 22), 'violent-crime', null, 400))
      await recordIncidents(ctx.db, background)
      synthetic += background.length
    }
    for (let round = 0; round < 8 && !(await raised()); round++) {
      const batch = Array.from({ length: 3 }, (_, i) => incident(nightIn(asOf, 2 + ((round * 3 + i) * 3) % 26, 23), 'violent-crime', venue.id))
      await recordIncidents(ctx.db, batch)
      synthetic += batch.length
      result = await runFlagsIn(ctx.db, { asOf, tz: ctx.clock.tz })
    }
    return { asOf, evaluated: result.evaluated, flagged: result.flagged, synthetic, venue: venue.name }
  }
}]
