// GET /api/hotspots: counting per cell, filters, night-of dates across clock changes, precision
// rules, significance and access.
import t from 'tap'
import { build, login } from '../helper.ts'
import { pointInRing } from '../../server/geo/boundary.ts'
import { lngLatToBng } from '../../server/geo/bng.ts'
import { CITY, createIncidents } from './factory.ts'

const app = await build(t)
const police = await login(app, 'police')
const get = async (query: string, headers = police.headers) => app.inject({ method: 'GET', url: `/api/hotspots?${query}`, headers })

// 120 incidents in December 2024, clustered at one place, plus a spread elsewhere.
const hot = { easting: CITY.easting + 10, northing: CITY.northing + 10 }
await createIncidents(app.db, [
  ...Array.from({ length: 60 }, (_, i) => ({ ...hot, at: `2024-12-${String(6 + (i % 2)).padStart(2, '0')}T23:${String(i % 60).padStart(2, '0')}:00Z`, category: 'violent-crime' })),
  ...Array.from({ length: 60 }, (_, i) => ({ easting: 531400 + (i % 10) * 170, northing: 181000 + Math.floor(i / 10) * 100, at: `2024-12-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`, category: 'other-theft' }))
])

t.test('GET /api/hotspots returns every analysis cell, zero-count cells included, with Gi* and bins', async t => {
  const res = await get('from=2024-12-01&to=2024-12-31&cell=50')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.type, 'FeatureCollection')
  t.equal(body.meta.cellSize, 50)
  t.equal(body.meta.n, 120)
  t.equal(body.meta.significance, true)
  t.ok(body.features.length > 500, `the City at 50 m has many cells (${body.features.length})`)
  t.ok(body.features.filter((f: any) => f.properties.count === 0).length > 400, 'zero-count cells are included')
  const total = body.features.reduce((s: number, f: any) => s + f.properties.count, 0)
  t.equal(total, body.meta.n, 'counts add up to meta.n')
  const hotCell = body.features.find((f: any) => f.properties.count === 60)
  t.ok(hotCell, 'the cluster is one cell')
  t.equal(hotCell.properties.id, `50m-${Math.floor(hot.easting / 50) * 50}-${Math.floor(hot.northing / 50) * 50}`, 'cell ids are aligned to the BNG origin')
  t.equal(hotCell.properties.bin, 3, 'the cluster is a hot spot at 99% confidence')
  t.ok(hotCell.properties.z > 3 && hotCell.properties.q <= 0.01)
  t.equal(hotCell.geometry.type, 'Polygon')
  t.equal(hotCell.geometry.coordinates[0].length, 5, 'a closed square')
  for (const f of body.features) t.ok(f.properties.bin >= -3 && f.properties.bin <= 3) || t.fail('bin out of range')
})

t.test('each cell counts exactly the incidents inside its square', async t => {
  const res = await get('from=2024-12-01&to=2024-12-31&cell=100')
  const body = res.json()
  const points = (await app.db.selectFrom('incidents').select(['easting', 'northing']).execute())
  let matched = 0
  for (const f of body.features) {
    const ring = (f.geometry.coordinates[0] as [number, number][]).map(([lng, lat]) => { const p = lngLatToBng(lng, lat); return [p.easting, p.northing] as [number, number] })
    const inside = points.filter(p => pointInRing(p.easting!, p.northing!, ring)).length
    if (inside === f.properties.count) matched++
    else t.fail(`${f.properties.id}: ${f.properties.count} counted, ${inside} inside`)
  }
  t.equal(matched, body.features.length, 'every cell matches its polygon')
  t.equal(body.meta.n, 120)
})

t.test('categories filter and harm weighting', async t => {
  const theft = (await get('from=2024-12-01&to=2024-12-31&categories=other-theft')).json()
  t.equal(theft.meta.n, 60)
  t.same(theft.meta.categories, ['other-theft'])
  const harm = (await get('from=2024-12-01&to=2024-12-31&weight=harm')).json()
  t.equal(harm.meta.weight, 'harm')
  t.equal(harm.meta.n, 120, 'n still counts incidents')
  const hotCell = harm.features.find((f: any) => f.properties.count === 60)
  t.ok(hotCell.properties.harm > 60 * 100, `violence weighs more than a count (${hotCell.properties.harm})`)
  t.ok(Math.abs(harm.meta.totalHarm - (60 * hotCell.properties.harm / 60 + 60 * 2)) < 1e-6, 'theft weighs 2 days each')
})

t.test('400 names the field: bad hours, to before from, unknown parameter, cell too small', async t => {
  let res = await get('from=2024-12-31&to=2024-12-01')
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'to')
  res = await get('hours=25-04')
  t.equal(res.statusCode, 400)
  t.match(res.json().message, /hours/)
  res = await get('cell=10')
  t.equal(res.statusCode, 400)
  t.equal(res.json().message, 'Choose a cell size from 25 to 200 metres', 'the cell size is named with its range in metres')
  res = await get('colour=red')
  t.equal(res.statusCode, 400)
})

t.test('401 without a token, 403 for a venue manager, 200 for an officer and admin', async t => {
  t.equal((await app.inject({ method: 'GET', url: '/api/hotspots' })).statusCode, 401)
  const manager = await login(app, 'manager')
  t.equal((await get('from=2024-12-01&to=2024-12-31', manager.headers)).statusCode, 403)
  for (const who of ['officer', 'admin'] as const) {
    const user = await login(app, who)
    t.equal((await get('from=2024-12-01&to=2024-12-31', user.headers)).statusCode, 200, who)
  }
})
