// police.uk street CSV and API JSON imports: every row stored exactly once whatever the order,
// re-import is a no-op, a later download updates outcomes, bad files are refused whole.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build, login, testDatabaseMode } from '../helper.ts'
import { storeStreetCsv } from '../../server/incidents/imports.service.ts'
import { attributeAll } from '../../server/incidents/attribution.service.ts'
import { bngToLngLat, lngLatToBng } from '../../server/geo/bng.ts'
import { createPremises } from '../fixtures/premises.ts'

const DEMO = join(import.meta.dirname, '../../demo/police-uk')
const FIXTURES = join(import.meta.dirname, '../fixtures/police-uk')
const post = (app: any, headers: object, body: string | Buffer, contentType = 'text/csv') =>
  app.inject({ method: 'POST', url: '/api/imports/police-uk', headers: { ...headers, 'content-type': contentType }, payload: body })
const count = async (app: any) => Number((await app.db.selectFrom('incidents').select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

t.test('all 100 City files: one incident per data row in any order, and again changes nothing', async t => {
  const app = await build(t)
  const files = readdirSync(DEMO).filter(f => f.endsWith('.csv')).sort()
  const dataRows = files.reduce((n, f) => n + readFileSync(join(DEMO, f), 'utf8').split(/\r?\n/).filter(Boolean).length - 1, 0)
  t.equal(dataRows, 68886, 'the demo files hold 68,886 data rows')
  const order = [...files].reverse() // newest first: the order must not matter
  async function importAll () {
    const totals = { imported: 0, updated: 0, unchanged: 0, rejected: 0, noLocation: 0 }
    const started = Date.now()
    await app.db.transaction().execute(async trx => {
      for (const f of order) {
        const s = await storeStreetCsv(trx, readFileSync(join(DEMO, f)), { fileName: f, tz: 'Europe/London' })
        totals.imported += s.imported; totals.updated += s.updated; totals.unchanged += s.unchanged; totals.rejected += s.rejected.length; totals.noLocation += s.noLocation
      }
      await attributeAll(trx)
    })
    return { ...totals, seconds: (Date.now() - started) / 1000 }
  }
  const first = await importAll()
  t.comment(`${testDatabaseMode()} mode: imported 68,886 rows in ${first.seconds.toFixed(1)} s (${Math.round(68886 / first.seconds)} rows/s)`)
  t.same({ imported: first.imported, updated: first.updated, unchanged: first.unchanged, rejected: first.rejected }, { imported: 68886, updated: 0, unchanged: 0, rejected: 0 })
  t.equal(first.noLocation, 5247, 'rows with No Location are kept and counted')
  t.equal(await count(app), 68886, 'one stored incident per data row')
  const noPoint = await app.db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n')).where('lat', 'is', null).executeTakeFirstOrThrow()
  t.equal(Number(noPoint.n), 5247, 'kept without coordinates')
  const again = await importAll()
  t.same({ imported: again.imported, updated: again.updated, unchanged: again.unchanged }, { imported: 0, updated: 0, unchanged: 68886 }, 'importing again changes nothing')
  t.equal(await count(app), 68886)
})

t.test('the early 2020-11 download then the later one updates outcomes without adding rows', async t => {
  const app = await build(t)
  const { headers } = await login(app, 'officer')
  const early = readFileSync(join(FIXTURES, '2020-11-city-of-london-street.early-download-skeuomorph.csv'))
  const late = readFileSync(join(FIXTURES, '2020-11-city-of-london-street.later-download.csv'))
  const a = await post(app, headers, early)
  t.equal(a.statusCode, 200, a.body)
  t.same(a.json(), { ...a.json(), rows: 496, imported: 496, updated: 0, unchanged: 0, rejected: [] })
  const underBefore = await app.db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n')).where('outcome', '=', 'Under investigation').executeTakeFirstOrThrow()
  t.equal(Number(underBefore.n), early.toString().split('\n').filter(l => l.includes(',Under investigation,')).length, 'every "Under investigation" row of the early copy is stored')
  t.ok(Number(underBefore.n) > 200)
  const b = await post(app, headers, late)
  t.equal(b.statusCode, 200)
  t.equal(b.json().imported, 0, 'no new rows')
  t.ok(b.json().updated >= Number(underBefore.n), `outcomes updated (${b.json().updated})`)
  t.equal(b.json().updated + b.json().unchanged, 496)
  t.equal(await count(app), 496)
  const underAfter = await app.db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n')).where('outcome', '=', 'Under investigation').executeTakeFirstOrThrow()
  t.equal(Number(underAfter.n), 0, 'later outcomes replaced every "Under investigation"')
  const c = await post(app, headers, late)
  t.same([c.json().imported, c.json().updated, c.json().unchanged], [0, 0, 496], 'the same download again is a no-op')

  const crlf = readFileSync(join(FIXTURES, '2018-01-city-of-london-street.crlf-redownload.csv'))
  const multipart = Buffer.concat([
    Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="2018-01.csv"\r\nContent-Type: text/csv\r\n\r\n'), crlf, Buffer.from('\r\n--XyZ--\r\n')
  ])
  const d = await post(app, headers, multipart, 'multipart/form-data; boundary=XyZ')
  t.equal(d.statusCode, 200, d.body)
  t.equal(d.json().imported, 698, 'a CRLF file sent as multipart field "file" imports')
  const runs = await app.db.selectFrom('importRuns').select('id').execute()
  t.equal(runs.length, 4, 'each import is recorded')
})

t.test('a file that is not a police.uk street CSV is refused with the line, nothing written', async t => {
  const app = await build(t)
  const { headers } = await login(app, 'police')
  const good = readFileSync(join(DEMO, '2017-01-city-of-london-street.csv'), 'utf8')
  const lines = good.split('\n')
  const cases: [string, string | Buffer, RegExp][] = [
    ['wrong header', 'Type,Date,Part of a policing operation\n1,2,3\n', /line 1: the header/],
    ['binary', readFileSync(join(FIXTURES, 'crime_month_2018_06_area_E05000370_0.json.gz')), /line \d+: .*binary/],
    ['truncated line', lines.slice(0, 40).join('\n') + '\n' + lines[40]!.slice(0, 60) + '\n' + lines.slice(41, 60).join('\n'), /line 41: expected 12 columns/],
    ['empty', '', /line 1/],
    ['blank line inside', lines.slice(0, 5).join('\n') + '\n\n' + lines.slice(5, 9).join('\n'), /line 6: an empty line/],
    ['quote never closed', lines.slice(0, 3).join('\n') + '\n,2017-01,x,x,,,"On or near,,,Burglary,x,\n', /line 4: malformed CSV/]
  ]
  for (const [name, body, message] of cases) {
    const res = await post(app, headers, body)
    t.equal(res.statusCode, 400, `${name}: 400`)
    t.match(res.json().message, message, `${name}: names the line`)
    t.equal(res.json().code, 'IMPORT_FILE_INVALID')
  }
  t.equal(await count(app), 0, 'nothing written')
  const headerOnly = await post(app, headers, lines[0] + '\n')
  t.same([headerOnly.statusCode, headerOnly.json().rows, headerOnly.json().imported], [200, 0, 0], 'a header alone is an empty month, not an error')
  const bad = lines.slice(0, 3).join('\n') + '\n,2017-13,x,x,,,No Location,,,Burglary,x,\n'
  const res = await post(app, headers, bad)
  t.equal(res.statusCode, 200)
  t.same(res.json().rejected, [{ line: 4, reason: 'Month "2017-13" is not YYYY-MM' }], 'a bad row is rejected with its line, the rest imported')
  t.equal(res.json().imported, 2)
  t.equal((await post(app, (await login(app, 'manager')).headers, good)).statusCode, 403, 'a venue manager may not import')
  t.equal((await app.inject({ method: 'POST', url: '/api/imports/police-uk', payload: good, headers: { 'content-type': 'text/csv' } })).statusCode, 401)
})

t.test('police.uk API JSON: overlapping ward files do not duplicate; BTP rows without persistent_id kept', async t => {
  const app = await build(t)
  const { headers } = await login(app, 'admin')
  const files = ['crime_month_2018_06_area_E05000367_0.json.gz', 'crime_month_2018_06_area_E05000370_0.json.gz']
  const results = []
  for (const f of [...files, ...files]) {
    const res = await app.inject({ method: 'POST', url: '/api/imports/police-uk-json', headers: { ...headers, 'content-type': 'application/gzip' }, payload: readFileSync(join(FIXTURES, f)) })
    t.equal(res.statusCode, 200, res.body)
    results.push(res.json())
  }
  t.equal(await count(app), 520, '315 + 220 records, 15 in both wards: 520 distinct crimes')
  t.same(results.slice(2).map(r => r.imported + r.updated), [0, 0], 'importing both again changes nothing')
  const btp = await app.db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n')).where('externalId', 'like', 'api:%').executeTakeFirstOrThrow()
  t.equal(Number(btp.n), 74, 'rows without persistent_id are keyed on the API id')
})

t.test('police.uk rows are attributed as they are imported, as attributeAll would; a row that moves is attributed again', async t => {
  const app = await build(t)
  const { headers } = await login(app, 'officer')
  const east = (metres: number) => bngToLngLat(lngLatToBng(-0.09, 51.515).easting + metres, lngLatToBng(-0.09, 51.515).northing)
  const a = await createPremises(app.db, { location: east(0) })
  const b = await createPremises(app.db, { location: east(80) })
  const header = readFileSync(join(DEMO, '2017-01-city-of-london-street.csv'), 'utf8').split(/\r?\n/)[0]
  const row = (id: string, point: { lng: number; lat: number } | null, outcome = 'Under investigation') =>
    `${id},2024-05,City of London Police,City of London Police,${point ? point.lng.toFixed(6) : ''},${point ? point.lat.toFixed(6) : ''},On or near Test Street,E01000001,City of London 001A,Other theft,${outcome},`
  const file = (far: { lng: number; lat: number }) => [header, row('c1', east(10)), row('c2', east(40)), row('c3', far), row('c4', null), ''].join('\n')
  t.equal((await post(app, headers, file(east(300)))).statusCode, 200)
  const state = async () => Object.fromEntries((await app.db.selectFrom('incidents').select(['externalId', 'attribution', 'premisesId']).orderBy('externalId').execute())
    .map(r => [r.externalId, [r.attribution, r.premisesId]]))
  const candidates = async () => Object.fromEntries((await app.db.selectFrom('incidents').select(['externalId', 'candidatePremisesIds']).where('candidatePremisesIds', 'is not', null).execute())
    .map(r => [r.externalId, r.candidatePremisesIds]))
  t.same(await state(), { c1: ['proximate', a.id], c2: ['ambiguous', null], c3: ['none', null], c4: ['none', null] }, '10 m from one venue, 40 m from two, 300 m from both, no location')
  t.same(await candidates(), { c2: [a.id, b.id] }, 'the ambiguous row keeps both candidates, nearest first')
  const imported = { attribution: await state(), candidates: await candidates() }
  await attributeAll(app.db)
  t.same({ attribution: await state(), candidates: await candidates() }, imported, 'attributing everything again changes nothing')
  const later = await post(app, headers, file(east(75)))
  t.same([later.json().imported, later.json().updated], [0, 1], 'a later download moves one row')
  t.same((await state()).c3, ['proximate', b.id], 'the moved row is attributed again')
})
