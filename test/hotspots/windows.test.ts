// Hotspots count an incident recorded as a window (committed between two times) by its aoristic
// share: the minutes of the window inside the day and hour filters over the window's minutes
// (docs/analytics.md, "Times as recorded"); the source switches keep or drop whole sources.
//
// Worked by hand (December: GMT, so local time is UTC; night of = local date of time − 6 h):
//   A  Fri 6 Dec 2024 22:30 → Sat 01:30, 180 min, A&E. Friday night 22–02: all 180 → 1.
//      Fri 23–01: 23:00–01:00 = 120 of 180 → 2/3.
//   B  Sat 7 Dec 04:00 → 08:00, 240 min, force. Night of Fri until 06:00 (120), Sat after (120):
//      Fridays, any hour → 1/2; Fri 23–01 → 0.
//   C  Fri 6 Dec 23:15 exactly, force: 1 on a Friday at 23–01.
//   D  Tue 31 Dec 22:00 → Wed 1 Jan 2025 02:00, 240 min, force, elsewhere: a window to
//      31 December holds 120 of its minutes → 1/2.
import t from 'tap'
import { build, login } from '../helper.ts'
import { bngToLngLat } from '../../server/geo/bng.ts'
import { CITY } from './factory.ts'

const app = await build(t)
const police = await login(app, 'police')
const get = async (path: string, query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/hotspots${path}?${query}`, headers: police.headers })
  if (res.statusCode !== 200) throw new Error(`${path}?${query}: ${res.statusCode} ${res.body}`)
  return res.json()
}

const here = { easting: CITY.easting + 10, northing: CITY.northing + 10 }
const elsewhere = { easting: CITY.easting - 600, northing: CITY.northing + 10 }
const cellOf = (p: { easting: number; northing: number }) => `50m-${Math.floor(p.easting / 50) * 50}-${Math.floor(p.northing / 50) * 50}`
let n = 0
const insert = (source: 'police' | 'hospital', at: string, to: string | null, place = here) => {
  n += 1
  const { lat, lng } = bngToLngLat(place.easting, place.northing)
  return app.db.insertInto('incidents').values({
    source, externalId: `window-${n}`, category: 'violent-crime', occurredAt: at, occurredTo: to, timePrecision: to ? 'window' : 'minute',
    month: `${at.slice(0, 7)}-01`, lat, lng, easting: place.easting, northing: place.northing, locationText: 'On or near Test Street'
  }).execute()
}
await insert('hospital', '2024-12-06T22:30:00Z', '2024-12-07T01:30:00Z')
await insert('police', '2024-12-07T04:00:00Z', '2024-12-07T08:00:00Z')
await insert('police', '2024-12-06T23:15:00Z', null)
await insert('police', '2024-12-31T22:00:00Z', '2025-01-01T02:00:00Z', elsewhere)

const DECEMBER = 'from=2024-12-01&to=2024-12-31&cell=50'
const countIn = (body: any, cell: string) => body.features.find((f: any) => f.id === cell).properties.count

t.test('a window counts its share of minutes inside the hours and nights', async t => {
  const fri2301 = await get('', `${DECEMBER}&days=fri&hours=23-01`)
  t.ok(Math.abs(countIn(fri2301, cellOf(here)) - (1 + 2 / 3)) < 1e-12, `C counts 1, A 2/3, B nothing: ${countIn(fri2301, cellOf(here))}`)
  t.ok(Math.abs(fri2301.meta.n - (1 + 2 / 3)) < 1e-12, 'meta.n is the weighted total')
  t.equal(fri2301.meta.windowed, 1, 'one windowed incident has a share inside')

  const fridays = await get('', `${DECEMBER}&days=fri`)
  t.ok(Math.abs(countIn(fridays, cellOf(here)) - 2.5) < 1e-12, 'A all, B half (its minutes before 06:00 Saturday are Friday night), C one')
  t.equal(fridays.meta.windowed, 2)

  const friNight = await get('', `${DECEMBER}&days=fri&hours=22-02`)
  t.ok(Math.abs(countIn(friNight, cellOf(here)) - 2) < 1e-12, 'A wholly inside 22–02, C inside')
})

t.test('without day or hour filters a window counts the share of it inside the dates', async t => {
  const december = await get('', DECEMBER)
  t.ok(Math.abs(countIn(december, cellOf(here)) - 3) < 1e-12, 'A, B and C wholly in December')
  t.ok(Math.abs(countIn(december, cellOf(elsewhere)) - 0.5) < 1e-12, 'D is half in December')
  t.ok(Math.abs(december.meta.n - 3.5) < 1e-12)
  const january = await get('', 'from=2025-01-01&to=2025-01-31&cell=50')
  t.ok(Math.abs(countIn(january, cellOf(elsewhere)) - 0.5) < 1e-12, 'and half in January: the shares add up to one')
})

t.test('the source switches keep only the sources chosen', async t => {
  const hospital = await get('', `${DECEMBER}&days=fri&hours=23-01&sources=hospital`)
  t.ok(Math.abs(hospital.meta.n - 2 / 3) < 1e-12, `only the A&E window: ${hospital.meta.n}`)
  t.same(hospital.meta.sources, ['hospital'])
  const force = await get('', `${DECEMBER}&days=fri&hours=23-01&sources=police,police_uk`)
  t.ok(Math.abs(force.meta.n - 1) < 1e-12, 'the force records without A&E')
  const bad = await app.inject({ method: 'GET', url: `/api/hotspots?${DECEMBER}&sources=hospitals`, headers: police.headers })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().message, /Enter sources separated by commas, from: police_uk, police/)
})

t.test('the cell panel lists a window with a share inside the filters, and the other views take weighted counts', async t => {
  const cell = await get(`/cells/${cellOf(here)}`, `${DECEMBER}&days=fri&hours=23-01`)
  t.same(cell.incidents.map((i: any) => i.timePrecision).sort(), ['minute', 'window'], 'A and C, not B')
  t.match(cell.incidents.find((i: any) => i.timePrecision === 'window'), { occurredAt: '2024-12-06T22:30:00.000Z', occurredTo: '2024-12-07T01:30:00.000Z' })
  const change = await get('/change', `${DECEMBER}&days=fri`)
  t.ok(Math.abs(change.meta.n - 2.5) < 1e-12, 'the change view counts the same shares')
  const density = await get('/density', `${DECEMBER}&days=fri`)
  t.ok(Math.abs(density.n - 2.5) < 1e-12, `the density counts them too: ${density.n}`)
})
