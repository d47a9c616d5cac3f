// Temporary Event Notices over HTTP: standard, late and too late by the clock; who may give one;
// objections by the police and environmental health within three working days and what follows;
// the officer's outcome; and nothing half-written when a write fails.
import t from 'tap'
import { lastDayToGiveTen } from '../../shared/clock/index.ts'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { giveTen, premisesUser, tenBody } from './ten-fixtures.ts'

t.test('a TEN is standard or late by the working days before it, and too late under five', async t => {
  const app = await build(t)
  const officer = await login(app, 'officer')
  const premises = await createPremises(app.db)
  // Given Mon 15 Dec 2025 for events over Christmas (25, 26 Dec and 1 Jan are holidays).
  const at = (day: string) => tenBody(premises.id, { premisesUser: premisesUser(), givenOn: '2025-12-15', startsAt: `${day}T19:00`, endsAt: `${day}T23:30` })
  let res = await giveTen(app, officer.headers, at('2026-01-02'))
  t.equal(res.statusCode, 201)
  t.match(res.json(), { kind: 'standard', objectionDeadline: '2025-12-18', counterNoticeDeadline: '2026-01-01T19:00' }, 'Dec 16–19, 22–24, 29–31 = 10 working days between')
  res = await giveTen(app, officer.headers, at('2025-12-31'))
  t.match(res.json(), { kind: 'late' }, 'Dec 16–19, 22–24, 29, 30 = 9')
  res = await giveTen(app, officer.headers, at('2025-12-22'))
  t.equal(res.statusCode, 422)
  t.equal(res.json().code, 'TEN_TOO_LATE')
  // Given on Sun 14 Dec, Dec 15–19 lie between: five working days, late but in time.
  t.match(res.json().details, { workingDaysBefore: 4, lastDayForLate: '2025-12-14' })
  t.match(res.json().message, /at least 5 working days before the event.*the last day was 2025-12-14/)
})

// Today is fixed at Monday 14 December 2026, 10:00 (config.now).
const NOW = () => new Date('2026-12-14T10:00:00Z')
const TODAY = '2026-12-14'

t.test('who may give a TEN, and what the form must say', async t => {
  const app = await build(t, { config: { now: NOW } })
  const premises = await createPremises(app.db)
  const other = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  const police = await login(app, 'police')
  const today = TODAY
  const day = '2027-01-15' // 15 Dec–14 Jan hold 18 working days: a standard notice
  const online = { ...tenBody(premises.id, { startsAt: `${day}T18:00`, endsAt: `${day}T23:00` }), givenOn: undefined }

  let res = await giveTen(app, manager.headers, online)
  t.equal(res.statusCode, 201, 'a venue manager for its own premises, given today')
  t.equal(res.json().givenOn, today)
  t.equal((await giveTen(app, manager.headers, { ...online, premisesId: other.id })).statusCode, 403, 'not for another venue')
  res = await giveTen(app, manager.headers, { ...online, givenOn: '2025-01-06' })
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'givenOn', 'an online notice cannot be backdated')
  t.equal((await giveTen(app, police.headers, online)).statusCode, 403, 'the police receive notices; they do not give them')
  const officer = await login(app, 'officer')
  res = await giveTen(app, officer.headers, { ...online, givenOn: '2026-12-15' })
  t.equal(res.json().field, 'givenOn', 'not in the future')
  res = await giveTen(app, officer.headers, { ...online, startsAt: '31/12/2026 19:00' })
  t.match(res.json(), { statusCode: 400, field: 'startsAt', message: /for example 2026-12-31T19:00/ })
  res = await giveTen(app, officer.headers, { ...online, endsAt: online.startsAt })
  t.match(res.json(), { statusCode: 400, field: 'endsAt', message: 'The event must end after it starts' })
  res = await giveTen(app, officer.headers, { ...online, premisesId: 999999 })
  t.equal(res.statusCode, 404)
})

