// Importing tabular extracts through saved profiles: every profile field and date format, CSV and
// XLSX, re-import a no-op, a later extract updates, a bad row refuses the file naming its line and
// column with nothing written, a dry run writes nothing, personal data refused, access.
import t from 'tap'
import writeXlsxFile from 'write-excel-file/node'
import { build, login } from '../helper.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { createPremises } from '../fixtures/premises.ts'

const app = await build(t, { config: { now: () => new Date('2026-12-01T12:00:00Z') } })
const police = await login(app, 'police')
const manager = await login(app, 'manager')

const FORCE = {
  label: 'Force crime extract', source: 'police', dateFormat: 'dd/MM/yyyy HH:mm', coordinates: 'bng',
  columns: { reference: 'Crime Ref', occurredFrom: 'Committed From', occurredTo: 'Committed To', category: 'HO Offence', easting: 'Easting', northing: 'Northing', locationText: 'Location', outcome: 'Outcome' },
  categoryMap: { '105/01': 'violent-crime', '008/01': 'violent-crime', '049/05': 'theft-from-the-person', '049/99': 'other-theft' }
}
const HEADER = 'Crime Ref,Committed From,Committed To,HO Offence,Easting,Northing,Location,Outcome'
const extract = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n'
const first = extract(
  'CR/001/25,05/12/2025 22:30,06/12/2025 01:15,105/01,532640,181270,"Bishopsgate, EC2",Under investigation',
  'CR/002/25,06/12/2025 23:40,,049/05,532700,181300,Liverpool Street,Under investigation',
  'CR/003/25,07/12/2025,,049/99,,,,No further action'
)

const put = (name: string, body: object, headers = police.headers) => app.inject({ method: 'PUT', url: `/api/imports/profiles/${name}`, headers, payload: body })
const post = (profile: string, body: string | Buffer, query = '', type = 'text/csv', headers = police.headers) =>
  app.inject({ method: 'POST', url: `/api/imports/records/${profile}${query}`, headers: { ...headers, 'content-type': type }, payload: body })
const count = async () => Number((await app.db.selectFrom('incidents').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const byRef = (ref: string) => app.db.selectFrom('incidents').selectAll().where('externalId', '=', ref).executeTakeFirstOrThrow()

t.test('a profile is saved with PUT and listed after the shipped ISTV profile', async t => {
  const res = await put('force-crs', FORCE)
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.json().name, 'force-crs')
  t.same(res.json().columns, FORCE.columns)
  const list = await app.inject({ method: 'GET', url: '/api/imports/profiles', headers: police.headers })
  t.same(list.json().items.map((p: any) => [p.name, p.builtIn]), [['istv', true], ['force-crs', false]])
  t.equal((await put('istv', FORCE)).statusCode, 409, 'the shipped profile cannot be overwritten')
})

t.test('a bad profile is a 400 in words that name the field', async t => {
  const bad = await put('force-crs', { ...FORCE, dateFormat: 'dd.MM.yy' })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().message, /Choose how dates are written/)
  const noRef = await put('force-crs', { ...FORCE, columns: { occurredFrom: 'x', category: 'y' } })
  t.equal(noRef.statusCode, 400)
  t.match(noRef.json().message, /Choose the column that holds the reference/)
  const slug = await put('Force CRS', FORCE)
  t.equal(slug.statusCode, 400)
  t.match(slug.json().message, /lower-case letters, digits and dashes/)
  const category = await put('force-crs', { ...FORCE, categoryMap: { '105/01': 'assault' } })
  t.equal(category.statusCode, 400)
  t.match(category.json().message, /Nightsafe's categories/)
})

t.test('only officers, police and admins reach the profiles and imports', async t => {
  t.equal((await app.inject({ method: 'GET', url: '/api/imports/profiles' })).statusCode, 401)
  t.equal((await put('force-crs', FORCE, manager.headers)).statusCode, 403)
  t.equal((await post('force-crs', first, '', 'text/csv', manager.headers)).statusCode, 403)
  t.equal((await post('no-such-profile', first)).statusCode, 404)
})

t.test('a force extract imports with its windows, grid references and classifications; again it changes nothing', async t => {
  const res = await post('force-crs', first)
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { rows: 3, imported: 3, updated: 0, unchanged: 0, windows: 1, noLocation: 1, latest: '2025-12-07', dryRun: false })
  const window = await byRef('CR/001/25')
  t.equal(window.source, 'police')
  t.equal(window.timePrecision, 'window')
  t.equal(new Date(window.occurredAt).toISOString(), '2025-12-05T22:30:00.000Z', 'the window starts as recorded (GMT in December)')
  t.equal(new Date(window.occurredTo!).toISOString(), '2025-12-06T01:15:00.000Z', 'and ends as recorded')
  t.equal(window.category, 'violent-crime')
  t.equal(window.classification, '105/01')
  t.equal(window.easting, 532640)
  t.ok(Math.abs(window.lat! - 51.516) < 0.01, 'lat/lng are derived from the grid reference')
  t.equal(window.importProfile, 'force-crs')
  const exact = await byRef('CR/002/25')
  t.equal(exact.timePrecision, 'minute')
  const day = await byRef('CR/003/25')
  t.equal(day.timePrecision, 'day', 'a date without a time is dated by day')
  t.equal(day.lat, null)

  const again = await post('force-crs', first)
  t.match(again.json(), { rows: 3, imported: 0, updated: 0, unchanged: 3 })
  t.equal(await count(), 3)

  const api = await app.inject({ method: 'GET', url: `/api/incidents/${window.id}`, headers: police.headers })
  t.match(api.json(), { timePrecision: 'window', occurredAt: '2025-12-05T22:30:00.000Z', occurredTo: '2025-12-06T01:15:00.000Z', classification: '105/01' })
})

