// Visits on a real database: the checklist built from a premises' own conditions, activities and
// hours; PUT by the id made on the device (created once, a replay changes nothing); an edit made
// elsewhere meanwhile is a conflict offered to the officer, never an overwrite; the letter; a
// venue manager refused on every visit route.
import t from 'tap'
import { randomUUID } from 'node:crypto'
import { extractText } from 'unpdf'
import { build, json, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'

const NOW = new Date('2024-12-07T00:30:00Z')
const app = await build(t, { config: { now: () => NOW } })
const officer = await login(app, 'officer')
const police = await login(app, 'police')

async function licensedVenue () {
  const premises = await createPremises(app.db, {
    openingHours: JSON.stringify({ fri: { from: '11:00', to: '02:00' }, sat: { from: '11:00', to: '03:00' } }),
    licensableActivities: JSON.stringify([{ activity: 'recorded_music', days: ['fri', 'sat'], from: '20:00', to: '01:30' }]),
    activities: ['sale_of_alcohol_on', 'recorded_music']
  })
  const conditions = await app.db.insertInto('premisesConditions').values([
    { premisesId: premises.id, annex: 2, position: 1, text: 'Two SIA door supervisors shall be on duty from 21:00 on Fridays and Saturdays.' },
    { premisesId: premises.id, annex: 2, position: 2, text: 'A CCTV system shall be maintained and recordings kept for 31 days.' },
    { premisesId: premises.id, annex: 3, position: 1, text: 'No drinks shall be taken outside after 23:00.' }
  ]).returning(['id', 'text']).execute()
  return { premises, conditions }
}

const { premises, conditions } = await licensedVenue()
const answers = (overrides: Record<string, 'complied' | 'not_complied' | 'not_seen'> = {}) => [
  { item: 'hours', result: overrides.hours ?? 'complied' },
  ...conditions.map(c => ({ item: `condition:${c.id}`, result: overrides[`condition:${c.id}`] ?? 'complied', note: '' }))
]
const put = (id: string, body: object, headers = officer.headers) => app.inject({ method: 'PUT', url: `/api/visits/${id}`, headers, payload: body })

t.test('the checklist is built from the premises\' own conditions, activities and hours', async t => {
  const res = await app.inject({ url: `/api/premises/${premises.id}/checklist?night=2024-12-06`, headers: officer.headers })
  t.equal(res.statusCode, 200, res.body)
  const items = json(res).items as { item: string; label: string; source: string; annex: number | null; guidance: string }[]
  for (const c of conditions) {
    const item = items.find(i => i.item === `condition:${c.id}`)
    t.equal(item?.label, c.text, `condition ${c.id} is an item in its own words`)
  }
  t.equal(items.find(i => i.item === `condition:${conditions[2]!.id}`)?.annex, 3)
  t.match(items.find(i => i.item === 'hours')?.guidance, /Friday: open 11:00–02:00/, 'the hours of the visit\'s night (Friday)')
  t.match(items.find(i => i.item === 'activity:recorded_music')?.guidance, /Friday: 20:00–01:30/)
  t.match(items.find(i => i.item === 'dps')?.guidance, /Dana Supervisor/, 'alcohol is sold: the DPS on the licence')
  t.match(items.find(i => i.item === 'door-staff')?.guidance, /Two SIA door supervisors/, 'a door-staff condition asks for door supervisors')
  t.match(items.find(i => i.item === 'capacity')?.label, /150/)
  const monday = json(await app.inject({ url: `/api/premises/${premises.id}/checklist?night=2024-12-09`, headers: police.headers })).items
  t.match(monday.find((i: any) => i.item === 'hours').guidance, /No opening hours are recorded for Monday/)
  t.match(monday.find((i: any) => i.item === 'activity:recorded_music').guidance, /Not licensed on Monday/)
  t.equal((await app.inject({ url: '/api/premises/999999/checklist', headers: officer.headers })).statusCode, 404)
})

t.test('a visit synced twice is stored once; the same body again changes nothing', async t => {
  const id = randomUUID()
  const revision = randomUUID()
  const body = { premisesId: premises.id, kind: 'compliance', startedAt: '2024-12-06T23:10:00Z', checklist: answers(), findings: 'All in order', revision, actions: [{ text: 'Send CCTV retention log', dueOn: '2024-12-20', owner: 'DPS' }] }
  const first = await put(id, body)
  t.equal(first.statusCode, 201, first.body)
  t.equal(json(first).checklist.length, 4)
  t.equal(json(first).checklist[1].label, conditions[0]!.text, 'labels come from the checklist when the device sent none')
  const again = await put(id, body)
  t.equal(again.statusCode, 200, again.body)
  t.equal(json(again).version, 1, 'a replay is not an edit')
  t.equal(json(again).updatedAt, json(first).updatedAt)
  const rows = await app.db.selectFrom('visits').select('id').where('id', '=', id).execute()
  t.equal(rows.length, 1)
  const answersStored = await app.db.selectFrom('visitChecklistAnswers').select('item').where('visitId', '=', id).execute()
  t.equal(answersStored.length, 4, 'each answer once')
  const audit = await app.db.selectFrom('auditLog').select('action').where('entityId', '=', id).execute()
  t.same(audit.map(a => a.action), ['visit.create'], 'one audit entry for the visit')
  const list = json(await app.inject({ url: `/api/premises/${premises.id}/visits`, headers: police.headers }))
  t.equal(list.items.filter((v: any) => v.id === id).length, 1)
})

t.test('an edit made elsewhere since the device downloaded is a conflict, offered and not lost', async t => {
  const id = randomUUID()
  const r1 = randomUUID()
  const base = { premisesId: premises.id, kind: 'compliance', startedAt: '2024-12-06T22:00:00Z', checklist: answers(), revision: r1 }
  t.equal((await put(id, base)).statusCode, 201)
  // The desktop edits it from r1.
  const r2 = randomUUID()
  const desk = await put(id, { ...base, findings: 'Door staff left at 01:00', revision: r2, baseRevision: r1 }, police.headers)
  t.equal(desk.statusCode, 200, desk.body)
  t.equal(json(desk).version, 2)
  // The phone, offline, edited from r1 too.
  const r3 = randomUUID()
  const phone = await put(id, { ...base, findings: 'CCTV not working', checklist: answers({ [`condition:${conditions[1]!.id}`]: 'not_complied' }), revision: r3, baseRevision: r1 })
  t.equal(phone.statusCode, 409, phone.body)
  t.equal(json(phone).code, 'VISIT_CONFLICT')
  t.match(json(phone).message, /changed by .* since you started editing it: compare the two and choose which to keep/)
  t.equal(json(phone).details.current.findings, 'Door staff left at 01:00', 'the server\'s version is offered to compare')
  const stored = json(await app.inject({ url: `/api/visits/${id}`, headers: officer.headers }))
  t.equal(stored.findings, 'Door staff left at 01:00', 'nothing was overwritten')
  t.equal(stored.revision, r2)
  // The officer keeps both findings: the resolution is an edit made from r2.
  const resolved = await put(id, { ...base, findings: 'Door staff left at 01:00. CCTV not working', revision: randomUUID(), baseRevision: r2 })
  t.equal(resolved.statusCode, 200, resolved.body)
  t.equal(json(resolved).version, 3)
  // A save whose answer was lost is not a conflict: the device lists it as unconfirmed.
  const r5 = randomUUID()
  const lost = await put(id, { ...base, findings: 'Final', revision: r5, baseRevision: json(resolved).revision })
  t.equal(lost.statusCode, 200)
  const retry = await put(id, { ...base, findings: 'Final, with the DPS spoken to', revision: randomUUID(), baseRevision: json(resolved).revision, unconfirmedRevisions: [r5] })
  t.equal(retry.statusCode, 200, retry.body)
})

t.test('bad input gets a plain 4xx; a visit cannot move between premises', async t => {
  const id = randomUUID()
  const ok = { premisesId: premises.id, kind: 'compliance', startedAt: '2024-12-06T22:00:00Z', checklist: answers() }
  const early = await put(id, { ...ok, endedAt: '2024-12-06T21:00:00Z' })
  t.equal(early.statusCode, 400)
  t.match(json(early).message, /cannot end before it started/)
  const twice = await put(id, { ...ok, checklist: [...answers(), { item: 'hours', result: 'complied' }] })
  t.equal(twice.statusCode, 400)
  t.match(json(twice).message, /Answer each checklist item once/)
  const badId = await put('not-a-uuid', ok)
  t.equal(badId.statusCode, 400)
  t.match(json(badId).message, /UUID/)
  t.equal((await put(randomUUID(), { ...ok, premisesId: 999999 })).statusCode, 404)
  t.equal((await put(id, ok)).statusCode, 201)
  const other = await createPremises(app.db)
  const moved = await put(id, { ...ok, premisesId: other.id })
  t.equal(moved.statusCode, 409)
  t.equal(json(moved).code, 'VISIT_PREMISES_FIXED')
})

t.test('the summary letter is a PDF naming what was not complied and the actions', async t => {
  const id = randomUUID()
  const breach = `condition:${conditions[1]!.id}`
  await put(id, {
    premisesId: premises.id, kind: 'compliance', startedAt: '2024-12-06T23:00:00Z', endedAt: '2024-12-06T23:40:00Z',
    attendees: [{ name: 'Olu Officer', organisation: 'City of London' }], checklist: answers({ [breach]: 'not_complied' }).map(a => a.item === breach ? { ...a, note: 'Recorder off since Tuesday' } : a),
    findings: 'CCTV recorder switched off.', actions: [{ text: 'Repair the CCTV recorder', dueOn: '2024-12-13', owner: 'Licence holder' }]
  })
  const res = await app.inject({ url: `/api/visits/${id}/letter`, headers: officer.headers })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/pdf')
  const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true })
  t.match(text, /Compliance visit on 6 December 2024/)
  t.match(text, /Olu Officer \(City of London\)/)
  t.match(text, /4 items of the licence: 3 complied, 1 not complied/)
  t.match(text, /CCTV system shall be maintained/)
  t.match(text, /Recorder off since Tuesday/)
  t.match(text, /Repair the CCTV recorder \(by 13 December 2024; Licence holder\)/)
})

