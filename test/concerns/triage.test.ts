// Triage: the venues a pinned concern is suggested (those trading at that time first), attaching
// it to a premises, updates emailed to the reporter, merging duplicates, abusive reports, and the
// threshold of substantiated concerns that puts a venue's plan due for review.
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { submitPlan } from '../plans/plan-fixtures.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { NOW, ONE_AM, confirmedConcern } from './fixtures.ts'

const app = await build(t, { config: { now: () => NOW, concernRateLimit: 1000 } })
const officer = await login(app, 'officer')
const late = { mon: { from: '11:00', to: '23:00' }, fri: { from: '11:00', to: '02:00' }, sat: { from: '11:00', to: '02:00' } }
const early = { fri: { from: '07:00', to: '23:00' }, sat: { from: '07:00', to: '23:00' } }
// Two venues a few metres apart in a quiet corner (premises elsewhere are placed by the factory).
const spot = { lat: 51.5200, lng: -0.0800 }
const bar = await createPremises(app.db, { name: 'Night Owl Bar', location: { lat: 51.52003, lng: -0.08004 }, openingHours: JSON.stringify(late), licensableActivities: JSON.stringify([{ activity: 'recorded_music', days: ['fri', 'sat'], from: '19:00', to: '02:00' }]) })
const cafe = await createPremises(app.db, { name: 'Early Bird Café', location: { lat: 51.51998, lng: -0.07995 }, openingHours: JSON.stringify(early) })

t.test('a pin at 01:00 on Saturday suggests the venue trading then before the nearer one that is shut', async t => {
  const { id } = await confirmedConcern(app, { location: { ...spot, accuracyM: 25 }, occurredAt: ONE_AM })
  const res = await app.inject({ url: `/api/concerns/${id}`, headers: officer.headers })
  t.equal(res.statusCode, 200)
  const suggestions = res.json().suggestions as { premisesId: number; trading: boolean | null; reason: string }[]
  t.same(suggestions.map(s => s.premisesId), [bar.id, cafe.id], 'the bar first, then the café')
  t.match(suggestions[0], { trading: true, reason: /Open at 01:00 on Saturday \(Friday hours 11:00–02:00\); licensed for recorded music until 02:00/ })
  t.match(suggestions[1], { trading: false, reason: /Closed at 01:00 on Saturday/ })

  const pattern = await confirmedConcern(app, { location: { ...spot, accuracyM: 25 }, occurredAt: undefined, pattern: { days: ['fri', 'sat'], from: '00:30', to: '01:30' } })
  const byPattern = (await app.inject({ url: `/api/concerns/${pattern.id}`, headers: officer.headers })).json().suggestions
  t.equal(byPattern[0].premisesId, bar.id, 'a pattern of days and times is matched the same way')
})

