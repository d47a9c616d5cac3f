// The lean map feed (GET /api/map/premises): its shape against the shared schema, ETag and 304,
// the data version bumped by every kind of write the feed shows (a premises edit, a Safety Thirst
// award, a flag run, a plan decision) and seen by a second app instance on the same database,
// a venue manager's scope, and a plain-English 400 for a bad box.
import t from 'tap'
import { Ajv } from 'ajv'
import { build, createTestDatabase, login, testDatabaseMode } from '../helper.ts'
import { connectDatabase } from '../../server/db/connect.ts'
import { createPremises } from '../fixtures/premises.ts'
import { decemberScenario, AS_OF } from '../flags/scenario.ts'
import { submitPlan } from '../plans/plan-fixtures.ts'
import { mapPremisesResponse } from '../../shared/schemas/map.ts'

const database = await createTestDatabase(t)
const app = await build(t, { database })
// A second instance on the same database: its own process state (and cache), as a second app
// process would have. In server mode it also has its own connection pool.
const second = await build(t, { database: testDatabaseMode() === 'postgres' ? await connectDatabase({ databaseUrl: database.url!, dataDir: ':memory:', poolSize: 2 }) : database })
const officer = await login(app, 'officer')
const admin = await login(app, 'admin')
const police = await login(app, 'police')
const { riser, steady } = await decemberScenario(app.db)
const unmapped = await createPremises(app.db, { name: 'Nowhere Bar', location: null })
const away = await createPremises(app.db, { name: 'Far Away Inn', location: { lat: 51.45, lng: -0.2 } })
const manager = await login(app, 'manager', { premisesIds: [riser.id] })
const authority = await login(app, 'authority', { organisation: 'environmental_health' })
const CITY = '-0.12,51.50,-0.07,51.53'
const feed = (headers: Record<string, string>, bbox = CITY, on = app) => on.inject({ url: `/api/map/premises?bbox=${bbox}`, headers })
const etagOf = async (headers: Record<string, string>, on = app) => (await feed(headers, CITY, on)).headers.etag as string

t.test('answers compact GeoJSON of the mapped premises in the box, as the shared schema says', async t => {
  const res = await feed(police.headers)
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/geo\+json/)
  t.equal(res.headers['cache-control'], 'private, no-cache', 'a browser must revalidate an authenticated answer')
  t.match(res.headers.etag, /^W\/".+"$/)
  const body = res.json()
  const validate = new Ajv({ strict: false }).compile(mapPremisesResponse)
  t.ok(validate(body), JSON.stringify(validate.errors))
  const ids = body.features.map((f: any) => f.id)
  t.ok(ids.includes(riser.id) && ids.includes(steady.id))
  t.notOk(ids.includes(unmapped.id), 'premises without a location are not on the map')
  t.notOk(ids.includes(away.id), 'premises outside the box are left out')
  const feature = body.features.find((f: any) => f.id === riser.id)
  t.same(feature.properties, { n: 'The Rising Arms', s: 'current' }, 'only what the map draws; empty properties left out')
  t.same(feature.geometry.coordinates, [Math.round(riser.lng! * 1e5) / 1e5, Math.round(riser.lat! * 1e5) / 1e5], 'rounded to about a metre')
  const everywhere = (await app.inject({ url: '/api/map/premises', headers: police.headers })).json()
  t.ok(everywhere.features.some((f: any) => f.id === away.id), 'no box: every mapped premises in scope')
})

t.test('a matching If-None-Match gets 304 with no body; the answer is compressed', async t => {
  const first = await feed(officer.headers)
  const again = await feed({ ...officer.headers, 'if-none-match': first.headers.etag as string })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  t.equal(again.headers.etag, first.headers.etag)
  t.equal((await feed({ ...officer.headers, 'if-none-match': 'W/"something-else"' })).statusCode, 200)
  for (let i = 0; i < 30; i++) await createPremises(app.db, { name: `Filler ${i}` })
  const zipped = await feed({ ...officer.headers, 'accept-encoding': 'gzip' })
  t.equal(zipped.headers['content-encoding'], 'gzip')
  t.equal(zipped.headers.etag, (await feed(officer.headers)).headers.etag, 'one validator for every encoding')
})

