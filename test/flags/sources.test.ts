// Which sources of incidents flags count: a flag setting, every source by default (what flags
// counted before it). Residents' confirmed concerns (source "public") at a venue raise its
// anti-social behaviour flag; leaving "public" out of the settings takes them out of the counts
// and the flag, putting it back restores both, and the explanation says what was counted. The
// settings route refuses an empty or unknown list in words, is an admin's, keeps the sources
// when a change leaves them out, and audits the change in its transaction.
import t, { type Test } from 'tap'
import { build, json, login } from '../helper.ts'
import { NOW, confirmedConcern } from '../concerns/fixtures.ts'
import { ORIGIN, insertIncidents, spread, venueAt } from './factory.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { INCIDENT_SOURCES } from '../../shared/schemas/incidents.ts'
import { bngToLngLat } from '../../server/geo/bng.ts'

const AS_OF = '2025-12-07'
const app = await build(t, { config: { now: () => NOW, concernRateLimit: 1000 } })
const officer = await login(app, 'officer')
const admin = await login(app, 'admin')

const lounge = await venueAt(app.db, 'Late Lounge', 0, 0)
const other = await venueAt(app.db, 'Quiet Tavern', 2000, 0)
// Police records of anti-social behaviour over the year: mostly at the other venue, two at the lounge.
await insertIncidents(app.db, [
  ...spread('2024-12-20', '2025-11-01', 30).map(at => ({ category: 'anti-social-behaviour', at, dx: 2000, dy: 0, premisesId: other.id })),
  ...spread('2025-11-12', '2025-12-05', 2).map(at => ({ category: 'anti-social-behaviour', at, dx: 2000, dy: 0, premisesId: other.id })),
  ...spread('2025-02-01', '2025-09-01', 2).map(at => ({ category: 'anti-social-behaviour', at, dx: 0, dy: 0, premisesId: lounge.id }))
])
// Six residents report music from the lounge on six nights; each confirmed report is an incident of source "public".
const { lng, lat } = bngToLngLat(ORIGIN.easting, ORIGIN.northing)
for (const day of [22, 24, 26, 28, 30]) await confirmedConcern(app, { premisesId: lounge.id, location: { lat, lng, accuracyM: 10 }, occurredAt: `2025-11-${day}T23:30:00Z` })
await confirmedConcern(app, { premisesId: lounge.id, location: { lat, lng, accuracyM: 10 }, occurredAt: '2025-12-02T23:30:00Z' })

const GROUPS = { asb: ['anti-social-behaviour', 'noise'] }
const put = (payload: Record<string, unknown>, headers = admin.headers) => app.inject({ method: 'PUT', url: '/api/flags/settings', headers, payload })

async function loungeAfterRun (t: Test) {
  const run = await app.inject({ method: 'POST', url: `/api/flags/run?asOf=${AS_OF}`, headers: officer.headers })
  t.equal(run.statusCode, 200, run.body)
  const latest = json(await app.inject({ url: '/api/flags/runs/latest', headers: officer.headers }))
  const evaluation = latest.evaluations.find((e: any) => e.premisesId === lounge.id && e.crimeGroup === 'asb')
  const flag = (await app.db.selectFrom('flags').selectAll().where('premisesId', '=', lounge.id).where('crimeGroup', '=', 'asb').executeTakeFirst())
  return { evaluation, flag, params: latest.params }
}

t.test('by default flags count every source, the public concerns too, as before the setting', async t => {
  const settings = json(await app.inject({ url: '/api/flags/settings', headers: officer.headers }))
  t.same(settings.sources, [...INCIDENT_SOURCES], 'every source is on')
  t.equal((await put({ groups: GROUPS })).statusCode, 200, 'a change of groups alone keeps the sources')
  const { evaluation, flag, params } = await loungeAfterRun(t)
  t.equal(evaluation.recent, 6, 'the six concerns count in the last 28 days')
  t.equal(evaluation.baseline, 2)
  t.ok(['rising', 'strong'].includes(evaluation.level), `the lounge is flagged (${evaluation.level})`)
  t.ok(flag?.stillFlagged, 'its flag stands')
  t.match(evaluation.explanation, /Counted from every source of incidents\.$/, 'the explanation says every source counted')
  t.same(params.sources, [...INCIDENT_SOURCES], 'the run records the sources it counted')
})

