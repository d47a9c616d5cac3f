// The traffic-light scheme as a record on a real database: points with their reasons, recomputed
// in the same transaction when an incident is attributed, a breach found on a visit or a remedy
// recorded; officers told when a venue turns amber or red; a manager sees only its own venues'.
import t from 'tap'
import { randomUUID } from 'node:crypto'
import { build, json, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'

const NOW = new Date('2024-12-07T12:00:00Z')
const app = await build(t, { config: { now: () => NOW } })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const admin = await login(app, 'admin')
const venue = await createPremises(app.db)
const elsewhere = await createPremises(app.db, { location: { lat: 51.5201, lng: -0.0801 } })
const manager = await login(app, 'manager', { premisesIds: [venue.id] })

const light = async (id = venue.id, headers = officer.headers) => json(await app.inject({ url: `/api/premises/${id}/traffic-light`, headers }))
const stored = async (id = venue.id) => app.db.selectFrom('trafficLightStates').selectAll().where('premisesId', '=', id).executeTakeFirst()
const violence = (at: string) => app.inject({
  method: 'POST', url: '/api/incidents', headers: police.headers,
  payload: { category: 'violent-crime', occurredAt: at, premisesId: venue.id, location: { lat: venue.lat, lng: venue.lng } }
})

t.test('thresholds are the administrator\'s, with a plain refusal when red is not above amber', async t => {
  const settings = json(await app.inject({ url: '/api/traffic-light/settings', headers: police.headers }))
  t.same(settings.groups.sort(), ['theft', 'violence'])
  const bad = await app.inject({ method: 'PUT', url: '/api/traffic-light/settings', headers: admin.headers, payload: { ...settings, groups: undefined, amberAt: 6, redAt: 6 } })
  t.equal(bad.statusCode, 400)
  t.match(json(bad).message, /Set red above amber/)
  const unknown = await app.inject({ method: 'PUT', url: '/api/traffic-light/settings', headers: admin.headers, payload: { penaltyPoints: { arson: 3 }, breachPoints: 2, creditPoints: 3, amberAt: 4, redAt: 8, windowDays: 365 } })
  t.equal(unknown.statusCode, 400)
  t.match(json(unknown).message, /"arson" is not a crime group in force/)
  t.equal((await app.inject({ method: 'PUT', url: '/api/traffic-light/settings', headers: officer.headers, payload: { penaltyPoints: {}, breachPoints: 2, creditPoints: 3, amberAt: 4, redAt: 8, windowDays: 365 } })).statusCode, 403)
  const ok = await app.inject({ method: 'PUT', url: '/api/traffic-light/settings', headers: admin.headers, payload: { penaltyPoints: { theft: 1, violence: 2 }, breachPoints: 2, creditPoints: 3, amberAt: 4, redAt: 8, windowDays: 365 } })
  t.equal(ok.statusCode, 200, ok.body)
  t.equal(json(ok).amberAt, 4)
})

t.test('an incident attributed to the venue recomputes its points and light at once, and officers are told', async t => {
  t.equal((await light()).light, 'green')
  t.equal((await violence('2024-12-01T23:00:00Z')).statusCode, 201)
  t.equal((await stored())?.points, 2, 'the stored points moved with the incident, in its transaction')
  t.equal((await violence('2024-12-02T23:00:00Z')).statusCode, 201)
  const state = await stored()
  t.equal(state?.light, 'amber', '4 points reach amber')
  const after = await light()
  t.equal(after.points, 4)
  t.equal(after.reasons.length, 2)
  t.same(after.reasons.map((r: any) => [r.kind, r.points, r.at]), [['incident', 2, '2024-12-02'], ['incident', 2, '2024-12-01']])
  t.match(after.reasons[0].title, /Violence and sexual offences \(violence\)/)
  t.same(after.history.map((h: any) => [h.fromLight, h.toLight, h.points]), [['green', 'amber', 4]], 'the change is recorded with its points')
  const notes = json(await app.inject({ url: '/api/notifications', headers: officer.headers })).items
  const note = notes.find((n: any) => n.kind === 'traffic_light_changed')
  t.ok(note, 'the officer is notified')
  t.match(note.title, /is now AMBER on the traffic-light scheme \(4 points\)/)
  t.equal(note.link, `/premises/${venue.id}/traffic-light`)
  t.equal((await light(elsewhere.id)).points, 0, 'another venue is untouched')
})

t.test('a breach found on a completed visit counts, and a remedy earns credit', async t => {
  const id = randomUUID()
  const visit = await app.inject({
    method: 'PUT', url: `/api/visits/${id}`, headers: officer.headers,
    payload: { premisesId: venue.id, kind: 'compliance', startedAt: '2024-12-06T23:00:00Z', endedAt: '2024-12-06T23:30:00Z', checklist: [{ item: 'hours', result: 'not_complied', note: 'Serving at 02:40' }] }
  })
  t.equal(visit.statusCode, 201, visit.body)
  const withBreach = await light()
  t.equal(withBreach.points, 6)
  const breach = withBreach.reasons.find((r: any) => r.kind === 'breach')
  t.match(breach.title, /Not complied: Trading within the licensed opening hours/)
  t.equal(breach.visitId, id)
  t.equal(breach.points, 2)
  const credit = await app.inject({ method: 'POST', url: `/api/premises/${venue.id}/traffic-light/credits`, headers: officer.headers, payload: { note: 'Extra SIA door supervisors from 22:00', recordedOn: '2024-12-07' } })
  t.equal(credit.statusCode, 201, credit.body)
  t.equal((await stored())?.points, 3, 'the credit recomputes the stored points in its transaction')
  const after = await light()
  t.equal(after.credit, 3)
  t.equal(after.light, 'green')
  t.equal(after.reasons.find((r: any) => r.kind === 'credit').detail, 'Extra SIA door supervisors from 22:00')
  const future = await app.inject({ method: 'POST', url: `/api/premises/${venue.id}/traffic-light/credits`, headers: officer.headers, payload: { note: 'Later', recordedOn: '2025-01-01' } })
  t.equal(future.statusCode, 400)
  t.match(json(future).message, /enter today or an earlier date/)
  t.equal((await app.inject({ method: 'POST', url: `/api/premises/${venue.id}/traffic-light/credits`, headers: police.headers, payload: { note: 'x' } })).statusCode, 403)
})

t.test('a venue manager sees its own venue\'s light with the reasons and what earns credit, and no other', async t => {
  const own = await light(venue.id, manager.headers)
  t.equal(own.premisesId, venue.id)
  t.ok(own.reasons.length >= 3)
  t.match(own.earnsCredit, /Each remedy an officer records earns 3 credit points/)
  t.equal((await app.inject({ url: `/api/premises/${elsewhere.id}/traffic-light`, headers: manager.headers })).statusCode, 403)
  const list = json(await app.inject({ url: '/api/traffic-lights', headers: manager.headers }))
  t.same(list.items.map((i: any) => i.premisesId), [venue.id], 'the list holds only its own venue')
  t.equal((await app.inject({ url: '/api/premises/999999/traffic-light', headers: officer.headers })).statusCode, 404)
})

t.test('the premises timeline gathers visits, findings, incidents and light changes, filterable', async t => {
  const all = json(await app.inject({ url: `/api/premises/${venue.id}/timeline`, headers: police.headers }))
  const kinds = new Set(all.items.map((e: any) => e.kind))
  for (const kind of ['visit', 'finding', 'incident', 'traffic_light']) t.ok(kinds.has(kind), `${kind} events`)
  const sorted = [...all.items].sort((a: any, b: any) => b.at.localeCompare(a.at))
  t.same(all.items, sorted, 'newest first')
  const incidents = json(await app.inject({ url: `/api/premises/${venue.id}/timeline?kinds=incident&from=2024-12-02`, headers: officer.headers }))
  t.equal(incidents.items.length, 1)
  t.equal(incidents.items[0].kind, 'incident')
  const bad = await app.inject({ url: `/api/premises/${venue.id}/timeline?kinds=gossip`, headers: officer.headers })
  t.equal(bad.statusCode, 400)
  t.match(json(bad).message, /Choose kinds from visit, finding/)
  t.equal((await app.inject({ url: `/api/premises/${venue.id}/timeline`, headers: manager.headers })).statusCode, 403)
})