t.test('a venue manager gets 403 on every visit route, even for its own premises', async t => {
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  const id = randomUUID()
  await put(id, { premisesId: premises.id, kind: 'compliance', startedAt: '2024-12-06T22:00:00Z', checklist: answers() })
  const routes: [string, string][] = [
    ['GET', '/api/visits/tonight'], ['GET', `/api/visits/${id}`], ['GET', `/api/visits/${id}/pack`], ['PUT', `/api/visits/${id}`],
    ['PUT', `/api/visits/${id}/photos/${randomUUID()}`], ['GET', `/api/visits/${id}/photos/${randomUUID()}`], ['PUT', `/api/visits/${id}/assessment`],
    ['GET', `/api/visits/${id}/letter`], ['GET', `/api/premises/${premises.id}/visits`], ['GET', `/api/premises/${premises.id}/checklist`]
  ]
  for (const [method, url] of routes) {
    const res = await app.inject({ method: method as 'GET', url, headers: manager.headers, ...(method === 'PUT' ? { payload: {} } : {}) })
    t.equal(res.statusCode, 403, `${method} ${url}`)
  }
})

t.test('tonight\'s pack holds what the visit screens need offline', async t => {
  const id = randomUUID()
  await put(id, { premisesId: premises.id, kind: 'compliance', startedAt: '2024-12-07T00:10:00Z', checklist: [] })
  const pack = json(await app.inject({ url: '/api/visits/tonight', headers: officer.headers }))
  t.equal(pack.night, '2024-12-06', '00:30 on Saturday is Friday night')
  const item = pack.items.find((i: any) => i.visit.id === id)
  t.ok(item, 'the officer\'s own visit of the night')
  t.equal(item.premises.conditions.length, 3)
  t.ok(item.checklist.some((i: any) => i.item === 'door-staff'))
  t.same(Object.keys(item).sort(), ['checklist', 'openFlags', 'plans', 'premises', 'recentIncidents', 'safetyThirst', 'trafficLight', 'visit'])
  t.notOk(json(await app.inject({ url: '/api/visits/tonight', headers: police.headers })).items.some((i: any) => i.visit.id === id), 'another officer\'s visit is not in my pack')
})