t.test('leaving out public concerns takes them out of the counts and the flag; putting them back restores both', async t => {
  const withoutPublic = INCIDENT_SOURCES.filter(s => s !== 'public')
  const res = await put({ groups: GROUPS, sources: withoutPublic })
  t.equal(res.statusCode, 200, res.body)
  t.same(res.json().sources, withoutPublic)
  const off = await loungeAfterRun(t)
  t.equal(off.evaluation.recent, 0, 'no concern counts')
  t.equal(off.evaluation.baseline, 2, 'the police records still count')
  t.equal(off.evaluation.level, null, 'the lounge is not flagged on police records alone')
  t.equal(off.flag?.stillFlagged, false, 'its flag no longer stands')
  t.same(off.params.sources, withoutPublic)

  t.equal((await put({ groups: GROUPS, sources: ['public', 'police'] })).statusCode, 200)
  const some = await loungeAfterRun(t)
  t.equal(some.evaluation.recent, 6, 'the concerns count beside the force records')
  t.ok(['rising', 'strong'].includes(some.evaluation.level), 'flagged')
  t.match(some.evaluation.explanation, /Counted from Force records and Public concerns only \(the flag settings leave out police\.uk, Licensing officers, .* and Council logs\)\.$/,
    'the explanation names what counted and what was left out')

  t.equal((await put({ groups: GROUPS, sources: [...INCIDENT_SOURCES] })).statusCode, 200)
  const on = await loungeAfterRun(t)
  t.equal(on.evaluation.recent, 6, 'the concerns count again')
  t.equal(on.evaluation.baseline, 2)
  t.ok(['rising', 'strong'].includes(on.evaluation.level), 'flagged again')
  t.equal(on.flag?.stillFlagged, true)
})

t.test('the settings refuse an empty or unknown list of sources in words, and are an admin\'s to change', async t => {
  const empty = await put({ groups: GROUPS, sources: [] })
  t.equal(empty.statusCode, 400)
  t.same([empty.json().field, empty.json().message], ['sources', 'Choose at least one source of incidents for flags'])
  const unknown = await put({ groups: GROUPS, sources: ['gossip'] })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().message, /^Choose sources of incidents from: police_uk/)
  t.equal((await put({ groups: GROUPS, sources: ['police'] }, officer.headers)).statusCode, 403, 'an officer may not change them')
  t.equal((await app.inject({ method: 'PUT', url: '/api/flags/settings', payload: { groups: GROUPS, sources: ['police'] } })).statusCode, 401)
  const kept = json(await app.inject({ url: '/api/flags/settings', headers: officer.headers }))
  t.same(kept.sources, [...INCIDENT_SOURCES], 'nothing refused was kept')
})

t.test('a change of sources is audited with what it was and is, and a failed audit keeps nothing', async t => {
  t.equal((await put({ groups: GROUPS, sources: ['police', 'police_uk', 'police'] })).statusCode, 200)
  const audit = await app.db.selectFrom('auditLog').selectAll().where('action', '=', 'flag.settings').orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.same((audit.before as any).sources, [...INCIDENT_SOURCES])
  t.same((audit.after as any).sources, ['police_uk', 'police'], 'stored once each, in the usual order')

  const failing = await failNthWrite(app.db, ['flag_settings', 'audit_log'], 2)
  const res = await put({ groups: GROUPS, sources: ['officer'] })
  const written = await failing.rowsWritten()
  await failing.restore()
  t.equal(res.statusCode, 500)
  t.equal(written, 2, 'the change reached the audit')
  t.same(json(await app.inject({ url: '/api/flags/settings', headers: officer.headers })).sources, ['police_uk', 'police'], 'the sources are as they were')
  t.equal((await put({ groups: GROUPS, sources: [...INCIDENT_SOURCES] })).statusCode, 200)
})
