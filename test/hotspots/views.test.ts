// Night-of dates across clock changes, month- and day-precise records, the density raster, the
// change view, the cell panel, the briefing and the exports.
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { bngToLngLat } from '../../server/geo/bng.ts'
import { CITY, createIncidents } from './factory.ts'

const app = await build(t)
const police = await login(app, 'police')
const get = async (path: string, query: string) => app.inject({ method: 'GET', url: `/api/hotspots${path}?${query}`, headers: police.headers })
const n = async (query: string) => (await get('', query)).json().meta.n as number
const at = (easting: number, northing: number) => ({ easting, northing })
const spot = at(CITY.easting + 5, CITY.northing + 5)

t.test('autumn clock change: incidents between 00:00 and 02:00 local are neither lost nor double-counted', async t => {
  // 27 Oct 2024: 01:00–02:00 happens twice (BST, then GMT). Local 00:00–02:00 is 23:00Z on the 26th to 02:00Z.
  const instants = ['2024-10-26T23:00:00Z', '2024-10-26T23:30:00Z', '2024-10-27T00:00:00Z', '2024-10-27T00:30:00Z', '2024-10-27T00:59:00Z', '2024-10-27T01:00:00Z', '2024-10-27T01:30:00Z', '2024-10-27T01:59:00Z']
  await createIncidents(app.db, instants.map(a => ({ ...spot, at: a, category: 'public-order' })))
  const base = 'from=2024-10-26&to=2024-10-26&categories=public-order'
  t.equal(await n(`${base}&days=sat&hours=0-2`), 8, 'all eight fall in the hours 00–02 of Saturday night')
  t.equal(await n(`${base}&days=sat&hours=22-04`), 8, 'and in 22:00–04:00')
  t.equal(await n(`${base}&days=sun&hours=22-04`), 0, 'none is Sunday night')
  t.equal(await n(`${base}&days=sat&hours=1-2`), 6, 'both 01:00 hours (three in BST, three in GMT) count, once each')
  t.equal(await n(`from=2024-10-20&to=2024-10-31&categories=public-order&days=mon,tue,wed,thu,fri,sat,sun`), 8, 'every night together: each once')
  t.equal(await n(`from=2024-10-27&to=2024-10-27&categories=public-order`), 8, 'by calendar date they all fall on 27 October')
})

t.test('spring clock change: the missing hour loses nothing', async t => {
  // 30 Mar 2025: 01:00 GMT jumps to 02:00 BST.
  await createIncidents(app.db, ['2025-03-30T00:00:00Z', '2025-03-30T00:30:00Z', '2025-03-30T00:59:00Z', '2025-03-30T01:00:00Z', '2025-03-30T02:30:00Z']
    .map(a => ({ ...spot, at: a, category: 'drugs' })))
  const base = 'from=2025-03-29&to=2025-03-29&categories=drugs&days=sat'
  t.equal(await n(`${base}&hours=0-2`), 3, '00:00, 00:30, 00:59 local')
  t.equal(await n(`${base}&hours=22-04`), 5, '02:00 and 03:30 BST are still Saturday night')
})

t.test('01:30 on a Saturday belongs to Friday night', async t => {
  await createIncidents(app.db, [{ ...spot, at: '2024-12-07T01:30:00Z', category: 'robbery' }, { ...spot, at: '2024-12-07T07:30:00Z', category: 'robbery' }])
  t.equal(await n('from=2024-12-01&to=2024-12-31&categories=robbery&days=fri'), 1)
  t.equal(await n('from=2024-12-01&to=2024-12-31&categories=robbery&days=sat'), 1, '07:30 Saturday is Saturday')
  t.equal(await n('from=2024-12-06&to=2024-12-06&categories=robbery&hours=22-04'), 1, 'the window counts nights when hours are set')
})

t.test('month-precise records count only for whole months and never with hour or day filters', async t => {
  await createIncidents(app.db, [
    ...Array.from({ length: 5 }, () => ({ ...spot, at: '2023-11-01T00:00:00Z', precision: 'month' as const, category: 'shoplifting' })),
    ...Array.from({ length: 7 }, () => ({ ...spot, at: '2023-12-01T00:00:00Z', precision: 'month' as const, category: 'shoplifting' })),
    ...Array.from({ length: 2 }, () => ({ ...spot, at: '2023-12-09T12:00:00Z', precision: 'day' as const, category: 'shoplifting' }))
  ])
  const meta = async (q: string) => (await get('', `categories=shoplifting&${q}`)).json().meta
  let m = await meta('from=2023-12-01&to=2023-12-31')
  t.same([m.n, m.excludedMonthPrecision], [9, 0], 'December whole: 7 month-precise + 2 day-precise')
  m = await meta('from=2023-12-01&to=2023-12-15')
  t.same([m.n, m.excludedMonthPrecision], [2, 7], 'a window that cuts December leaves its records out and says so')
  m = await meta('from=2023-11-15&to=2023-12-31')
  t.same([m.n, m.excludedMonthPrecision], [9, 5])
  m = await meta('from=2023-12-01&to=2023-12-31&days=sat')
  t.same([m.n, m.excludedMonthPrecision], [2, 7], 'day-precise records still have a day of the week (9 Dec 2023 is a Saturday)')
  m = await meta('from=2023-12-01&to=2023-12-31&hours=22-04')
  t.same([m.n, m.excludedMonthPrecision, m.excludedDayPrecision], [0, 7, 2], 'no time of day: left out of hour filters')
  t.equal(m.significance, false)
  t.match(m.reason, /too few incidents/)
})