t.test('a later extract updates outcomes, classifications and times, and adds new records', async t => {
  const later = extract(
    'CR/001/25,05/12/2025 22:45,06/12/2025 01:00,008/01,532640,181270,"Bishopsgate, EC2",Charged',
    'CR/002/25,06/12/2025 23:40,,049/05,532700,181300,Liverpool Street,Under investigation',
    'CR/003/25,07/12/2025,,049/99,,,,No further action',
    'CR/004/25,12/12/2025 23:05,13/12/2025 00:20,049/05,532710,181310,Liverpool Street,Under investigation'
  )
  const res = await post('force-crs', later)
  t.match(res.json(), { rows: 4, imported: 1, updated: 1, unchanged: 2 })
  const changed = await byRef('CR/001/25')
  t.equal(changed.outcome, 'Charged')
  t.equal(changed.classification, '008/01')
  t.equal(new Date(changed.occurredAt).toISOString(), '2025-12-05T22:45:00.000Z')
  t.equal(await count(), 4)
})

t.test('a bad row refuses the whole file, naming its line and column, and writes nothing', async t => {
  const before = await count()
  const bad = extract(
    'CR/010/25,05/12/2025 22:30,,105/01,532640,181270,x,',
    'CR/011/25,31/02/2025 23:40,,105/01,532640,181270,x,',
    'CR/012/25,05/12/2025 22:30,,999/99,532640,181270,x,'
  )
  const res = await post('force-crs', bad)
  t.equal(res.statusCode, 400)
  t.equal(res.json().code, 'IMPORT_ROW_INVALID')
  t.equal(res.json().message, 'line 3, column Committed From (B): "31/02/2025 23:40" is not a real date (and 1 more problem: preview the file to see them all). Nothing was imported.')
  t.same(res.json().details.problems.map((p: any) => [p.line, p.column]), [[3, 'Committed From (B)'], [4, 'HO Offence (D)']])
  t.equal(await count(), before, 'nothing written, not even the good first row')
  const reversed = await post('force-crs', extract('CR/013/25,05/12/2025 22:30,05/12/2025 21:00,105/01,532640,181270,x,'))
  t.match(reversed.json().message, /line 2, column Committed To \(C\): the window ends before it starts/)
  const repeated = await post('force-crs', extract('CR/014/25,05/12/2025 22:30,,105/01,1,1,x,', 'CR/014/25,05/12/2025 22:31,,105/01,1,1,x,'))
  t.match(repeated.json().message, /line 3: the reference "CR\/014\/25" is already on line 2/)
  const half = await post('force-crs', extract('CR/015/25,05/12/2025 22:30,,105/01,532640,,x,'))
  t.match(half.json().message, /column Northing \(F\): one coordinate is given without the other/)
  const missing = await post('force-crs', 'Crime Ref,Date\r\nA,05/12/2025\r\n')
  t.equal(missing.statusCode, 400)
  t.match(missing.json().message, /the file has no column "Committed From", "Committed To", "HO Offence", "Easting", "Northing", "Location", "Outcome" that the profile "force-crs" expects/)
  t.equal(await count(), before)
})

