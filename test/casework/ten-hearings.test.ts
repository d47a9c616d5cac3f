// What may follow a Temporary Event Notice: its withdrawal (s.103) no later than 24 hours before
// the event, after which it counts towards no limit; and, after an objection to a standard
// notice, a hearing inside its window with two working days' notice, then the decision.
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { giveTen, premisesUser, tenBody } from './ten-fixtures.ts'

// Today is Monday 14 December 2026, 10:00 GMT, unless a test moves it on.
const TODAY = '2026-12-14'
function movableClock () {
  let now = new Date('2026-12-14T10:00:00Z')
  return { now: () => now, set: (iso: string) => { now = new Date(iso) } }
}

t.test('a notice is withdrawn until 24 hours before the event, and then counts towards no limit', async t => {
  const clock = movableClock()
  const app = await build(t, { config: { now: clock.now } })
  const premises = await createPremises(app.db)
  const other = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  const stranger = await login(app, 'manager', { premisesIds: [other.id] })
  const police = await login(app, 'police')
  const user = premisesUser(false)
  // Without a personal licence: at most 2 late notices a year (s.107(2A)).
  const late = (day: string) => ({ ...tenBody(premises.id, { premisesUser: user, startsAt: `${day}T20:00`, endsAt: `${day}T23:00` }), givenOn: undefined })
  const first = (await giveTen(app, manager.headers, late('2026-12-23'))).json()
  const second = (await giveTen(app, manager.headers, late('2026-12-29'))).json()
  t.match([first.kind, second.kind], ['late', 'late'])
  // A third late one (Dec 15–18, 21–24, 29: nine working days) elsewhere, given by an officer: per-user limits span premises.
  const officer = await login(app, 'officer')
  const third = { ...late('2026-12-30'), premisesId: other.id, givenOn: TODAY }
  let res = await giveTen(app, officer.headers, third)
  t.match(res.json(), { code: 'TEN_LIMIT_REACHED', details: { limit: 'user_late_notices' } }, 'a third late notice is refused')

  const withdraw = (id: number, headers: Record<string, string>) => app.inject({ method: 'POST', url: `/api/tens/${id}/withdrawal`, headers, payload: { note: 'The band cancelled.' } })
  t.equal((await withdraw(first.id, stranger.headers)).statusCode, 403, 'not by another venue')
  t.equal((await withdraw(first.id, police.headers)).statusCode, 403, 'not by the police')
  res = await withdraw(first.id, manager.headers)
  t.equal(res.statusCode, 200)
  t.match(res.json(), { status: 'withdrawn', withdrawalDeadline: '2026-12-22T20:00', outcomeReasons: 'The band cancelled.' })
  t.ok(res.json().withdrawnAt)
  t.equal((await withdraw(first.id, manager.headers)).statusCode, 409, 'once')
  const notes = (await app.inject({ url: '/api/notifications', headers: police.headers })).json().items
  t.ok(notes.some((n: { kind: string }) => n.kind === 'ten_withdrawn'), 'the police are told')
  res = await giveTen(app, officer.headers, third)
  t.equal(res.statusCode, 201, 'the withdrawn notice no longer counts towards the late limit')

  // 24 hours before 29 Dec 20:00 GMT is 28 Dec 20:00; a minute later is too late.
  clock.set('2026-12-28T20:01:00Z')
  res = await withdraw(second.id, manager.headers)
  t.equal(res.statusCode, 422)
  t.match(res.json(), { code: 'TEN_WITHDRAWAL_TOO_LATE', details: { withdrawalDeadline: '2026-12-28T20:00' }, message: /24 hours before the event begins \(s\.103\); that was 2026-12-28 20:00/ })
})