t.test('zero variance: no significance and a reason', async t => {
  const m = (await get('', 'from=2001-01-01&to=2001-01-31')).json().meta
  t.equal(m.n, 0)
  t.equal(m.significance, false)
  t.ok(m.reason)
})

t.test('density: a quartic kernel raster whose mass equals the incidents, bandwidth clamped', async t => {
  const res = await get('/density', 'from=2024-10-26&to=2024-10-27&categories=public-order&bandwidth=150&pixel=10')
  t.equal(res.statusCode, 200)
  const d = res.json()
  t.equal(d.n, 8)
  t.equal(d.bandwidth, 150)
  t.equal(d.values.length, d.width * d.height)
  const mass = d.values.reduce((s: number, v: number) => s + v, 0) * d.pixelSize ** 2 / 1e6
  t.ok(Math.abs(mass - 8) < 0.1, `mass ${mass} ≈ 8`)
  t.equal(d.corners.length, 4)
  const auto = (await get('/density', 'from=2024-10-26&to=2024-10-27&categories=public-order')).json()
  t.ok(auto.bandwidth >= 75 && auto.bandwidth <= 300, `default bandwidth ${auto.bandwidth} within 75–300`)
  t.equal((await get('/density', 'bandwidth=20')).statusCode, 400, 'bandwidth below 75 m is refused')
})

t.test('change view: this December against last, exact Poisson test and BH', async t => {
  const cell = at(531900, 181100)
  await createIncidents(app.db, [
    ...Array.from({ length: 24 }, (_, i) => ({ ...cell, at: `2022-12-${String(1 + i).padStart(2, '0')}T21:00:00Z`, category: 'theft-from-the-person' })),
    ...Array.from({ length: 2 }, (_, i) => ({ ...cell, at: `2021-12-${String(3 + i).padStart(2, '0')}T21:00:00Z`, category: 'theft-from-the-person' }))
  ])
  const res = await get('/change', 'from=2022-12-01&to=2022-12-31&categories=theft-from-the-person')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.meta.previousFrom, '2021-12-01')
  t.same([body.meta.n, body.meta.previousN], [24, 2])
  const f = body.features.find((x: any) => x.properties.count === 24)
  t.equal(f.properties.previous, 2)
  t.equal(f.properties.tested, true)
  t.ok(f.properties.p < 1e-4 && f.properties.bin === 3, `a rise at 99% (p ${f.properties.p})`)
  t.equal(body.meta.tested, 1, 'cells that cannot reach significance are not tested')
})

t.test('cell panel lists the incidents counted and the venues; briefing and exports', async t => {
  const ll = bngToLngLat(spot.easting + 2, spot.northing + 2)
  const venue = await createPremises(app.db, { name: 'The Clockwork Arms', location: { lat: ll.lat, lng: ll.lng } })
  const id = `50m-${Math.floor(spot.easting / 50) * 50}-${Math.floor(spot.northing / 50) * 50}`
  let res = await get(`/cells/${id}`, 'from=2024-10-26&to=2024-10-26&days=sat&hours=22-04')
  t.equal(res.statusCode, 200)
  t.equal(res.json().count, 8, 'the eight clock-change incidents')
  t.ok(res.json().premises.some((p: any) => p.id === venue.id), 'the venue in the cell')
  t.equal((await get('/cells/50m-100-100', '')).statusCode, 404, 'a cell outside the area')
  t.equal((await get('/cells/bad', '')).statusCode, 400)

  res = await get('/briefing', 'from=2024-10-20&to=2024-10-31')
  t.equal(res.statusCode, 200)
  const b = res.json()
  t.equal(b.top[0].id, id)
  t.equal(b.top[0].streets[0].text, 'On or near Test Street')
  t.ok(b.top[0].premises.some((p: any) => p.name === 'The Clockwork Arms'))
  t.equal(b.previousFrom, '2023-10-20')
  t.ok(b.cells.length > 500)

  res = await get('/export.csv', 'from=2024-10-20&to=2024-10-31')
  t.match(res.headers['content-type'], /text\/csv/)
  t.match(res.headers['content-disposition'], /attachment; filename="hotspots_2024-10-20_2024-10-31_50m.csv"/)
  const lines = res.body.trim().split('\r\n')
  t.equal(lines[0], 'id,easting,northing,cell_size_m,centre_lat,centre_lng,count,harm,z,p,q,bin')
  t.equal(lines.length - 1, b.cells.length, 'one row per cell')
  res = await get('/export', 'from=2024-10-20&to=2024-10-31&format=geojson')
  t.match(res.headers['content-type'], /geo\+json/)
  t.equal(JSON.parse(res.body).features.length, b.cells.length)
  t.equal((await app.inject({ method: 'GET', url: '/api/hotspots/export.csv' })).statusCode, 401)
})
