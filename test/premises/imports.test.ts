// Imports of the FSA hygiene-rating XML and council register CSV: idempotent, all-or-nothing,
// malformed files rejected naming the line or element; plus the demo seeding step.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { sql } from 'kysely'
import { build, createUser, login } from '../helper.ts'
import { createClock } from '../../server/clock.ts'
import { DEMO_FHRS_FILE, premisesDemoSteps } from '../../server/premises/premises.demo.ts'
import { parseMapping } from '../../server/premises/premises.cli.ts'

const fhrs = readFileSync(DEMO_FHRS_FILE, 'utf8')
const count = async (app: Awaited<ReturnType<typeof build>>) => Number((await app.db.selectFrom('premises').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

const establishment = (id: string, name: string, type = 'Pub/bar/nightclub', geocode = '<Geocode><Longitude>-0.0900</Longitude><Latitude>51.5150</Latitude></Geocode>') =>
  `<EstablishmentDetail><FHRSID>${id}</FHRSID><BusinessName>${name}</BusinessName><BusinessType>${type}</BusinessType><AddressLine2>1 Lime Street</AddressLine2><PostCode>EC3M 7AA</PostCode>${geocode}</EstablishmentDetail>`
const fhrsFile = (...items: string[]) => `<?xml version="1.0"?><FHRSEstablishment><Header><ItemCount>${items.length}</ItemCount></Header><EstablishmentCollection>${items.join('')}</EstablishmentCollection></FHRSEstablishment>`

const registerCsv = [
  'Licence Number,Trading Name,Dtf Location,Licence Status,Licensee,Start Date,Capacity',
  'LN/1,The Crown,"1 Crown Court, London, EC2V 6AA",Granted,Crown Inns Ltd,07/11/2005,120',
  'LN/2,The Anchor,"2 Anchor Lane, London, EC4R 1AA",Suspended,Anchor Ltd,2010-01-31,',
  'LN/3,,"3 Nameless Row",Granted,Someone,,',
  'LN/4,Odd Status,"4 Odd Street",Pending review,Someone,,'
].join('\r\n')
const mapping = { licenceNumber: 'Licence Number', name: 'Trading Name', address: 'Dtf Location', status: 'Licence Status', licenceHolder: 'Licensee', licenceIssuedOn: 'Start Date', capacity: 'Capacity' }

t.test('premises imports', async t => {
  const app = await build(t)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')

  t.test('the FSA City file imports 229 pubs, bars and nightclubs, and a second import changes nothing', async t => {
    const first = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'text/xml' }, payload: fhrs })
    t.equal(first.statusCode, 200, first.body.slice(0, 300))
    t.match(first.json(), { rows: 1787, imported: 229, updated: 0, unchanged: 0, skipped: 1558, rejected: [] })
    t.equal(await count(app), 229)
    const notMapped = await app.db.selectFrom('premises').select('id').where('lat', 'is', null).execute()
    t.equal(notMapped.length, 4, 'establishments without a Geocode are kept, not mapped')
    const again = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'application/xml' }, payload: fhrs })
    t.match(again.json(), { imported: 0, updated: 0, unchanged: 229 })
    t.equal(await count(app), 229, 'the count is unchanged')
    const jewry = await app.db.selectFrom('premises').selectAll().where('source', '=', 'fhrs').where('sourceRef', '=', '999699').executeTakeFirstOrThrow()
    t.match(jewry, { name: '37 Jewry', address: 'Centurion House, 37 Jewry Street, London', postcode: 'EC3N 2ER', premisesType: 'pub_bar_nightclub' })
    t.ok(jewry.easting! > 533000 && jewry.northing! > 181000, 'BNG computed on import')
  })

  t.test('a changed establishment is updated, a new type can be included, and uploads may be multipart', async t => {
    const boundary = 'nightsafeboundary'
    const xml = fhrsFile(establishment('999699', '37 Jewry (renamed)'), establishment('1', 'Cafe One', 'Restaurant/Cafe/Canteen'), establishment('2', 'No Place', 'Pub/bar/nightclub', '<Geocode />'), establishment('x', 'Bad Id'))
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.xml"\r\nContent-Type: text/xml\r\n\r\n${xml}\r\n--${boundary}--\r\n`
    const res = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs?types=pub,restaurant', headers: { ...officer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload })
    t.equal(res.statusCode, 200, res.body)
    t.match(res.json(), { rows: 4, imported: 2, updated: 1, unchanged: 0 })
    t.match(res.json().rejected, [{ element: 'EstablishmentDetail[4] (FHRSID x)', reason: /FHRSID/ }])
    const cafe = await app.db.selectFrom('premises').select(['premisesType', 'lat']).where('sourceRef', '=', '1').executeTakeFirstOrThrow()
    t.same(cafe, { premisesType: 'restaurant', lat: 51.515 })
  })

  t.test('malformed XML is a 400 naming the line and element, and nothing is written', async t => {
    const before = await count(app)
    const broken = fhrsFile(establishment('77', 'New Pub')).replace('</BusinessName>', '</BusinessNam>')
    const res = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'text/xml' }, payload: broken })
    t.equal(res.statusCode, 400)
    t.match(res.json(), { code: 'MALFORMED_IMPORT', message: /line 1, column \d+.*BusinessName/ })
    const wrongRoot = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'text/xml' }, payload: '<Other><a/></Other>' })
    t.match(wrongRoot.json(), { statusCode: 400, message: /FHRSEstablishment/ })
    t.equal(await count(app), before)
  })

  t.test('import routes are for officers and need a body', async t => {
    t.equal((await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...police.headers, 'content-type': 'text/xml' }, payload: fhrsFile() })).statusCode, 403)
    t.equal((await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { 'content-type': 'text/xml' }, payload: fhrsFile() })).statusCode, 401)
    const empty = await app.inject({ method: 'POST', url: '/api/imports/premises-register', headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: ' ' })
    t.equal(empty.statusCode, 400)
    t.equal(empty.json().field, 'file')
  })

  t.test('a council register CSV previews, imports with a mapping, rejects bad rows and re-imports idempotently', async t => {
    const preview = await app.inject({ method: 'POST', url: '/api/imports/premises-register/preview', headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: registerCsv })
    t.equal(preview.statusCode, 200)
    t.same(preview.json().headers, ['Licence Number', 'Trading Name', 'Dtf Location', 'Licence Status', 'Licensee', 'Start Date', 'Capacity'])
    t.match(preview.json().suggestedMapping, { licenceNumber: 'Licence Number', name: 'Trading Name', address: 'Dtf Location', status: 'Licence Status', licenceHolder: 'Licensee' })
    t.equal(preview.json().rows.length, 4)
    const url = `/api/imports/premises-register?mapping=${encodeURIComponent(JSON.stringify(mapping))}`
    const res = await app.inject({ method: 'POST', url, headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: registerCsv })
    t.equal(res.statusCode, 200, res.body)
    t.match(res.json(), { rows: 4, imported: 2, updated: 0 })
    t.match(res.json().rejected, [{ line: 4, reason: /Trading Name/ }, { line: 5, reason: /Pending review/ }])
    const crown = await app.db.selectFrom('premises').selectAll().where('licenceNumber', '=', 'LN/1').executeTakeFirstOrThrow()
    t.match(crown, { name: 'The Crown', postcode: 'EC2V 6AA', status: 'current', licenceHolder: 'Crown Inns Ltd', licenceIssuedOn: '2005-11-07', capacity: 120, source: 'council_register' })
    const again = await app.inject({ method: 'POST', url, headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: registerCsv.replace('Granted,Crown Inns Ltd', 'Revoked,Crown Inns Ltd') })
    t.match(again.json(), { imported: 0, updated: 1, unchanged: 1 })
    const revoked = await app.db.selectFrom('premises').select('status').where('licenceNumber', '=', 'LN/1').executeTakeFirstOrThrow()
    t.equal(revoked.status, 'revoked')
    const badMap = await app.inject({ method: 'POST', url: `/api/imports/premises-register?mapping=${encodeURIComponent(JSON.stringify({ ...mapping, name: 'Nope' }))}`, headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: registerCsv })
    t.equal(badMap.statusCode, 400)
    t.equal(badMap.json().field, 'mapping.name')
  })

  t.test('a malformed CSV is a 400 naming the line, and nothing is written', async t => {
    const before = await count(app)
    const broken = registerCsv.replace('LN/2,The Anchor,"2 Anchor Lane', 'LN/9,The Anchor,2 "Anchor Lane')
    const res = await app.inject({ method: 'POST', url: '/api/imports/premises-register', headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: broken })
    t.equal(res.statusCode, 400)
    t.match(res.json(), { code: 'MALFORMED_IMPORT', message: /line 3/ })
    const short = await app.inject({ method: 'POST', url: '/api/imports/premises-register', headers: { ...officer.headers, 'content-type': 'text/csv' }, payload: registerCsv + '\r\nLN/8,Too Short' })
    t.match(short.json(), { statusCode: 400, message: /line 6/ })
    t.equal(await count(app), before)
  })

  t.test('an import that fails part-way writes nothing', async t => {
    const before = await count(app)
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(app.db)
    await sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`.execute(app.db)
    t.teardown(() => sql`drop trigger refuse_audit on audit_log`.execute(app.db))
    const res = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'text/xml' }, payload: fhrsFile(establishment('555', 'Rolled Back Arms')) })
    t.equal(res.statusCode, 500)
    t.equal(await count(app), before)
  })

  t.test('the CLI mapping option reads field=Header pairs', async t => {
    t.same(parseMapping('licenceNumber=Licence Number,name=Trading Name'), { licenceNumber: 'Licence Number', name: 'Trading Name' })
  })
})

t.test('the demo step seeds the City pubs with demo licences and two managed "Arms" pubs', async t => {
  const app = await build(t)
  const users = {
    admin: (await createUser(app, 'admin')).id, officer: (await createUser(app, 'licensing_officer')).id,
    police: (await createUser(app, 'police')).id, manager: (await createUser(app, 'venue_manager')).id
  }
  const summary = await app.db.transaction().execute(trx => premisesDemoSteps[0]!.run({ db: trx, config: app.config, log: app.log, users, clock: createClock('Europe/London', () => new Date('2026-12-01T12:00:00Z')) }))
  t.match(summary, { premises: 229, notMapped: 4 })
  const rows = await app.db.selectFrom('premises').selectAll().execute()
  t.ok(rows.every(r => r.isDemo && /^DEMO\/\d\d\/\d{5}$/.test(r.licenceNumber ?? '')), 'every premises is marked demo with a DEMO licence number')
  t.ok(rows.some(r => r.status === 'suspended') && rows.some(r => r.status === 'lapsed'), 'a few are suspended or lapsed')
  const managed = await app.db.selectFrom('premisesManagers').innerJoin('premises', 'premises.id', 'premisesManagers.premisesId')
    .select(['premises.name', 'premises.lat']).where('userId', '=', users.manager).execute()
  t.same(managed.map(m => m.name).sort(), ['East India Arms', 'The Kings Arms'])
  t.ok(managed.every(m => m.lat !== null), 'both are on the map')
  const annexes = await app.db.selectFrom('premisesConditions').select('annex').distinct().orderBy('annex').execute()
  t.same(annexes.map(a => a.annex), [1, 2, 3, 4])
})