t.test('an objection to a standard notice goes to a hearing inside its window, then the decision', async t => {
  const clock = movableClock()
  const app = await build(t, { config: { now: clock.now } })
  const premises = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const ten = (await giveTen(app, officer.headers, tenBody(premises.id, { givenOn: TODAY, startsAt: '2027-01-08T20:00', endsAt: '2027-01-08T23:00' }))).json()
  t.equal(ten.objectionDeadline, '2026-12-17')
  t.equal(ten.hearingWindow, null, 'no window before an objection')
  const hearing = (body: object, headers = officer.headers) => app.inject({ method: 'POST', url: `/api/tens/${ten.id}/hearing`, headers, payload: { date: '2026-12-22', time: '10:00', place: 'Committee Room 2, Guildhall', ...body } })
  t.equal((await hearing({})).statusCode, 409, 'nothing to hear before an objection')
  await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/objections`, headers: police.headers, payload: { objectives: ['crime_disorder'], text: 'Disorder at the last three events.' } })

  const read = (await app.inject({ url: `/api/tens/${ten.id}`, headers: officer.headers })).json()
  // Seven working days from Fri 18 Dec: 18, 21, 22, 23, 24, 29, 30 (25 Dec, and Mon 28 Dec for Boxing Day on a Saturday, are holidays).
  t.same(read.hearingWindow, { from: '2026-12-18', to: '2026-12-30' })
  t.equal((await hearing({}, police.headers)).statusCode, 403, 'the authority schedules, not the objector')
  let res = await hearing({ date: '2027-01-05' })
  t.equal(res.statusCode, 422)
  t.match(res.json(), { code: 'HEARING_OUTSIDE_WINDOW', details: { window: { from: '2026-12-18', to: '2026-12-30' } }, message: /between 2026-12-18 and 2026-12-30/ })
  res = await hearing({ date: '2026-12-19' })
  t.match(res.json(), { statusCode: 400, field: 'date', message: /working day/ }, 'a Saturday is refused beside the field')
  res = await hearing({ time: '25:00' })
  t.match(res.json(), { statusCode: 400, field: 'time', message: /24-hour time, for example 10:00/ })

  res = await hearing({})
  t.equal(res.statusCode, 200)
  t.match(res.json().hearing, { date: '2026-12-22', time: '10:00', place: 'Committee Room 2, Guildhall', noticeGivenOn: TODAY, held: false })
  const told = (await app.inject({ url: '/api/notifications', headers: manager.headers })).json().items
  t.ok(told.some((n: { kind: string; title: string }) => n.kind === 'ten_hearing' && /2026-12-22 at 10:00/.test(n.title)), 'the premises user has notice')
  res = await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/outcome`, headers: officer.headers, payload: { outcome: 'counter_notice', reasons: 'Heard.' } })
  t.match(res.json(), { statusCode: 409, message: /hearing is on 2026-12-22/ }, 'no decision before the hearing is held')

  // Moving the hearing: notice given on Wed 16 Dec allows Fri 18 Dec at the earliest (two working days).
  clock.set('2026-12-16T09:00:00Z')
  res = await hearing({ date: '2026-12-17' })
  t.match(res.json(), { code: 'HEARING_OUTSIDE_WINDOW' }, 'the window opens after objections close')
  res = await hearing({ date: '2026-12-18', time: '14:00' })
  t.equal(res.json().hearing.date, '2026-12-18', 'a new date replaces the old one')
  t.equal(Number((await app.db.selectFrom('hearings').select(eb => eb.fn.countAll<number>().as('n')).where('tenId', '=', ten.id).where('status', '=', 'scheduled').executeTakeFirstOrThrow()).n), 1)

  clock.set('2026-12-18T16:00:00Z')
  res = await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/outcome`, headers: officer.headers, payload: { outcome: 'counter_notice', reasons: 'The sub-committee found the event would undermine crime prevention.' } })
  t.match(res.json(), { status: 'counter_notice', hearing: { held: true } })
})

t.test('a hearing too close to the event is refused: the decision is due 24 hours before it', async t => {
  const clock = movableClock()
  const app = await build(t, { config: { now: clock.now } })
  const premises = await createPremises(app.db)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  // Given Fri 11 Dec for Wed 30 Dec 19:00: Dec 14–18, 21–24, 29 = 10 working days, a standard notice; objections close on 16 Dec.
  const ten = (await giveTen(app, officer.headers, tenBody(premises.id, { givenOn: '2026-12-11', startsAt: '2026-12-30T19:00', endsAt: '2026-12-30T23:00' }))).json()
  t.equal(ten.kind, 'standard')
  await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/objections`, headers: police.headers, payload: { objectives: ['crime_disorder'], text: 'x' } })
  const window = (await app.inject({ url: `/api/tens/${ten.id}`, headers: officer.headers })).json().hearingWindow
  t.same(window, { from: '2026-12-17', to: '2026-12-29' }, 'the seventh working day would be 29 Dec; the decision is due by 29 Dec 19:00')
  const res = await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/hearing`, headers: officer.headers, payload: { date: '2026-12-29', time: '19:30', place: 'Guildhall' } })
  t.match(res.json(), { code: 'HEARING_OUTSIDE_WINDOW', details: { decisionBy: '2026-12-29 19:00' } })
})

t.test('a failing write leaves the notice as it was', async t => {
  const app = await build(t, { config: { now: movableClock().now } })
  const premises = await createPremises(app.db)
  const officer = await login(app, 'officer')
  const ten = (await giveTen(app, officer.headers, tenBody(premises.id, { givenOn: TODAY, startsAt: '2027-01-08T20:00', endsAt: '2027-01-08T23:00' }))).json()
  const before = await app.db.selectFrom('auditLog').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  for (const n of [2, 3]) {
    const failing = await failNthWrite(app.db, ['temporary_event_notices', 'hearings', 'audit_log', 'notifications'], n)
    const res = await app.inject({ method: 'POST', url: `/api/tens/${ten.id}/withdrawal`, headers: officer.headers, payload: {} })
    t.equal(res.statusCode, 500, `write ${n} fails`)
    t.equal(await failing.rowsWritten(), n)
    await failing.restore()
    const row = await app.db.selectFrom('temporaryEventNotices').select(['status', 'withdrawnAt']).where('id', '=', ten.id).executeTakeFirstOrThrow()
    t.same(row, { status: 'received', withdrawnAt: null }, 'still received')
    t.same(await app.db.selectFrom('auditLog').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), before, 'no audit row')
  }
})
