// Incident routes as every role: officers, police and admins see everything; a venue manager
// only its own premises' incidents and never police-only notes; recording, editing, audit,
// filters (local dates, month precision), export, trend; attribution linked/proximate/ambiguous/none.
import t from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { createIncident } from '../fixtures/incidents.ts'
import { attributeAll, reattributeNearPremises } from '../../server/incidents/attribution.service.ts'
import { bngToLngLat, lngLatToBng } from '../../server/geo/bng.ts'
import { loadHarmWeights } from '../../server/incidents/harm.ts'
import { defaultHarmWeight } from '../../shared/incident-categories.ts'

const at = (lng: number, lat: number, dx: number, dy = 0) => {
  const b = lngLatToBng(lng, lat)
  return bngToLngLat(b.easting + dx, b.northing + dy)
}

t.test('incident routes as every role', async t => {
  const app = await build(t)
  const mine = await createPremises(app.db, { location: { lat: 51.515, lng: -0.085 } })
  const other = await createPremises(app.db, { location: { lat: 51.512, lng: -0.095 } })
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const admin = await login(app, 'admin')
  const manager = await login(app, 'manager', { premisesIds: [mine.id] })
  const req = (who: { headers: Record<string, string> } | null, method: string, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method: method as 'GET', url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) })

  const policeRecord = await req(police, 'POST', '/api/incidents', {
    category: 'violent-crime', occurredAt: '2025-11-07T23:40:00Z', location: { lat: 51.515, lng: -0.085 }, premisesId: mine.id,
    description: 'Assault at the door', policeOnlyNotes: 'Suspect known to police'
  })
  t.equal(policeRecord.statusCode, 201, policeRecord.body)
  const p1 = policeRecord.json()
  t.match(p1, { source: 'police', attribution: 'linked', premisesId: mine.id, timePrecision: 'minute', policeOnlyNotes: 'Suspect known to police', month: '2025-11' })
  const elsewhere = (await req(officer, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2025-11-08', location: { lat: 51.512, lng: -0.095 }, policeOnlyNotes: 'x' })).json()
  t.match(elsewhere, { source: 'officer', timePrecision: 'day', attribution: 'proximate', premisesId: other.id }, 'an unlinked record within 20 m of one venue is proximate')

  const book = await req(manager, 'POST', '/api/incidents', { category: 'ejection', occurredAt: '2025-11-08T01:10:00Z', location: null, premisesId: mine.id, description: 'Ejected a drunk guest' })
  t.equal(book.statusCode, 201, book.body)
  t.match(book.json(), { source: 'venue', attribution: 'linked', premisesId: mine.id })
  t.notOk('policeOnlyNotes' in book.json(), 'no police-only field in a manager response')
  t.ok(book.json().location, 'the venue book entry takes the premises location')
  t.equal((await req(manager, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2025-11-08T01:10:00Z', location: null, premisesId: other.id })).statusCode, 403, 'not for someone else\'s premises')
  const blank = await req(manager, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2025-11-08T01:10:00Z', location: null, premisesId: mine.id, description: '  ' })
  t.equal(blank.statusCode, 400, 'an incident book entry needs a description')
  t.equal(blank.json().field, 'description')
  t.equal(blank.json().message, 'Describe what happened and what your staff did')
  const notes = await req(manager, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2025-11-08T01:10:00Z', location: null, premisesId: mine.id, policeOnlyNotes: 'x' })
  t.equal(notes.statusCode, 400)
  t.equal(notes.json().field, 'policeOnlyNotes', 'a manager may not write police-only notes')
  const unknown = await req(police, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2025-11-08', location: null, premisesId: mine.id, colour: 'red' })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().message, /colour/, 'unknown fields are refused by name')
  const badCategory = await req(police, 'POST', '/api/incidents', { category: 'murder-most-foul', occurredAt: '2025-11-08', location: null, premisesId: mine.id })
  t.equal(badCategory.statusCode, 400)
  const future = await req(police, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2999-01-01', location: null, premisesId: mine.id })
  t.equal(future.json().field, 'occurredAt')
  t.equal((await req(null, 'POST', '/api/incidents', { category: 'noise', occurredAt: '2025-11-08', location: null })).statusCode, 401)

  for (const who of [officer, police, admin]) {
    const list = await req(who, 'GET', '/api/incidents')
    t.equal(list.statusCode, 200)
    t.equal(list.json().total, 3, `${who.role} sees every incident`)
    t.ok(list.json().items.some((i: { policeOnlyNotes?: string }) => i.policeOnlyNotes === 'Suspect known to police'), `${who.role} sees police-only notes`)
  }
  const managerList = await req(manager, 'GET', '/api/incidents')
  t.equal(managerList.json().total, 2, 'a venue manager sees only its own premises\' incidents')
  t.notOk(managerList.body.includes('policeOnlyNotes') || managerList.body.includes('Suspect known'), 'and never police-only notes')
  t.equal((await req(manager, 'GET', `/api/incidents?premisesId=${other.id}`)).statusCode, 403)
  t.equal((await req(manager, 'GET', `/api/incidents/${elsewhere.id}`)).statusCode, 403, 'nor another venue\'s incident')
  const one = await req(manager, 'GET', `/api/incidents/${p1.id}`)
  t.equal(one.statusCode, 200)
  t.notOk(one.body.includes('Suspect known'), 'one incident: no police-only notes for a manager')
  t.equal((await req(officer, 'GET', '/api/incidents/999999')).statusCode, 404)
  t.equal((await req(null, 'GET', '/api/incidents')).statusCode, 401)

  const csv = await req(manager, 'GET', '/api/incidents/export.csv')
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /text\/csv/)
  t.notOk(csv.body.includes('police_only_notes') || csv.body.includes('Suspect known'), 'the manager export has no police-only column')
  t.equal(csv.body.trim().split('\r\n').length, 3)
  const csvOfficer = await req(officer, 'GET', '/api/incidents/export.csv?categories=violent-crime')
  t.match(csvOfficer.body, /police_only_notes[\s\S]*Suspect known to police/)

  const edit = await req(manager, 'PATCH', `/api/incidents/${book.json().id}`, { description: 'Ejected a guest who was abusive' })
  t.equal(edit.statusCode, 200)
  t.equal(edit.json().description, 'Ejected a guest who was abusive')
  t.equal((await req(manager, 'PATCH', `/api/incidents/${p1.id}`, { description: 'mine now' })).statusCode, 403, 'a manager edits only its own venue-book entries')
  t.equal((await req(manager, 'PATCH', `/api/incidents/${book.json().id}`, { policeOnlyNotes: 'x' })).statusCode, 400)
  const policeEdit = await req(police, 'PATCH', `/api/incidents/${p1.id}`, { outcome: 'Suspect charged', premisesId: null, location: { lat: 51.52, lng: -0.07 } })
  t.match(policeEdit.json(), { outcome: 'Suspect charged', attribution: 'none', premisesId: null })
  t.equal((await req(police, 'PATCH', '/api/incidents/999999', { outcome: 'x' })).statusCode, 404)
  const audit = await app.db.selectFrom('auditLog').select(['action', 'before', 'after']).where('entity', '=', 'incident').where('action', '=', 'incident.update').execute()
  t.equal(audit.length, 2, 'edits are audited')
  t.match(audit[1]!.before, { outcome: null }, 'with the record before')

  const trend = await req(manager, 'GET', `/api/incidents/trend?premisesId=${mine.id}&from=2025-01-01&to=2025-12-31`)
  t.equal(trend.statusCode, 200)
  t.equal(trend.json().months.length, 12)
  t.equal(trend.json().previousMonths[0], '2024-01')
  t.same(trend.json().series.map((s: { category: string }) => s.category), ['ejection'], 'the venue trend counts its linked and proximate incidents')
  t.equal((await req(manager, 'GET', '/api/incidents/trend')).statusCode, 400, 'a manager must name its premises')
  t.equal((await req(officer, 'GET', '/api/incidents/trend?from=2025-11-01&to=2025-11-30')).json().totals.counts[0], 3)

  const settings = await req(manager, 'GET', '/api/incidents/settings')
  t.match(settings.json(), { radiusM: 20, policeUkRadiusM: 50 })
  t.equal((await req(officer, 'PUT', '/api/incidents/settings', { radiusM: 30 })).statusCode, 403)
  t.equal((await req(admin, 'PUT', '/api/incidents/settings', { radiusM: 30 })).json().radiusM, 30)
})

t.test('filters: local dates, whole months only for month-precise records, categories, bbox, source', async t => {
  const app = await build(t)
  const { headers } = await login(app, 'officer')
  await createIncident(app.db, { occurredAt: new Date('2024-06-30T23:30:00Z'), category: 'drugs' }) // 00:30 BST on 1 July
  await createIncident(app.db, { occurredAt: new Date('2024-07-31T22:59:00Z'), category: 'robbery', location: { lat: 51.52, lng: -0.07 } }) // 23:59 on 31 July
  await createIncident(app.db, { source: 'police_uk', timePrecision: 'month', month: '2024-07-01', occurredAt: new Date('2024-06-30T23:00:00Z'), externalId: 'x1', category: 'drugs' })
  const ids = async (qs: string) => (await app.inject({ url: `/api/incidents?${qs}`, headers })).json().items.length
  t.equal(await ids('from=2024-07-01&to=2024-07-31'), 3, 'July (local) holds both timed records and the July month record')
  t.equal(await ids('from=2024-07-01&to=2024-07-30'), 1, 'a window that cuts July excludes the month record and the 31st')
  t.equal(await ids('from=2024-07-02&to=2024-07-31'), 1)
  t.equal(await ids('to=2024-06-30'), 0, '00:30 on 1 July local is not in June')
  t.equal(await ids('categories=drugs'), 2)
  t.equal(await ids('categories=drugs,robbery&source=police_uk'), 1)
  t.equal(await ids('bbox=-0.08,51.51,-0.06,51.53'), 1)
  t.equal(await ids('limit=1&offset=1'), 1)
  const bad = await app.inject({ url: '/api/incidents?from=2024-13-01', headers })
  t.equal(bad.statusCode, 400)
  t.equal((await app.inject({ url: '/api/incidents?from=2024-07-02&to=2024-07-01', headers })).json().field, 'to')
})

t.test('attribution: linked, proximate, ambiguous, none; recomputed when premises move or are added', async t => {
  const app = await build(t)
  const base = { lng: -0.0900, lat: 51.5150 }
  const a = await createPremises(app.db, { location: base })
  const incidentNear = await createIncident(app.db, { location: at(base.lng, base.lat, 12) })
  const incidentFar = await createIncident(app.db, { location: at(base.lng, base.lat, 300) })
  const linked = await createIncident(app.db, { location: at(base.lng, base.lat, 300), premisesId: a.id })
  const snap = await createIncident(app.db, { source: 'police_uk', externalId: 'snap', timePrecision: 'month', location: at(base.lng, base.lat, 40) })
  await attributeAll(app.db)
  const state = async (id: number) => app.db.selectFrom('incidents').select(['attribution', 'premisesId']).where('id', '=', id).executeTakeFirstOrThrow()
  t.same(await state(incidentNear.id), { attribution: 'proximate', premisesId: a.id }, 'one venue within 20 m: proximate')
  t.same(await state(incidentFar.id), { attribution: 'none', premisesId: null }, 'none within the radius')
  t.same(await state(linked.id), { attribution: 'linked', premisesId: a.id }, 'linked stays linked')
  t.same(await state(snap.id), { attribution: 'proximate', premisesId: a.id }, 'a police.uk snap point 40 m away is within the larger radius')

  const b = await createPremises(app.db, { location: at(base.lng, base.lat, 20) })
  await reattributeNearPremises(app.db, [b.id])
  t.same(await state(incidentNear.id), { attribution: 'ambiguous', premisesId: null }, 'a second venue within 20 m: ambiguous')
  const { headers } = await login(app, 'manager', { premisesIds: [b.id] })
  const list = (await app.inject({ url: `/api/incidents?premisesId=${b.id}&attribution=ambiguous`, headers })).json()
  t.same(list.items.map((i: { id: number }) => i.id).sort(), [incidentNear.id, snap.id].sort(), 'ambiguous incidents (the 20 m one and the 50 m snap point) show on the venue page')
  t.same(list.items[0].candidatePremisesIds.sort(), [a.id, b.id].sort(), 'with their candidate venues')
  t.equal((await app.inject({ url: `/api/incidents?premisesId=${a.id}&attribution=ambiguous`, headers: (await login(app, 'manager', { premisesIds: [a.id] })).headers })).json().total, 2, 'and on the other venue page')

  const moved = at(base.lng, base.lat, 500)
  const grid = lngLatToBng(moved.lng, moved.lat)
  await app.db.updateTable('premises').set({ lat: moved.lat, lng: moved.lng, easting: grid.easting, northing: grid.northing }).where('id', '=', b.id).execute()
  await reattributeNearPremises(app.db, [b.id])
  t.same(await state(incidentNear.id), { attribution: 'proximate', premisesId: a.id }, 'when the second venue moves away it is proximate again')
})

t.test('harm weights: CCHI City mix in a table for queries, with a default function', async t => {
  const app = await build(t)
  const weights = await loadHarmWeights(app.db)
  t.equal(weights.get('robbery'), 365)
  t.equal(weights.get('violent-crime'), 197.22)
  t.equal(weights.get('shoplifting'), 1)
  t.equal(defaultHarmWeight('burglary'), 190.7)
  t.equal(defaultHarmWeight('something-new'), 1)
  t.ok(weights.get('robbery')! > 12 * weights.get('shoplifting')!, 'one robbery outweighs a dozen shoplifting offences')
})