t.test('every kind of write the feed shows changes the ETag, on this instance and on another', async t => {
  t.equal(await etagOf(officer.headers, second), await etagOf(officer.headers), 'both instances agree to begin with')

  let before = await etagOf(officer.headers, second)
  const edit = await app.inject({ method: 'PATCH', url: `/api/premises/${steady.id}`, headers: officer.headers, payload: { name: 'The Steady Tavern and Kitchen' } })
  t.equal(edit.statusCode, 200)
  t.not(await etagOf(officer.headers, second), before, 'a premises edit through one instance changes the other\'s ETag')
  t.equal((await feed(officer.headers, CITY, second)).json().features.find((f: any) => f.id === steady.id).properties.n, 'The Steady Tavern and Kitchen')

  before = await etagOf(officer.headers, second)
  const run = await app.inject({ method: 'POST', url: `/api/flags/run?asOf=${AS_OF}`, headers: officer.headers })
  t.equal(run.statusCode, 200)
  t.not(await etagOf(officer.headers, second), before, 'a flag run changes it')
  t.equal((await feed(officer.headers, CITY, second)).json().features.find((f: any) => f.id === riser.id).properties.f, 'strong')

  await submitPlan(app, officer.headers, riser.id, 'noise_management_plan')
  await submitPlan(app, officer.headers, riser.id, 'dispersal_policy')
  t.equal((await feed(officer.headers)).json().features.find((f: any) => f.id === riser.id).properties.p, 'submitted')
  const approve = (kind: string) => app.inject({ method: 'POST', url: `/api/premises/${riser.id}/${kind}/approve`, headers: officer.headers, payload: {} })
  before = await etagOf(officer.headers, second)
  t.equal((await approve('noise-plan')).statusCode, 200)
  t.equal(await etagOf(officer.headers, second), before, 'the ETag is of the answer: a write that changes nothing drawn keeps it (one plan still waits)')
  t.equal((await approve('dispersal-policy')).statusCode, 200)
  t.not(await etagOf(officer.headers, second), before, 'a plan decision changes it')
  t.equal((await feed(officer.headers, CITY, second)).json().features.find((f: any) => f.id === riser.id).properties.p, 'approved')

  const year = app.clock.year()
  const url = (id: number, tail = '') => `/api/safety-thirst/applications/${id}${tail}`
  const created = (await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: steady.id, year } })).json()
  const codes = created.criteriaSet.criteria.map((c: { code: string }) => c.code) as string[]
  await app.inject({ method: 'PUT', url: url(created.id, '/self-assessment'), headers: officer.headers, payload: { answers: codes.map(code => ({ criterionCode: code, answer: 'yes' })) } })
  await app.inject({ method: 'POST', url: url(created.id, '/submit'), headers: officer.headers })
  await app.inject({ method: 'PUT', url: url(created.id, '/assessment'), headers: officer.headers, payload: { results: codes.map(code => ({ criterionCode: code, result: 'met' })) } })
  await app.inject({ method: 'POST', url: url(created.id, '/moderation'), headers: admin.headers, payload: { confirm: true } })
  before = await etagOf(officer.headers, second)
  const decision = await app.inject({ method: 'POST', url: url(created.id, '/decision'), headers: officer.headers })
  t.equal(decision.statusCode, 200, decision.body)
  t.not(await etagOf(officer.headers, second), before, 'a Safety Thirst award changes it')
  t.ok((await feed(officer.headers, CITY, second)).json().features.find((f: any) => f.id === steady.id).properties.t, 'the tier is on the map')
})

t.test('a rolled-back write leaves the version as it was', async t => {
  const version = async () => (await app.db.selectFrom('mapDataVersion').select('version').executeTakeFirstOrThrow()).version
  const before = await version()
  await app.db.transaction().execute(async trx => {
    await trx.updateTable('premises').set({ name: 'Never Saved' }).where('id', '=', steady.id).execute()
    throw new Error('roll back')
  }).catch(() => {})
  t.equal(await version(), before)
  await app.db.updateTable('premises').set({ capacity: 99 }).where('id', '>', 0).execute()
  t.equal(Number(await version()), Number(before) + 1, 'one bump per transaction, however many rows it changed')
})

t.test('a venue manager gets only its own premises, with flags only once acknowledged; other authorities see no flags', async t => {
  const own = (await feed(manager.headers)).json()
  t.same(own.features.map((f: any) => f.id), [riser.id])
  t.notOk(own.features[0].properties.f, 'an open flag is not yet shown to the venue')
  const flag = (await app.inject({ url: `/api/flags?status=open&premisesId=${riser.id}`, headers: officer.headers })).json().items[0]
  const ack = await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: officer.headers, payload: { note: 'Spoke to the DPS' } })
  t.equal(ack.statusCode, 200, ack.body)
  t.equal((await feed(manager.headers)).json().features[0].properties.f, 'strong', 'acknowledged flags are the venue\'s to see')
  const seen = (await feed(authority.headers)).json()
  t.ok(seen.features.length > 1)
  t.notOk(seen.features.some((f: any) => f.properties.f), 'responsible authorities do not read flags')
  t.equal((await app.inject({ url: `/api/map/premises?bbox=${CITY}` })).statusCode, 401)
})

t.test('a bad box is a 400 that says what to enter', async t => {
  for (const bbox of ['1,2,3', 'a,b,c,d', '-0.1,51.5,-0.05,951.6', '0,0,0,0,0']) {
    const res = await feed(officer.headers, encodeURIComponent(bbox))
    t.equal(res.statusCode, 400, bbox)
    t.match(res.json().message, /^Enter bbox as four numbers in degrees/, bbox)
    t.notMatch(res.json().message, /must match|pattern|\/querystring/, 'no schema talk')
  }
  t.equal((await app.inject({ url: '/api/map/premises?bbox=1,2,3,4&other=1', headers: officer.headers })).statusCode, 400, 'unknown parameters are refused')
})