t.test('a dry run answers the rows as read and the problems, and writes nothing', async t => {
  const before = await count()
  const runs = Number((await app.db.selectFrom('importRuns').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const res = await post('force-crs', extract(
    'CR/020/25,19/12/2025 22:10,20/12/2025 02:10,105/01,532640,181270,Bishopsgate,',
    'CR/021/25,19/12/2025 25:10,,105/01,532640,181270,Bishopsgate,'
  ), '?dryRun=true')
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.equal(body.dryRun, true)
  t.match(body, { rows: 2, imported: 1, updated: 0 })
  t.match(body.preview[0], { line: 2, reference: 'CR/020/25', category: 'violent-crime', classification: '105/01', timePrecision: 'window', occurredAt: '2025-12-19T22:10:00.000Z', occurredTo: '2025-12-20T02:10:00.000Z' })
  t.same(body.problems, [{ line: 3, column: 'Committed From (B)', message: '"19/12/2025 25:10" is not a real time of day' }])
  t.equal(await count(), before)
  t.equal(Number((await app.db.selectFrom('importRuns').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), runs, 'no import recorded')
})

t.test('every date format, separate time columns and both coordinate systems', async t => {
  const formats: [string, string, string][] = [
    ['yyyy-MM-dd HH:mm', '2025-12-05 23:40', '2025-12-05T23:40:00.000Z'],
    ['dd-MM-yyyy HH:mm', '05-12-2025 23:40', '2025-12-05T23:40:00.000Z'],
    ['MM/dd/yyyy HH:mm', '12/05/2025 23:40', '2025-12-05T23:40:00.000Z'],
    ['iso', '2025-07-05T23:40:00', '2025-07-05T22:40:00.000Z'],
    ['iso', '2025-07-05T23:40:00Z', '2025-07-05T23:40:00.000Z'],
    ['dd/MM/yyyy HH:mm', '5/7/2025 23:40:30', '2025-07-05T22:40:30.000Z']
  ]
  for (const [i, [format, written, instant]] of formats.entries()) {
    const name = `fmt-${i}`
    t.equal((await put(name, { label: name, source: 'council', dateFormat: format, coordinates: 'wgs84', columns: { reference: 'Ref', occurredFrom: 'When', category: 'Type', latitude: 'Lat', longitude: 'Lon' }, categoryMap: { Noise: 'noise' } })).statusCode, 200)
    const res = await post(name, `Ref,When,Type,Lat,Lon\nN-${i},${written},Noise,51.5155,-0.0922\n`)
    t.equal(res.statusCode, 200, `${format} ${written}: ${res.body}`)
    const row = await byRef(`N-${i}`)
    t.equal(new Date(row.occurredAt).toISOString(), instant, `${format}: ${written} is ${instant}`)
    t.equal(row.source, 'council')
    t.equal(row.lat, 51.5155)
    t.ok(row.easting! > 532000 && row.easting! < 533000, 'the easting is derived from WGS84')
  }
  t.equal((await put('split', {
    label: 'Split date and time', source: 'ambulance', dateFormat: 'dd/MM/yyyy HH:mm', coordinates: 'none',
    columns: { reference: 'Call', occurredFrom: 'From date', occurredFromTime: 'From time', occurredTo: 'To date', occurredToTime: 'To time', category: 'Nature', locationText: 'Where' },
    categoryMap: { ASSAULT: 'violent-crime', '*': 'other-crime' }
  })).statusCode, 200)
  const res = await post('split', 'Call,From date,From time,To date,To time,Nature,Where\nA1,26/10/2025,23:30,27/10/2025,0230,Assault,Fenchurch Street\nA2,01/12/2025,,,,Fall,\nA3,01/12/2025,,03/12/2025,,Collapse,\n')
  t.equal(res.statusCode, 200, res.body)
  const a1 = await byRef('A1')
  t.equal(new Date(a1.occurredAt).toISOString(), '2025-10-26T23:30:00.000Z', '23:30 on 26 October 2025 is GMT (after the clocks went back)')
  t.equal(new Date(a1.occurredTo!).toISOString(), '2025-10-27T02:30:00.000Z')
  t.equal(a1.category, 'violent-crime', 'the map ignores case')
  t.equal((await byRef('A2')).category, 'other-crime', '"*" maps every other value')
  t.equal((await byRef('A2')).timePrecision, 'day')
  const a3 = await byRef('A3')
  t.equal(a3.timePrecision, 'window', 'a window of dates runs from the start of the first day to the end of the last')
  t.equal(new Date(a3.occurredTo!).toISOString(), '2025-12-04T00:00:00.000Z')
})

t.test('an XLSX extract imports like the CSV, date cells included', async t => {
  const rows = [
    ['Crime Ref', 'Committed From', 'Committed To', 'HO Offence', 'Easting', 'Northing', 'Location', 'Outcome'],
    ['CR/100/25', new Date(Date.UTC(2025, 11, 12, 23, 10)), new Date(Date.UTC(2025, 11, 13, 1, 40)), '105/01', 532650, 181280, 'Bishopsgate', 'Under investigation'],
    ['CR/101/25', '13/12/2025 00:05', null, '049/05', 532650, 181280, 'Bishopsgate', null]
  ]
  const xlsx = await writeXlsxFile(rows.map(r => r.map(value => value instanceof Date ? { value, type: Date, format: 'dd/mm/yyyy hh:mm' } : value === null ? null : { value }))).toBuffer()
  const res = await post('force-crs', xlsx, '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { rows: 2, imported: 2, windows: 1 })
  const row = await byRef('CR/100/25')
  t.equal(new Date(row.occurredAt).toISOString(), '2025-12-12T23:10:00.000Z')
  t.equal(new Date(row.occurredTo!).toISOString(), '2025-12-13T01:40:00.000Z')
  const broken = await post('force-crs', Buffer.concat([xlsx.subarray(0, 200)]), '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  t.equal(broken.statusCode, 400)
  t.match(broken.json().message, /not a readable XLSX workbook/)
})

t.test('a file with personal data is refused, naming the columns', async t => {
  const before = await count()
  const res = await post('force-crs', 'Crime Ref,Committed From,Committed To,HO Offence,Easting,Northing,Location,Outcome,Victim Name,DOB,NHS Number\n')
  t.equal(res.statusCode, 400)
  t.equal(res.json().code, 'IMPORT_PERSONAL_DATA')
  t.match(res.json().message, /"Victim Name" \(column I, looks like a name\), "DOB" \(column J, looks like a date of birth\), "NHS Number" \(column K, looks like an NHS number\)/)
  // NHS numbers under an innocent heading (943 476 5919 and others with valid check digits).
  const hidden = ['9434765919', '4010232137', '9434765870', '4857773456'].map((n, i) => `CR/3${i}/25,05/12/2025 22:30,,105/01,532640,181270,x,,${n}`)
  const res2 = await post('force-crs', ['Crime Ref,Committed From,Committed To,HO Offence,Easting,Northing,Location,Outcome,Notes', ...hidden].join('\n'))
  t.equal(res2.statusCode, 400)
  t.match(res2.json().message, /"Notes" \(column I, looks like NHS numbers\)/)
  const inspect = await app.inject({ method: 'POST', url: '/api/imports/inspect', headers: { ...police.headers, 'content-type': 'text/csv' }, payload: 'Ref,Patient surname,When\n' })
  t.equal(inspect.statusCode, 400, 'a surname is a name wherever it appears in the heading')
  t.match(inspect.json().message, /"Patient surname" \(column B, looks like a name\)/)
  const innocent = await app.inject({ method: 'POST', url: '/api/imports/inspect', headers: { ...police.headers, 'content-type': 'text/csv' }, payload: 'Ref,Premises name,Location,When\n' })
  t.equal(innocent.statusCode, 200, 'the name of premises is not personal data')
  t.equal(await count(), before)
})

t.test('inspect guesses the mapping from the headings and names the profiles that fit', async t => {
  const res = await app.inject({ method: 'POST', url: '/api/imports/inspect', headers: { ...police.headers, 'content-type': 'text/csv' }, payload: first })
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.same(body.headers, HEADER.split(','))
  t.equal(body.rows, 3)
  t.same(body.guess.columns, FORCE.columns)
  t.equal(body.guess.dateFormat, 'dd/MM/yyyy HH:mm')
  t.equal(body.guess.coordinates, 'bng')
  t.same(body.guess.categoryValues, ['049/05', '049/99', '105/01'])
  t.same(body.fits, ['force-crs'])
})

t.test('a failing write inside the import keeps nothing', async t => {
  await createPremises(app.db)
  const before = await count()
  const failing = await failNthWrite(app.db, ['incidents', 'import_runs', 'audit_log'], 2)
  try {
    const res = await post('force-crs', extract('CR/200/25,05/12/2025 22:30,,105/01,532640,181270,x,', 'CR/201/25,05/12/2025 22:30,,105/01,532640,181270,x,'))
    t.equal(res.statusCode, 500)
    t.ok(await failing.rowsWritten() >= 2, 'the second write was attempted')
  } finally {
    await failing.restore()
  }
  t.equal(await count(), before, 'the first row was rolled back with the rest')
})
