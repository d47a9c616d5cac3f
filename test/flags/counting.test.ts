// Counting by the incidents domain's attribution and the run on a real database: attribution
// (linked, proximate, ambiguous, only current venues, the radius set for incidents),
// local-date windows across the clock change, month-only records, the weekly job, and a small
// seeded City with a December peak where no venue changes its share.
import t from 'tap'
import { build, login } from '../helper.ts'
import { countAttributedIncidents } from '../../server/incidents/incidents.public.ts'
import { runFlags } from '../../server/flags/flags.run.service.ts'
import { addDays } from '../../shared/dates.ts'
import { insertIncidents, spread, venueAt, type IncidentSpec } from './factory.ts'
import { mulberry32, poisson } from './sim.ts'

const app = await build(t)
const groups = { violence: ['violent-crime', 'drink-spiking'] }
const W = [{ key: 'R', from: '2025-06-09', to: '2025-07-07' }]

t.test('attribution: linked, proximate within r, ambiguous between two venues, and none', async t => {
  const a = await venueAt(app.db, 'Attr A', 5000, 0)
  const b = await venueAt(app.db, 'Attr B', 5030, 0)
  await venueAt(app.db, 'Attr Closed', 5000, 200, { status: 'revoked' })
  const at = '2025-06-20T21:00:00Z'
  await insertIncidents(app.db, [
    { category: 'violent-crime', at, dx: 5000, dy: 0, premisesId: a.id },       // linked to A
    { category: 'violent-crime', at, dx: 5030, dy: 0, premisesId: a.id },       // linked to A although at B
    { category: 'violent-crime', at, dx: 4985, dy: 0 },                          // 15 m from A, 45 m from B: proximate A
    { category: 'violent-crime', at, dx: 5015, dy: 0 },                          // 15 m from both: ambiguous
    { category: 'violent-crime', at, dx: 5044, dy: 14 },                         // 19.8 m from B: proximate B
    { category: 'violent-crime', at, dx: 5051, dy: 0 },                          // 21 m from B: none
    { category: 'violent-crime', at, dx: 5000, dy: 200 },                        // at a revoked venue: none
    { category: 'violent-crime', at, noLocation: true },                        // no location: none
    { category: 'shoplifting', at, dx: 5000, dy: 0 }                            // not in the group
  ])
  const rows = await countAttributedIncidents(app.db, { precision: 'days', windows: W, groups, tz: 'Europe/London' })
  const n = (premisesId: number | null, kind: string) => rows.filter(r => r.premisesId === premisesId && r.kind === kind).reduce((s, r) => s + r.n, 0)
  t.equal(n(a.id, 'linked'), 2)
  t.equal(n(a.id, 'proximate'), 1)
  t.equal(n(b.id, 'proximate'), 1)
  t.equal(n(b.id, 'linked'), 0)
  t.equal(n(null, 'ambiguous'), 1)
  t.equal(n(null, 'none'), 3)
  t.equal(rows.reduce((s, r) => s + r.n, 0), 8, 'the area total counts every incident of the group')
  // One radius setting: the incidents domain's. Widening it re-attributes, and flags count that.
  const admin = await login(app, 'admin')
  const widen = async (radiusM: number) => {
    const res = await app.inject({ method: 'PUT', url: '/api/incidents/settings', headers: admin.headers, payload: { radiusM } })
    t.equal(res.statusCode, 200, res.body)
  }
  await widen(50)
  const wide = await countAttributedIncidents(app.db, { precision: 'days', windows: W, groups, tz: 'Europe/London' })
  t.equal(wide.filter(r => r.kind === 'ambiguous').reduce((s, r) => s + r.n, 0), 3, 'a 50 m radius makes more incidents ambiguous')
  await widen(20)
  await app.db.deleteFrom('incidents').execute()
})

t.test('windows are local dates: the clock change does not move incidents between windows', async t => {
  await insertIncidents(app.db, [
    { category: 'violent-crime', at: '2025-07-06T22:59:00Z', dx: -900 },  // 23:59 BST on 6 July: in
    { category: 'violent-crime', at: '2025-07-06T23:00:00Z', dx: -900 },  // 00:00 BST on 7 July: out
    { category: 'violent-crime', at: '2025-06-08T23:30:00Z', dx: -900 },  // 00:30 BST on 9 June: in
    { category: 'violent-crime', at: '2025-06-08T22:30:00Z', dx: -900 }   // 23:30 BST on 8 June: out
  ])
  const rows = await countAttributedIncidents(app.db, { precision: 'days', windows: W, groups, tz: 'Europe/London' })
  t.equal(rows.reduce((s, r) => s + r.n, 0), 2)
  await app.db.deleteFrom('incidents').execute()
})

