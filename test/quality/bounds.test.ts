// Out-of-range input is a 400 that names the field in words, never a 500 or a strange answer:
// dates outside 1990–2100 on every date filter, a bbox with a 400-digit number, a cell id with a
// size the `cell` filter forbids (a 1 m grid overflowed the stack), an FSA XML file with a
// DOCTYPE, and the hotspot grid cache stays within its configured size.
import t, { type Test } from 'tap'
import { countAllRows } from '../../bench/lib/database.ts'
import { cachedGridSizes } from '../../server/hotspots/hotspots.service.ts'
import { DATE_RANGE_MESSAGE } from '../../shared/schemas/common.ts'
import { createPremises } from '../fixtures/premises.ts'
import { build, login } from '../helper.ts'

const app = await build(t, { config: { hotspotGridCache: 2 } })
const officer = await login(app, 'officer')
const premises = await createPremises(app.db)

const get = (url: string) => app.inject({ url, headers: officer.headers })

function refused (t: Test, res: Awaited<ReturnType<typeof get>>, field: string, message: RegExp | string, what: string) {
  t.equal(res.statusCode, 400, `${what}: 400 (got ${res.statusCode} ${res.body.slice(0, 120)})`)
  const body = res.json()
  t.equal(body.field, field, `${what}: names the field`)
  if (typeof message === 'string') t.match(body.message, message, `${what}: says what to enter`)
  else t.match(body.message, message, `${what}: says what to enter`)
  t.notMatch(body.message, /must match|pattern|querystring|\^/, `${what}: no schema words`)
}

t.test('dates before 1990 or after 2100 are refused on every date filter', async t => {
  const routes = [
    '/api/incidents', '/api/incidents/export.csv', '/api/incidents/trend',
    '/api/hotspots', '/api/hotspots/density', '/api/hotspots/change', '/api/hotspots/briefing',
    '/api/hotspots/export?format=csv', '/api/hotspots/export.csv', '/api/hotspots/export.geojson', '/api/hotspots/cells/50m-532000-181000',
    `/api/flags/concentration`
  ]
  for (const route of routes) {
    const join = route.includes('?') ? '&' : '?'
    for (const [field, value] of [['from', '0001-01-01'], ['to', '9999-12-01'], ['from', '1989-12-31'], ['to', '2101-01-01']] as const) {
      if (route.startsWith('/api/flags')) continue
      refused(t, await get(`${route}${join}${field}=${value}`), field, DATE_RANGE_MESSAGE, `${route} ${field}=${value}`)
    }
    if (route.startsWith('/api/flags')) refused(t, await get(`${route}${join}asOf=0001-01-01`), 'asOf', DATE_RANGE_MESSAGE, `${route} asOf=0001-01-01`)
  }
  refused(t, await app.inject({ method: 'POST', url: '/api/flags/run?asOf=9999-12-01', headers: officer.headers }), 'asOf', DATE_RANGE_MESSAGE, 'POST /api/flags/run asOf=9999-12-01')
  const before = await countAllRows(app.db)
  const incident = await app.inject({ method: 'POST', url: '/api/incidents', headers: officer.headers, payload: { category: 'noise', occurredAt: '0001-01-01T22:00:00Z', location: null, premisesId: premises.id } })
  refused(t, incident, 'occurredAt', DATE_RANGE_MESSAGE, 'POST /api/incidents occurredAt in year 1')
  t.same(await countAllRows(app.db), before, 'nothing written')
  const ok = await get('/api/incidents/trend?from=1990-01-01&to=1990-03-31')
  t.equal(ok.statusCode, 200, 'the first day of the range is accepted')
  t.same(ok.json().months, ['1990-01', '1990-02', '1990-03'], 'and the months are the ones asked for')
  t.equal((await get('/api/hotspots?from=2100-12-01&to=2100-12-31')).statusCode, 200, 'the last day of the range is accepted')
})

t.test('a bbox with a 400-digit or out-of-range number is a 400 naming bbox', async t => {
  const huge = '-1' + '0'.repeat(400)
  for (const route of ['/api/premises', '/api/incidents', '/api/premises/export.csv', '/api/public/premises']) {
    for (const bbox of [`${huge},51.5,-0.07,51.52`, '-0.11,95,-0.07,51.52', '-200,51.5,-0.07,51.52', '1e3,51.5,-0.07,51.52']) {
      const res = await app.inject({ url: `${route}?bbox=${bbox}`, headers: route.includes('public') ? {} : officer.headers })
      refused(t, res, 'bbox', /Enter bbox as four numbers in degrees/, `${route} bbox=${bbox.slice(0, 24)}…`)
    }
  }
})

t.test('cell ids follow the cell filter: 25 to 200 metres, answered at once', async t => {
  for (const id of ['1m-0-0', '10m-530000-180000', '201m-0-0', '5000m-0-0', '50m-532001-181000']) {
    const started = Date.now()
    const res = await get(`/api/hotspots/cells/${id}`)
    refused(t, res, 'id', /Enter a cell id like 50m-532000-181000/, `cell ${id}`)
    t.ok(Date.now() - started < 5000, `cell ${id} answered without building a grid`)
  }
  const outside = await get('/api/hotspots/cells/50m-0-0')
  t.equal(outside.statusCode, 404, 'a well-formed cell outside the area is not found')
})

t.test('the grid cache keeps at most HOTSPOT_GRID_CACHE grids', async t => {
  for (const cell of [25, 40, 60, 75]) t.equal((await get(`/api/hotspots?from=2024-01-01&to=2024-01-31&cell=${cell}`)).statusCode, 200)
  t.same(cachedGridSizes(), [60, 75], 'the two most recently used sizes')
})

t.test('an FSA XML file with a DOCTYPE is refused with a 400 and writes nothing', async t => {
  const before = await countAllRows(app.db)
  const xml = '<?xml version="1.0"?>\n<!DOCTYPE z [<!ENTITY a SYSTEM "file:///etc/passwd">]>\n<FHRSEstablishment><EstablishmentCollection><EstablishmentDetail><FHRSID>1</FHRSID><BusinessName>&a;</BusinessName><BusinessType>Pub/bar/nightclub</BusinessType></EstablishmentDetail></EstablishmentCollection></FHRSEstablishment>'
  const res = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'text/xml' }, payload: xml })
  t.equal(res.statusCode, 400, `400 (got ${res.statusCode} ${res.body.slice(0, 120)})`)
  t.equal(res.json().code, 'MALFORMED_IMPORT')
  t.match(res.json().message, /declares a <!DOCTYPE> at line 2/)
  t.same(await countAllRows(app.db), before, 'nothing written')
})
