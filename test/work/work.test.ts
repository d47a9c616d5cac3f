// "Today" (GET /api/me/work) on a real database: each kind of work appears for the roles it is
// for, with its deadline, and goes when the work is done; a venue manager's list never names
// another venue. The clock is fixed and moved by the test.
import t, { type Test } from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { submitPlan } from '../plans/plan-fixtures.ts'
import { giveTen, tenBody } from '../casework/ten-fixtures.ts'

let now = new Date('2025-01-06T10:00:00Z') // a Monday
const app = await build(t, { config: { now: () => now } })
const officer = await login(app, 'officer')
const admin = await login(app, 'admin')
const police = await login(app, 'police')
const health = await login(app, 'responsible_authority', { organisation: 'environmental_health' })
const fire = await login(app, 'responsible_authority', { organisation: 'fire' })
const venue = await createPremises(app.db, { name: 'The Lamb Tavern' })
const otherVenue = await createPremises(app.db, { name: 'The Other Place' })
const manager = await login(app, 'manager', { premisesIds: [venue.id] })
const otherManager = await login(app, 'manager', { premisesIds: [otherVenue.id] })

interface Item { kind: string; title: string; premisesId?: number; dueOn?: string; overdue: boolean; link: string }

async function work (who: { headers: Record<string, string> }): Promise<Item[]> {
  const res = await app.inject({ url: '/api/me/work', headers: who.headers })
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json().items
}
const ofKind = async (who: { headers: Record<string, string> }, kind: string) => (await work(who)).filter(i => i.kind === kind)

/** While the venue has work waiting, the other venue's manager sees none of it. */
async function noLeak (t: Test) {
  const leaked = (await work(otherManager)).filter(item => item.premisesId !== otherVenue.id || item.title.includes(venue.name))
  t.same(leaked, [], 'the other venue\'s manager sees nothing of this venue')
}

t.test('signing in is required, and every role gets a list', async t => {
  t.equal((await app.inject({ url: '/api/me/work' })).statusCode, 401)
  for (const who of [officer, admin, police, health, manager]) t.ok(Array.isArray(await work(who)))
})

t.test('Safety Thirst: the venue finishes its self-assessment, officers assess and decide by 28 days after submission', async t => {
  const url = (id: number, tail = '') => `/api/safety-thirst/applications/${id}${tail}`
  const created = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: manager.headers, payload: { premisesId: venue.id } })
  t.equal(created.statusCode, 201, created.body)
  const id = created.json().id as number
  t.match(await ofKind(manager, 'safety_thirst_self_assessment'), [{ premisesId: venue.id, overdue: false, link: `/safety-thirst/applications/${id}` }])
  t.same(await ofKind(officer, 'safety_thirst_assessment'), [], 'a draft is not officers\' work')
  await noLeak(t)

  const criteria = (await app.inject({ url: '/api/safety-thirst/criteria', headers: officer.headers })).json().criteria as { code: string }[]
  t.equal((await app.inject({ method: 'PUT', url: url(id, '/self-assessment'), headers: manager.headers, payload: { answers: criteria.map(c => ({ criterionCode: c.code, answer: 'yes', evidence: 'In place' })) } })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: url(id, '/submit'), headers: manager.headers })).statusCode, 200)
  t.same(await ofKind(manager, 'safety_thirst_self_assessment'), [], 'submitted: no longer the venue\'s work')
  // Submitted five weeks before today: the 28 days ran out on 2 January.
  await app.db.updateTable('stApplications').set({ submittedAt: new Date('2024-12-05T15:00:00Z') }).where('id', '=', id).execute()

  const items = await work(officer)
  t.match(items[0], { kind: 'safety_thirst_assessment', premisesId: venue.id, dueOn: '2025-01-02', overdue: true, link: `/safety-thirst/applications/${id}` }, 'overdue, at the top')
  t.match(items[0].title, /Assess .*The Lamb Tavern/)
  t.equal((await ofKind(admin, 'safety_thirst_assessment')).length, 1, 'admins too')
  t.same(await ofKind(police, 'safety_thirst_assessment'), [], 'not police work')
  await noLeak(t)

  const results = criteria.map(c => ({ criterionCode: c.code, result: 'met', note: '' }))
  t.equal((await app.inject({ method: 'PUT', url: url(id, '/assessment'), headers: officer.headers, payload: { results } })).statusCode, 200)
  t.same(await ofKind(officer, 'safety_thirst_assessment'), [], 'assessed: no longer to assess')
  t.match(await ofKind(officer, 'safety_thirst_decision'), [{ premisesId: venue.id, dueOn: '2025-01-02', overdue: true }], 'now to decide, by the same deadline')
  t.equal((await app.inject({ method: 'POST', url: url(id, '/moderation'), headers: admin.headers, payload: { confirm: true, note: 'Agreed' } })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: url(id, '/decision'), headers: officer.headers })).statusCode, 200)
  t.same(await ofKind(officer, 'safety_thirst_decision'), [], 'decided: gone')
})