t.test('police and environmental health object within three working days; a late TEN then gets a counter notice', async t => {
  const app = await build(t, { config: { now: NOW } })
  const premises = await createPremises(app.db)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const eho = await login(app, 'authority', { organisation: 'environmental_health' })
  const fire = await login(app, 'authority', { organisation: 'fire' })
  const today = TODAY
  const lateDay = '2026-12-23' // Dec 15–18, 21, 22: six working days between, a late notice
  const standardDay = '2027-01-08' // Dec 15–18, 21–24, 29–31, Jan 4–7: fifteen, standard

  const late = (await giveTen(app, officer.headers, tenBody(premises.id, { givenOn: today, startsAt: `${lateDay}T20:00`, endsAt: `${lateDay}T23:00` }))).json()
  t.equal(late.kind, 'late')
  t.equal(late.objectionDeadline, '2026-12-17', 'Tue 15, Wed 16, Thu 17 Dec')
  const seen = await app.inject({ url: '/api/notifications', headers: eho.headers })
  t.ok(seen.json().items.some((n: { kind: string; link: string }) => n.kind === 'ten_received' && n.link === `/tens/${late.id}`), 'environmental health is told at once')
  const policeSeen = await app.inject({ url: '/api/notifications', headers: police.headers })
  t.ok(policeSeen.json().items.some((n: { kind: string }) => n.kind === 'ten_received'), 'so are the police')

  const objection = { objectives: ['crime_disorder'], text: 'The venue sits in the strongest theft hotspot; Christmas week operations are stretched.' }
  t.equal((await app.inject({ method: 'POST', url: `/api/tens/${late.id}/objections`, headers: fire.headers, payload: objection })).statusCode, 403, 'the fire authority may not object to a TEN')
  let res = await app.inject({ method: 'POST', url: `/api/tens/${late.id}/objections`, headers: police.headers, payload: objection })
  t.equal(res.statusCode, 201)
  t.match(res.json(), { status: 'counter_notice', objections: [{ organisation: 'police', objectives: ['crime_disorder'] }] })
  t.match(res.json().outcomeReasons, /s\.104A/)

  const standard = (await giveTen(app, officer.headers, tenBody(premises.id, { givenOn: today, startsAt: `${standardDay}T20:00`, endsAt: `${standardDay}T23:00` }))).json()
  res = await app.inject({ method: 'POST', url: `/api/tens/${standard.id}/objections`, headers: eho.headers, payload: { objectives: ['public_nuisance'], text: 'Amplified music in a residential courtyard until 23:00.' } })
  t.match(res.json(), { status: 'objected', objections: [{ organisation: 'environmental_health' }] }, 'a standard notice goes to a hearing')
  res = await app.inject({ method: 'POST', url: `/api/tens/${standard.id}/outcome`, headers: police.headers, payload: { outcome: 'cleared', reasons: 'x' } })
  t.equal(res.statusCode, 403, 'the authority decides, not the objector')
  res = await app.inject({ method: 'POST', url: `/api/tens/${standard.id}/outcome`, headers: officer.headers, payload: { outcome: 'cleared', reasons: 'Music ends at 22:00.' } })
  t.match(res.json(), { statusCode: 409, message: /Schedule the hearing first/ }, 'not without a hearing')
  res = await app.inject({ method: 'POST', url: `/api/tens/${standard.id}/outcome`, headers: officer.headers, payload: { outcome: 'cleared', reasons: 'All three agreed no hearing was needed once music ends at 22:00.', hearingDispensed: true } })
  t.match(res.json(), { status: 'cleared', outcomeReasons: /22:00/ }, 'or without one when all agree it is unnecessary (s.105(2)(a))')
  res = await app.inject({ method: 'POST', url: `/api/tens/${standard.id}/outcome`, headers: officer.headers, payload: { outcome: 'counter_notice', reasons: 'again' } })
  t.equal(res.statusCode, 409, 'decided once')
})

t.test('an objection after the third working day is refused with the last day', async t => {
  const app = await build(t)
  const premises = await createPremises(app.db)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const ten = (await giveTen(app, officer.headers, tenBody(premises.id))).json()
  t.equal(ten.objectionDeadline, '2025-01-09', 'given Mon 6 Jan 2025: Tue, Wed, Thu')
  const res = await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/objections`, headers: police.headers, payload: { objectives: ['crime_disorder'], text: 'Too late.' } })
  t.equal(res.statusCode, 422)
  t.match(res.json(), { code: 'TEN_OBJECTION_OUT_OF_TIME', details: { objectionDeadline: '2025-01-09' } })
})

t.test('a venue manager lists its own notices only; officers and police see all', async t => {
  const app = await build(t)
  const mine = await createPremises(app.db)
  const theirs = await createPremises(app.db)
  const officer = await login(app, 'officer')
  await giveTen(app, officer.headers, tenBody(mine.id))
  await giveTen(app, officer.headers, tenBody(theirs.id))
  const manager = await login(app, 'manager', { premisesIds: [mine.id] })
  const list = (await app.inject({ url: '/api/tens', headers: manager.headers })).json()
  t.same(list.items.map((i: { premisesId: number }) => i.premisesId), [mine.id])
  const police = await login(app, 'police')
  t.equal((await app.inject({ url: '/api/tens?from=2025-03-01&to=2025-03-01', headers: police.headers })).json().total, 2)
  t.equal((await app.inject({ url: '/api/tens?from=2025-03-02', headers: police.headers })).json().total, 0, 'events that end before from are left out')
  t.equal((await app.inject({ url: '/api/tens?from=March', headers: police.headers })).statusCode, 400)
})

t.test('a failing write leaves no notice, audit row or notification behind', async t => {
  const app = await build(t)
  const premises = await createPremises(app.db)
  const officer = await login(app, 'officer')
  const count = async (table: 'temporaryEventNotices' | 'auditLog' | 'notifications') => Number((await app.db.selectFrom(table).select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const before = { tens: await count('temporaryEventNotices'), audit: await count('auditLog'), notes: await count('notifications') }
  for (const n of [2, 3]) {
    const failing = await failNthWrite(app.db, ['temporary_event_notices', 'audit_log', 'notifications'], n)
    const res = await giveTen(app, officer.headers, tenBody(premises.id))
    t.equal(res.statusCode, 500, `write ${n} fails`)
    t.equal(await failing.rowsWritten(), n)
    await failing.restore()
    t.same({ tens: await count('temporaryEventNotices'), audit: await count('auditLog'), notes: await count('notifications') }, before, 'all rolled back')
  }
  t.equal(lastDayToGiveTen('2025-03-01', 'standard') < '2025-03-01', true)
})

t.test('upcoming notices are in the hotspot briefing, and a past one is not', async t => {
  const app = await build(t, { config: { now: NOW } })
  const premises = await createPremises(app.db)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const coming = (await giveTen(app, officer.headers, tenBody(premises.id, { givenOn: TODAY, startsAt: '2027-01-08T20:00', endsAt: '2027-01-09T01:00' }))).json()
  await giveTen(app, officer.headers, tenBody(premises.id))
  const res = await app.inject({ url: '/api/hotspots/briefing?from=2026-11-01&to=2026-11-30', headers: police.headers })
  t.equal(res.statusCode, 200)
  t.same(res.json().tens.map((x: { id: number }) => x.id), [coming.id], 'the 2025 notice is past')
  t.match(res.json().tens[0], { premisesName: premises.name, startsAt: '2027-01-08T20:00', maxPeople: 120, kind: 'standard', topCellId: null })
})