t.test('month-only records are tested by whole months with the wider radius, and say so', async t => {
  const venue = await venueAt(app.db, 'The Monthly Arms', 8000, 0)
  const specs: IncidentSpec[] = []
  for (let m = 0; m < 12; m++) {
    const month = addDays('2024-09-15', 31 * m).slice(0, 7)
    for (let i = 0; i < 40; i++) specs.push({ category: 'violent-crime', at: month, dx: 9000, dy: 0 })
    specs.push({ category: 'violent-crime', at: month, dx: 8040, dy: 0 })
  }
  for (let i = 0; i < 40; i++) specs.push({ category: 'violent-crime', at: '2025-09', dx: 9000, dy: 0 })
  for (let i = 0; i < 9; i++) specs.push({ category: 'violent-crime', at: '2025-09', dx: 8040, dy: 0 })
  await insertIncidents(app.db, specs)
  const result = await runFlags(app.db, { asOf: '2025-11-03', groups, tz: app.clock.tz })
  const evaluations = await app.db.selectFrom('flagEvaluations').selectAll().where('runId', '=', result.runId).where('premisesId', '=', venue.id).execute()
  const monthly = evaluations.find(e => e.basis === 'months')!
  t.ok(monthly, 'a months-basis test exists')
  t.equal(monthly.recent, 9, 'the latest complete month with data (September), 40 m away within the 50 m radius')
  t.equal(monthly.recentProximate, 9)
  t.equal(monthly.baseline, 12)
  t.equal(monthly.cityRecent, 40)
  t.equal(monthly.level, 'strong')
  t.match(monthly.explanation, /9 incidents in September 2025 .*within 50 m.*previous 12 months.*police\.uk/)
  t.equal(evaluations.find(e => e.basis === 'days')!.recent, 0, 'month-only records never enter day windows')
  await app.db.deleteFrom('flags').execute()
  await app.db.deleteFrom('flagRuns').execute()
  await app.db.deleteFrom('incidents').execute()
  await app.db.deleteFrom('premises').execute()
})

t.test('the weekly job runs the same service and is recorded in job runs', async t => {
  t.ok(app.jobs.list().some(j => j.name === 'flags-weekly' && j.schedule === '0 6 * * 1'))
  const outcome = await app.jobs.runNow('flags-weekly')
  t.match(outcome, { ran: true, ok: true })
  const run = await app.db.selectFrom('jobRuns').selectAll().where('name', '=', 'flags-weekly').executeTakeFirstOrThrow()
  t.equal(run.ok, true)
  t.equal((await app.db.selectFrom('flagRuns').selectAll().execute()).length, 1)
  await app.db.deleteFrom('flagRuns').execute()
})

t.test('a seeded City of 30 venues with a December peak and steady shares: weekly runs flag at most one', async t => {
  const random = mulberry32(7)
  const venues = []
  for (let v = 0; v < 30; v++) venues.push(await venueAt(app.db, `Steady ${v}`, (v % 6) * 120, Math.floor(v / 6) * 120))
  const shares = venues.map(() => 0.01 + random() * 0.02)
  const specs: IncidentSpec[] = []
  for (let d = 0; d < 392 + 35; d++) {
    const date = addDays('2024-12-01', d)
    const rate = 20 * (date.slice(5, 7) === '12' ? 2.5 : 1)
    const at = date + 'T22:00:00Z'
    const background = poisson(random, rate * 0.4)
    for (let i = 0; i < background; i++) specs.push({ category: 'violent-crime', at, dx: -2000, dy: -2000 })
    venues.forEach((venue, v) => {
      const k = poisson(random, rate * shares[v]!)
      for (let i = 0; i < k; i++) specs.push({ category: 'violent-crime', at, dx: (v % 6) * 120 + 3, dy: Math.floor(v / 6) * 120, premisesId: i % 2 ? venue.id : undefined })
    })
  }
  await insertIncidents(app.db, specs)
  const flagged = new Set<number>()
  for (const asOf of ['2025-12-22', '2025-12-29', '2026-01-05', '2026-01-12']) {
    const result = await runFlags(app.db, { asOf, groups, tz: app.clock.tz })
    t.equal(result.evaluated, 30)
    const raised = await app.db.selectFrom('flagEvaluations').select('premisesId').where('runId', '=', result.runId).where('level', 'in', ['rising', 'strong']).execute()
    raised.forEach(r => flagged.add(r.premisesId))
  }
  t.ok(flagged.size <= 1, `${flagged.size} venues flagged rising or strong over four December–January runs`)
})