t.test('plans: officers review what is submitted; the venue reviews before the date and revises what is returned', async t => {
  const noiseUrl = `/api/premises/${venue.id}/noise-plan`
  await submitPlan(app, manager.headers, venue.id, 'noise_management_plan')
  t.match(await ofKind(officer, 'plan_review'), [{ premisesId: venue.id, link: `/plans/premises/${venue.id}`, overdue: false }])
  t.same(await ofKind(police, 'plan_review'), [])
  t.equal((await app.inject({ method: 'POST', url: `${noiseUrl}/approve`, headers: officer.headers, payload: { reviewDue: '2025-01-20' } })).statusCode, 200)
  t.same(await ofKind(officer, 'plan_review'), [], 'approved: reviewed')
  t.match(await ofKind(manager, 'plan_review_due'), [{ premisesId: venue.id, dueOn: '2025-01-20', overdue: false }], 'due within 30 days')
  t.same(await ofKind(officer, 'plan_review_overdue'), [], 'not yet past its date')

  now = new Date('2025-01-25T10:00:00Z')
  t.match(await ofKind(officer, 'plan_review_overdue'), [{ premisesId: venue.id, dueOn: '2025-01-20', overdue: true }])
  t.match(await ofKind(manager, 'plan_review_due'), [{ dueOn: '2025-01-20', overdue: true }])
  await noLeak(t)
  await submitPlan(app, manager.headers, venue.id, 'noise_management_plan', 'Revised')
  t.equal((await app.inject({ method: 'POST', url: `${noiseUrl}/approve`, headers: officer.headers, payload: {} })).statusCode, 200)
  t.same(await ofKind(officer, 'plan_review_overdue'), [], 'the new version is approved: gone')
  t.same(await ofKind(manager, 'plan_review_due'), [], 'next review a year away')

  const policy = await submitPlan(app, manager.headers, venue.id, 'dispersal_policy')
  t.equal((await app.inject({ method: 'POST', url: `/api/premises/${venue.id}/dispersal-policy/return`, headers: officer.headers, payload: { comments: { transport: 'Name the taxi operator.' } } })).statusCode, 200)
  t.match(await ofKind(manager, 'plan_returned'), [{ premisesId: venue.id, title: new RegExp(`version ${policy.version} was returned`) }])
  await noLeak(t)
  await submitPlan(app, manager.headers, venue.id, 'dispersal_policy', 'Fixed')
  t.same(await ofKind(manager, 'plan_returned'), [], 'resubmitted: gone')
  t.equal((await ofKind(officer, 'plan_review')).length, 1, 'and waiting for an officer again')
  now = new Date('2025-01-06T10:00:00Z')
})

t.test('flags: open ones for officers and police; acknowledged ones for the venue until resolved', async t => {
  const { id } = await app.db.insertInto('flags').values({
    premisesId: venue.id, crimeGroup: 'violence', basis: 'days', level: 'rising', explanation: 'More violence than usual.',
    recent: 9, recentLinked: 9, recentProximate: 0, baseline: 2, cityRecent: 100, cityBaseline: 100, lastYear: 1, expected: 2, ratio: 4.5, p: 0.001, q: 0.01, lastRaisedAsOf: '2025-01-05'
  } as never).returning('id').executeTakeFirstOrThrow()
  for (const who of [officer, police]) t.match(await ofKind(who, 'flag_open'), [{ premisesId: venue.id, link: `/flags/${id}`, overdue: false }])
  t.same(await ofKind(manager, 'flag_at_venue'), [], 'not shown to the venue before an officer acknowledges it')
  t.equal((await app.inject({ method: 'POST', url: `/api/flags/${id}/acknowledge`, headers: officer.headers, payload: { note: 'Spoke to the DPS.' } })).statusCode, 200)
  t.same(await ofKind(police, 'flag_open'), [], 'acknowledged: followed up')
  t.match(await ofKind(manager, 'flag_at_venue'), [{ premisesId: venue.id, link: `/flags/${id}` }])
  await noLeak(t)
  t.equal((await app.inject({ method: 'POST', url: `/api/flags/${id}/resolve`, headers: officer.headers, payload: { note: 'Door staff added.' } })).statusCode, 200)
  t.same(await ofKind(manager, 'flag_at_venue'), [], 'resolved: gone')
})

t.test('TENs: inside the three working days, for the police, environmental health and officers', async t => {
  const ten = (await giveTen(app, officer.headers, tenBody(venue.id))).json()
  const expected = { premisesId: venue.id, dueOn: '2025-01-09', overdue: false, link: `/tens/${ten.id}` }
  for (const who of [police, health, officer]) t.match(await ofKind(who, 'ten_objection_window'), [expected])
  t.same(await ofKind(fire, 'ten_objection_window'), [], 'the fire authority cannot object to a TEN')
  t.same(await ofKind(manager, 'ten_objection_window'), [], 'the venue has nothing to do')
  await noLeak(t)
  const objection = await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/objections`, headers: police.headers, payload: { objectives: ['crime_disorder'], text: 'A fight here last month.' } })
  t.equal(objection.statusCode, 201, objection.body)
  t.same(await ofKind(police, 'ten_objection_window'), [], 'objected: gone')

  const later = (await giveTen(app, officer.headers, tenBody(venue.id, { startsAt: '2025-03-08T18:00', endsAt: '2025-03-08T23:00' }))).json()
  t.match(await ofKind(police, 'ten_objection_window'), [{ link: `/tens/${later.id}` }])
  now = new Date('2025-01-10T10:00:00Z')
  t.same(await ofKind(police, 'ten_objection_window'), [], 'the window has closed')
  now = new Date('2025-01-06T10:00:00Z')
})

t.test('the list is sorted: overdue first, then by deadline, then the rest', async t => {
  const items = await work(officer)
  const rank = (i: Item) => i.overdue ? 0 : i.dueOn ? 1 : 2
  for (let k = 1; k < items.length; k++) {
    t.ok(rank(items[k - 1]) <= rank(items[k]), `${items[k - 1].kind} before ${items[k].kind}`)
    if (rank(items[k - 1]) === rank(items[k]) && items[k].dueOn) t.ok(items[k - 1].dueOn! <= items[k].dueOn!)
  }
})