t.test('an officer attaches a concern to a premises; the incident follows; updates reach the reporter', async t => {
  const concern = await confirmedConcern(app, { location: { ...spot, accuracyM: 25 } })
  const triaged = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/triage`, headers: officer.headers, payload: { premisesId: bar.id } })
  t.equal(triaged.statusCode, 200)
  t.match(triaged.json(), { premisesId: bar.id, premisesName: 'Night Owl Bar' })
  const incident = await app.db.selectFrom('incidents').select(['premisesId', 'attribution']).where('externalId', '=', concern.reference).executeTakeFirstOrThrow()
  t.same(incident, { premisesId: bar.id, attribution: 'linked' }, 'its incident is linked to the premises')

  const update = await app.inject({
    method: 'POST', url: `/api/concerns/${concern.id}/updates`, headers: officer.headers,
    payload: { status: 'investigating', publicText: 'An officer will visit the bar on Friday night.', internalNote: 'Limiter set too high last visit.' }
  })
  t.equal(update.statusCode, 200)
  t.match(update.json(), { status: 'investigating', updates: [{}, {}, { status: 'investigating', publicText: 'An officer will visit the bar on Friday night.', emailed: 1 }] })
  const mail = await app.db.selectFrom('mailOutbox').selectAll().where('toAddress', '=', concern.body.reporter.email).where('kind', '=', 'concern_update').executeTakeFirstOrThrow()
  t.match(mail.subject, `Update on your report ${concern.reference}: being investigated`)
  t.match(mail.bodyText, 'An officer will visit the bar on Friday night.')
  t.notMatch(mail.bodyText, 'Limiter set too high', 'the internal note stays with the officers')
  t.equal(mail.link, concern.caseLink, 'the email links to the case page')
  const [path, key] = concern.caseLink.split('?key=')
  const page = (await app.inject({ url: `/api${path!.replace('/concerns/case/', '/public/concerns/')}?key=${key}` })).json()
  t.match(page.updates.at(-1), { status: 'investigating', text: 'An officer will visit the bar on Friday night.' }, 'and the case page shows the update')
  t.notMatch(JSON.stringify(page), 'Limiter', 'but never the note')

  const noReason = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/updates`, headers: officer.headers, payload: { status: 'closed' } })
  t.equal(noReason.statusCode, 400)
  t.match(noReason.json(), { field: 'closeReason', message: 'Choose why the case is closed' })
  const closed = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/updates`, headers: officer.headers, payload: { status: 'closed', closeReason: 'resolved', publicText: 'The venue has lowered its limiter.' } })
  t.match(closed.json(), { status: 'closed', closeReason: 'resolved' })
})

t.test('merging a duplicate: it stops counting, its reporter is told and hears about the other case', async t => {
  const main = await confirmedConcern(app, { premisesId: bar.id, location: undefined })
  const duplicate = await confirmedConcern(app, { premisesId: bar.id, location: undefined })
  const merged = await app.inject({ method: 'POST', url: `/api/concerns/${duplicate.id}/merge`, headers: officer.headers, payload: { intoId: main.id } })
  t.equal(merged.statusCode, 200)
  t.match(merged.json(), { status: 'closed', closeReason: 'duplicate', duplicateOf: { id: main.id, reference: main.reference } })
  t.notOk(await app.db.selectFrom('incidents').select('id').where('externalId', '=', duplicate.reference).executeTakeFirst(), 'the duplicate\'s incident is gone: counted once')
  t.ok(await app.db.selectFrom('incidents').select('id').where('externalId', '=', main.reference).executeTakeFirst(), 'the case\'s stays')
  t.match((await app.inject({ url: `/api/concerns/${main.id}`, headers: officer.headers })).json().duplicates, [{ id: duplicate.id }])

  await app.inject({ method: 'POST', url: `/api/concerns/${main.id}/updates`, headers: officer.headers, payload: { publicText: 'We have written to the venue.' } })
  const told = await app.db.selectFrom('mailOutbox').select('toAddress').where('kind', '=', 'concern_update').where('bodyText', 'like', '%We have written to the venue.%').execute()
  t.same(told.map(m => m.toAddress).sort(), [main.body.reporter.email, duplicate.body.reporter.email].sort(), 'an update to the case reaches both reporters')
  const [path, key] = duplicate.caseLink.split('?key=')
  const page = (await app.inject({ url: `/api${path!.replace('/concerns/case/', '/public/concerns/')}?key=${key}` })).json()
  t.match(page, { joinedWith: main.reference }, 'the duplicate\'s case page says which case it joined')
  t.ok(page.updates.some((u: { text: string }) => u.text === 'We have written to the venue.'), 'and shows that case\'s updates')

  const self = await app.inject({ method: 'POST', url: `/api/concerns/${main.id}/merge`, headers: officer.headers, payload: { intoId: main.id } })
  t.match(self.json(), { statusCode: 400, field: 'intoId' })
})

t.test('an abusive report is closed, leaves the map, and its reporter is not written to', async t => {
  const concern = await confirmedConcern(app, { premisesId: cafe.id, location: undefined })
  const mails = (await app.db.selectFrom('mailOutbox').select('id').execute()).length
  const noNote = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/abusive`, headers: officer.headers, payload: { note: ' ' } })
  t.match(noNote.json(), { statusCode: 400, field: 'note' })
  const res = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/abusive`, headers: officer.headers, payload: { note: 'Threatening language about the staff.' } })
  t.match(res.json(), { status: 'closed', closeReason: 'abusive', abusive: true, substantiated: false })
  t.notOk(await app.db.selectFrom('incidents').select('id').where('externalId', '=', concern.reference).executeTakeFirst(), 'no longer an incident')
  t.equal((await app.db.selectFrom('mailOutbox').select('id').execute()).length, mails, 'no email')
  const map = (await app.inject({ url: '/api/concerns/map?status=closed', headers: officer.headers })).json()
  t.notOk(map.features.some((f: { properties: { id: number } }) => f.properties.id === concern.id), 'not on the concerns map')
})

t.test('substantiated concerns reaching the threshold put the noise plan due for review and tell the venue which', async t => {
  const admin = await login(app, 'admin')
  const venue = await createPremises(app.db, { name: 'The Threshold Tavern' })
  const manager = await login(app, 'manager', { premisesIds: [venue.id] })
  const plan = await submitPlan(app, manager.headers, venue.id, 'noise_management_plan')
  await app.inject({ method: 'POST', url: `/api/premises/${venue.id}/noise-plan/approve`, headers: officer.headers, payload: { reviewDue: '2026-11-30' } })
  const settings = await app.inject({ method: 'PUT', url: '/api/concerns/settings', headers: admin.headers, payload: { threshold: 2, periodDays: 90 } })
  t.same(settings.json(), { threshold: 2, periodDays: 90 })
  t.equal((await app.inject({ method: 'PUT', url: '/api/concerns/settings', headers: officer.headers, payload: { threshold: 2, periodDays: 90 } })).statusCode, 403, 'only an administrator sets it')

  const a = await confirmedConcern(app, { premisesId: venue.id, location: undefined, reporter: { name: 'Sam Secret', email: 'sam.secret@resident.example' } })
  const b = await confirmedConcern(app, { premisesId: venue.id, location: undefined, kind: 'noise_plant' })
  const people = await confirmedConcern(app, { premisesId: venue.id, location: undefined, kind: 'noise_people' })
  const substantiate = (id: number) => app.inject({ method: 'POST', url: `/api/concerns/${id}/updates`, headers: officer.headers, payload: { substantiated: true, internalNote: 'Heard it from the street.' } })
  await substantiate(a.id)
  await substantiate(people.id)
  const reviewDue = async () => (await app.db.selectFrom('planDocuments').select('reviewDue').where('id', '=', plan.id).executeTakeFirstOrThrow()).reviewDue
  t.equal(await reviewDue(), '2026-11-30', 'one noise concern and one about people outside: the noise plan is not due yet')
  await substantiate(b.id)
  t.equal(await reviewDue(), '2026-01-03', 'the second substantiated noise concern brings the review forward to 28 days from today')

  const notes = (await app.inject({ url: '/api/notifications', headers: manager.headers })).json().items
  const notice = notes.find((n: { kind: string }) => n.kind === 'plan_review_concerns')
  t.ok(notice, 'the venue manager is told')
  t.match(notice.title, 'Noise management plan for The Threshold Tavern is due for review: 2 substantiated concerns in 90 days')
  t.match(notice.body, a.reference)
  t.match(notice.body, b.reference)
  t.notMatch(notice.body, people.reference, 'a concern about people outside counts against the dispersal policy, not this plan')
  t.notMatch(JSON.stringify(notes), /Sam Secret|sam\.secret/, 'without the reporters\' details')
  const mail = await app.db.selectFrom('mailOutbox').select('bodyText').where('toAddress', '=', manager.email).where('subject', 'like', '%due for review%').executeTakeFirstOrThrow()
  t.notMatch(mail.bodyText, /Sam Secret|sam\.secret/, 'nor in the email to the manager')

  const view = await app.inject({ url: `/api/premises/${venue.id}/concerns`, headers: manager.headers })
  t.equal(view.statusCode, 200)
  t.match(view.json(), { total: 3, threshold: 2, periodDays: 90, substantiatedInPeriod: { noise_management_plan: 2, dispersal_policy: 1 } })
  t.notMatch(view.body, /Sam Secret|sam\.secret|windows shaking/, 'the manager\'s view has no reporter details or words')

  const c = await confirmedConcern(app, { premisesId: venue.id, location: undefined })
  await substantiate(c.id)
  t.equal((await app.db.selectFrom('concernPlanReviews').select('id').where('premisesId', '=', venue.id).execute()).length, 1, 'one more concern after a review does not trigger another at once')
})

t.test('triage routes: 400 naming the field, 401, 403, 404, and nothing half-written', async t => {
  const concern = await confirmedConcern(app, { premisesId: bar.id, location: undefined })
  const police = await login(app, 'police')
  const manager = await login(app, 'manager', { premisesIds: [bar.id] })
  t.equal((await app.inject({ url: `/api/concerns/${concern.id}`, headers: police.headers })).statusCode, 200, 'police read cases')
  t.equal((await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/triage`, headers: police.headers, payload: { premisesId: null } })).statusCode, 403, 'but officers triage')
  t.equal((await app.inject({ url: `/api/concerns/${concern.id}`, headers: manager.headers })).statusCode, 403, 'a venue manager never reads the case')
  t.equal((await app.inject({ url: `/api/concerns/${concern.id}` })).statusCode, 401)
  t.equal((await app.inject({ url: '/api/concerns/999999', headers: officer.headers })).statusCode, 404)
  const bad = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/triage`, headers: officer.headers, payload: { premisesId: 999999 } })
  t.match(bad.json(), { statusCode: 400, field: 'premisesId' })
  const unknownField = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/updates`, headers: officer.headers, payload: { colour: 'red' } })
  t.match(unknownField.json(), { statusCode: 400, field: 'colour' })
  const other = await createPremises(app.db)
  t.equal((await app.inject({ url: `/api/premises/${other.id}/concerns`, headers: manager.headers })).statusCode, 403, 'a manager reads only its own premises\' concerns')

  // Triage writes the concern, its incident, the case note, then the audit row: a failure at any
  // of them leaves the concern, its incident and its notes as they were.
  for (const n of [2, 4]) {
    const before = await app.db.selectFrom('concerns').select(['premisesId', 'updatedAt']).where('id', '=', concern.id).executeTakeFirstOrThrow()
    const notes = (await app.db.selectFrom('concernUpdates').select('id').where('concernId', '=', concern.id).execute()).length
    const failing = await failNthWrite(app.db, ['concerns', 'incidents', 'concern_updates', 'audit_log'], n)
    const res = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/triage`, headers: officer.headers, payload: { premisesId: other.id } })
    const written = await failing.rowsWritten()
    await failing.restore()
    t.equal(res.statusCode, 500, `write ${n} failed inside the triage`)
    t.equal(written, n, `the triage reached write ${n}`)
    t.same(await app.db.selectFrom('concerns').select(['premisesId', 'updatedAt']).where('id', '=', concern.id).executeTakeFirstOrThrow(), before, `write ${n} failed: the concern is unchanged`)
    t.equal((await app.db.selectFrom('incidents').select('premisesId').where('externalId', '=', concern.reference).executeTakeFirstOrThrow()).premisesId, bar.id, `write ${n} failed: its incident did not move`)
    t.equal((await app.db.selectFrom('concernUpdates').select('id').where('concernId', '=', concern.id).execute()).length, notes, `write ${n} failed: no note kept`)
  }
})
