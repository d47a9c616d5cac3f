// The register API: list, detail, create, update (officer and venue manager rules), the public
// register and exports, with audit, BNG and rollback.
import t from 'tap'
import { sql } from 'kysely'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'

t.test('premises register API', async t => {
  const app = await build(t)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const arms = await createPremises(app.db, { name: 'The Kings Arms', postcode: 'EC2M 4NR', location: { lat: 51.5175, lng: -0.0823 }, capacity: 120 })
  const other = await createPremises(app.db, { name: 'Blue Anchor', status: 'suspended', location: { lat: 51.5101, lng: -0.1010 } })
  const unmapped = await createPremises(app.db, { name: 'Cellar Bar Arms', location: null })
  await app.db.insertInto('premisesConditions').values([{ premisesId: arms.id, annex: 2, text: 'CCTV shall be maintained.' }, { premisesId: arms.id, annex: 1, text: 'Mandatory condition.' }]).execute()
  const manager = await login(app, 'manager', { premisesIds: [arms.id] })

  t.test('GET /api/premises searches by name, filters by bbox and status, and pages', async t => {
    const res = await app.inject({ url: '/api/premises?q=arms', headers: officer.headers })
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.equal(body.total, 2)
    t.same(body.items.map((p: any) => p.name).sort(), ['Cellar Bar Arms', 'The Kings Arms'])
    const kings = body.items.find((p: any) => p.id === arms.id)
    t.match(kings, { location: { lat: 51.5175, lng: -0.0823 }, licenceNumber: arms.licenceNumber, status: 'current', capacity: 120, safetyThirst: null, notMapped: false, activities: ['sale_of_alcohol_on'] })
    t.equal(body.items.find((p: any) => p.id === unmapped.id).location, null, 'premises without coordinates have location null')
    const bbox = await app.inject({ url: '/api/premises?bbox=-0.09,51.515,-0.08,51.52', headers: police.headers })
    t.same(bbox.json().items.map((p: any) => p.id), [arms.id], 'only premises inside the box')
    const status = await app.inject({ url: '/api/premises?status=suspended', headers: officer.headers })
    t.same(status.json().items.map((p: any) => p.id), [other.id])
    const postcode = await app.inject({ url: '/api/premises?q=ec2m4nr', headers: officer.headers })
    t.same(postcode.json().items.map((p: any) => p.id), [arms.id], 'postcode search ignores spaces')
    const page = await app.inject({ url: '/api/premises?limit=1&offset=1', headers: officer.headers })
    t.equal(page.json().items.length, 1)
    t.equal(page.json().total, 3)
    const beyond = await app.inject({ url: '/api/premises?limit=1&offset=10', headers: officer.headers })
    t.same(beyond.json(), { items: [], total: 3 })
  })

  t.test('GET /api/premises rejects a bad bbox naming the field, and needs a login', async t => {
    const res = await app.inject({ url: '/api/premises?bbox=1,2,3', headers: officer.headers })
    t.equal(res.statusCode, 400)
    t.match(res.json().message, /bbox/)
    t.equal((await app.inject({ url: '/api/premises' })).statusCode, 401)
  })

  t.test('a venue manager lists only its own premises and may not open another', async t => {
    const res = await app.inject({ url: '/api/premises', headers: manager.headers })
    t.same(res.json().items.map((p: any) => p.id), [arms.id])
    t.equal((await app.inject({ url: `/api/premises/${other.id}`, headers: manager.headers })).statusCode, 403)
    t.equal((await app.inject({ url: `/api/premises/${arms.id}`, headers: manager.headers })).statusCode, 200)
  })

  t.test('GET /api/premises/:id gives conditions by annex, managers and contact fields; 404 when missing', async t => {
    const res = await app.inject({ url: `/api/premises/${arms.id}`, headers: officer.headers })
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.same(body.conditions.map((c: any) => c.annex), [1, 2])
    t.same(body.managers.map((m: any) => m.email), [manager.email])
    t.ok(body.easting > 530000 && body.northing > 180000, 'BNG coordinates are stored')
    t.equal((await app.inject({ url: '/api/premises/999999', headers: officer.headers })).statusCode, 404)
    t.equal((await app.inject({ url: '/api/premises/abc', headers: officer.headers })).statusCode, 400)
  })

  t.test('POST /api/premises creates with BNG, conditions and an audit entry', async t => {
    const res = await app.inject({
      method: 'POST', url: '/api/premises', headers: officer.headers,
      payload: {
        name: 'Ye Olde Test', address: 'St Paul\'s Churchyard', postcode: 'ec4m 8ad', location: { lat: 51.5138, lng: -0.0984 },
        licenceNumber: 'TEST/NEW/1', premisesType: 'pub_bar_nightclub', capacity: 90,
        licensableActivities: [{ activity: 'sale_of_alcohol_on', days: ['fri', 'sat'], from: '11:00', to: '01:00' }],
        openingHours: { fri: { from: '11:00', to: '01:30' } },
        conditions: [{ annex: 3, text: 'Door supervisors after 21:00.' }]
      }
    })
    t.equal(res.statusCode, 201, res.body)
    const created = res.json()
    t.equal(created.postcode, 'EC4M 8AD')
    t.same(created.activities, ['sale_of_alcohol_on'], 'activities follow the licensable activities')
    // St Paul's Cathedral is at OS grid reference TQ 3208 8112 (about E 532080, N 181120).
    t.ok(Math.abs(created.easting - 532080) < 60 && Math.abs(created.northing - 181120) < 60, `BNG near St Paul's (${created.easting}, ${created.northing})`)
    t.same(created.conditions.map((c: any) => [c.annex, c.text]), [[3, 'Door supervisors after 21:00.']])
    const audit = await app.db.selectFrom('auditLog').selectAll().where('entity', '=', 'premises').where('entityId', '=', String(created.id)).execute()
    t.equal(audit.length, 1)
    t.equal(audit[0]!.action, 'create')

    const dup = await app.inject({ method: 'POST', url: '/api/premises', headers: officer.headers, payload: { name: 'Copy', licenceNumber: 'TEST/NEW/1' } })
    t.equal(dup.statusCode, 409)
    t.equal(dup.json().code, 'LICENCE_NUMBER_TAKEN')
    const missing = await app.inject({ method: 'POST', url: '/api/premises', headers: officer.headers, payload: { address: 'x' } })
    t.equal(missing.statusCode, 400)
    t.equal(missing.json().field, 'name')
    const unknown = await app.inject({ method: 'POST', url: '/api/premises', headers: officer.headers, payload: { name: 'X', colour: 'red' } })
    t.equal(unknown.json().field, 'colour')
    const badStatus = await app.inject({ method: 'POST', url: '/api/premises', headers: officer.headers, payload: { name: 'X', status: 'closed' } })
    t.equal(badStatus.json().field, 'status')
    t.equal((await app.inject({ method: 'POST', url: '/api/premises', headers: police.headers, payload: { name: 'X' } })).statusCode, 403)
    t.equal((await app.inject({ method: 'POST', url: '/api/premises', payload: { name: 'X' } })).statusCode, 401)
  })

  t.test('PATCH /api/premises/:id by an officer changes licence fields and is audited', async t => {
    const res = await app.inject({ method: 'PATCH', url: `/api/premises/${other.id}`, headers: officer.headers, payload: { capacity: 240, status: 'current', location: { lat: 51.5125, lng: -0.0901 } } })
    t.equal(res.statusCode, 200, res.body)
    t.match(res.json(), { capacity: 240, status: 'current', location: { lat: 51.5125, lng: -0.0901 } })
    t.not(res.json().easting, other.easting, 'BNG recomputed after a move')
    const audit = await app.inject({ url: `/api/audit?entity=premises&entityId=${other.id}`, headers: officer.headers })
    const entry = audit.json().items[0]
    t.equal(entry.action, 'update')
    t.equal(entry.before.capacity, null === other.capacity ? null : other.capacity)
    t.equal(entry.after.capacity, 240)
    const bad = await app.inject({ method: 'PATCH', url: `/api/premises/${other.id}`, headers: officer.headers, payload: { capacity: 0 } })
    t.equal(bad.statusCode, 400)
    t.equal(bad.json().field, 'capacity')
    t.equal((await app.inject({ method: 'PATCH', url: '/api/premises/999999', headers: officer.headers, payload: { capacity: 5 } })).statusCode, 404)
    t.equal((await app.inject({ method: 'PATCH', url: `/api/premises/${other.id}`, headers: police.headers, payload: { capacity: 5 } })).statusCode, 403)
  })

  t.test('a venue manager edits contact fields of its own premises only', async t => {
    const ok = await app.inject({ method: 'PATCH', url: `/api/premises/${arms.id}`, headers: manager.headers, payload: { phone: '020 7946 0123', openingHours: { sat: { from: '12:00', to: '23:00' } } } })
    t.equal(ok.statusCode, 200, ok.body)
    t.equal(ok.json().phone, '020 7946 0123')
    const licence = await app.inject({ method: 'PATCH', url: `/api/premises/${arms.id}`, headers: manager.headers, payload: { capacity: 999, dpsName: 'Me' } })
    t.equal(licence.statusCode, 403)
    t.equal(licence.json().code, 'LICENCE_FIELDS_FORBIDDEN')
    t.match(licence.json().message, /capacity, dpsName/)
    const another = await app.inject({ method: 'PATCH', url: `/api/premises/${other.id}`, headers: manager.headers, payload: { phone: '1' } })
    t.equal(another.statusCode, 403)
    const row = await app.db.selectFrom('premises').select(['capacity', 'dpsName']).where('id', '=', arms.id).executeTakeFirstOrThrow()
    t.same(row, { capacity: 120, dpsName: arms.dpsName }, 'nothing changed')
  })

  t.test('a failing audit write rolls the change back', async t => {
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(app.db)
    await sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`.execute(app.db)
    t.teardown(() => sql`drop trigger refuse_audit on audit_log`.execute(app.db))
    const res = await app.inject({ method: 'PATCH', url: `/api/premises/${arms.id}`, headers: officer.headers, payload: { capacity: 77, conditions: [] } })
    t.equal(res.statusCode, 500)
    t.notMatch(res.body, /audit refused/, '5xx reveals nothing internal')
    const row = await app.db.selectFrom('premises').select('capacity').where('id', '=', arms.id).executeTakeFirstOrThrow()
    t.equal(row.capacity, 120)
    const conditions = await app.db.selectFrom('premisesConditions').select('id').where('premisesId', '=', arms.id).execute()
    t.equal(conditions.length, 2, 'conditions untouched')
  })

  t.test('the public register needs no login and shows no personal contact data', async t => {
    const list = await app.inject({ url: '/api/public/premises?q=kings' })
    t.equal(list.statusCode, 200)
    t.same(list.json().items.map((p: any) => p.id), [arms.id])
    const detail = await app.inject({ url: `/api/public/premises/${arms.id}` })
    t.equal(detail.statusCode, 200)
    const body = detail.json()
    t.equal(body.conditions.length, 2, 'conditions are public')
    t.equal(body.licenceNumber, arms.licenceNumber)
    for (const hidden of ['phone', 'email', 'managers', 'licenceHolderAddress', 'easting']) t.notOk(hidden in body, `${hidden} is not public`)
    t.equal((await app.inject({ url: '/api/public/premises/999999' })).statusCode, 404)
  })

  t.test('exports follow the filter and are for officers and police', async t => {
    const csv = await app.inject({ url: '/api/premises/export.csv?q=arms', headers: police.headers })
    t.equal(csv.statusCode, 200)
    t.match(csv.headers['content-type'], /text\/csv/)
    const lines = csv.body.trim().split('\r\n')
    t.equal(lines.length, 3, 'header and two premises')
    t.match(lines[0], /^id,licence_number,name/)
    const geo = await app.inject({ url: '/api/premises/export.geojson?q=arms', headers: officer.headers })
    const fc = JSON.parse(geo.body)
    t.equal(fc.type, 'FeatureCollection')
    t.equal(fc.features.length, 1, 'unmapped premises are left out of the map export')
    t.same(fc.features[0].geometry.coordinates, [-0.0823, 51.5175])
    t.equal(fc.meta.notMapped, 1)
    t.equal((await app.inject({ url: '/api/premises/export.csv', headers: manager.headers })).statusCode, 403)
    t.equal((await app.inject({ url: '/api/premises/export.geojson' })).statusCode, 401)
  })
})
