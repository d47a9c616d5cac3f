// Every permitted limit of a Temporary Event Notice at its boundary (LA 2003 ss.100(5), 101,
// 107): the last notice within a limit is accepted and the next is refused with the limit named.
import t from 'tap'
import { addWorkingDays } from '../../shared/clock/index.ts'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { giveTen, marchDay, premisesUser, tenBody } from './ten-fixtures.ts'

t.test('TEN limits, each at its boundary', async t => {
  const app = await build(t)
  const officer = await login(app, 'officer')
  const give = (body: object) => giveTen(app, officer.headers, body)
  const refusedFor = (res: { statusCode: number; json: () => any }) => res.statusCode === 422 && res.json().code === 'TEN_LIMIT_REACHED' ? res.json().details.limit : `${res.statusCode} ${JSON.stringify(res.json())}`

  t.test('499 people accepted, 500 refused', async t => {
    const premises = await createPremises(app.db)
    t.equal((await give(tenBody(premises.id, { maxPeople: 499 }))).statusCode, 201)
    const res = await give(tenBody(premises.id, { maxPeople: 500, startsAt: '2025-04-01T18:00', endsAt: '2025-04-01T23:00' }))
    t.equal(refusedFor(res), 'people')
    t.match(res.json().message, /at most 499 people/)
  })

  t.test('168 hours accepted, 168 hours and a minute refused', async t => {
    const premises = await createPremises(app.db)
    // 2–9 June 2025: no clock change inside, so local hours are elapsed hours.
    t.equal((await give(tenBody(premises.id, { startsAt: '2025-06-02T12:00', endsAt: '2025-06-09T12:00' }))).statusCode, 201)
    const res = await give(tenBody(premises.id, { startsAt: '2025-07-01T12:00', endsAt: '2025-07-08T12:01' }))
    t.equal(refusedFor(res), 'hours')
  })

  t.test('168 hours across the clocks going forward is 167 local hours plus the lost one', async t => {
    const premises = await createPremises(app.db)
    // Clocks go forward at 01:00 on Sunday 30 March 2025: 12:00 Fri 28 Mar to 13:00 Fri 4 Apr local is 168 real hours.
    t.equal((await give(tenBody(premises.id, { startsAt: '2025-03-28T12:00', endsAt: '2025-04-04T13:00' }))).statusCode, 201)
    const res = await give(tenBody(premises.id, { startsAt: '2025-03-28T12:00', endsAt: '2025-04-04T13:01', premisesUser: premisesUser() }))
    t.equal(refusedFor(res), 'hours', 'a minute more is over')
  })

  t.test('the 15th notice at a premises in a year accepted, the 16th refused', async t => {
    const premises = await createPremises(app.db)
    for (let n = 0; n < 15; n++) {
      const res = await give(tenBody(premises.id, { startsAt: `${marchDay(n * 2)}T18:00`, endsAt: `${marchDay(n * 2)}T23:00` }))
      t.equal(res.statusCode, 201, `notice ${n + 1} accepted`)
    }
    const res = await give(tenBody(premises.id, { startsAt: '2025-06-01T18:00', endsAt: '2025-06-01T23:00' }))
    t.equal(refusedFor(res), 'premises_notices')
    t.match(res.json().details, { max: 15, used: 15, year: 2025 })
    t.equal((await give(tenBody(premises.id, { startsAt: '2026-02-01T18:00', endsAt: '2026-02-01T23:00' }))).statusCode, 201, 'the next year starts afresh')
  })

  t.test('21 days at a premises in a year accepted, a 22nd refused', async t => {
    const premises = await createPremises(app.db)
    // Three events of seven days (each 00:00 to 00:00 a week later touches exactly seven days).
    for (const [from, to] of [['2025-05-01', '2025-05-08'], ['2025-05-10', '2025-05-17'], ['2025-05-19', '2025-05-26']]) {
      t.equal((await give(tenBody(premises.id, { startsAt: `${from}T00:00`, endsAt: `${to}T00:00` }))).statusCode, 201, `${from} for seven days`)
    }
    const res = await give(tenBody(premises.id, { startsAt: '2025-08-01T18:00', endsAt: '2025-08-01T23:00' }))
    t.equal(refusedFor(res), 'premises_days')
    t.match(res.json().details, { max: 21, used: 21 })
  })

  t.test('an event over midnight counts two days', async t => {
    const premises = await createPremises(app.db)
    for (const [from, to] of [['2025-05-01', '2025-05-08'], ['2025-05-10', '2025-05-17'], ['2025-05-19', '2025-05-25']]) {
      t.equal((await give(tenBody(premises.id, { startsAt: `${from}T00:00`, endsAt: `${to}T00:00` }))).statusCode, 201)
    }
    t.equal(refusedFor(await give(tenBody(premises.id, { startsAt: '2025-08-01T22:00', endsAt: '2025-08-02T01:00' }))), 'premises_days', '20 days used; 22:00–01:00 touches two')
    t.equal((await give(tenBody(premises.id, { startsAt: '2025-08-01T18:00', endsAt: '2025-08-02T00:00' }))).statusCode, 201, 'ending at midnight touches one day: 21')
  })

  t.test('a user without a personal licence: 5 notices a year, the 6th refused; 2 late, the 3rd refused', async t => {
    const premises = [await createPremises(app.db), await createPremises(app.db)]
    const user = premisesUser(false)
    for (let n = 0; n < 5; n++) {
      const res = await give(tenBody(premises[n % 2]!.id, { premisesUser: user, startsAt: `${marchDay(n * 3)}T18:00`, endsAt: `${marchDay(n * 3)}T23:00` }))
      t.equal(res.statusCode, 201, `notice ${n + 1}`)
    }
    const res = await give(tenBody(premises[0]!.id, { premisesUser: { ...user, name: `  ${user.name.toUpperCase()} ` }, startsAt: '2025-09-01T18:00', endsAt: '2025-09-01T23:00' }))
    t.equal(refusedFor(res), 'user_notices', 'the same person however the name is typed')
    t.match(res.json().details, { max: 5, used: 5 })

    const other = premisesUser(false)
    // Late: given Mon 3 Feb 2025 for Tue 11 Feb (Feb 4–10 hold 5 working days).
    const late = (day: string) => tenBody(premises[0]!.id, { premisesUser: other, givenOn: '2025-02-03', startsAt: `${day}T18:00`, endsAt: `${day}T23:00` })
    const first = await give(late('2025-02-11'))
    t.equal(first.json().kind, 'late')
    t.equal((await give({ ...late('2025-02-13'), givenOn: '2025-02-05' })).json().kind, 'late', 'the second late notice')
    t.equal(refusedFor(await give({ ...late('2025-02-17'), givenOn: '2025-02-07' })), 'user_late_notices', 'the third late notice')
    t.equal((await give(tenBody(premises[1]!.id, { premisesUser: other, startsAt: '2025-04-17T18:00', endsAt: '2025-04-17T23:00' }))).json().kind, 'standard', 'a standard one is still allowed')
  })

  t.test('a personal licence holder: 50 notices a year, the 51st refused; 10 late, the 11th refused', async t => {
    const user = premisesUser(true)
    const venues = await Promise.all([0, 1, 2, 3].map(() => createPremises(app.db)))
    for (let n = 0; n < 50; n++) {
      const day = new Date(Date.UTC(2025, 2, 1 + n * 2)).toISOString().slice(0, 10)
      const res = await give(tenBody(venues[n % 4]!.id, { premisesUser: user, startsAt: `${day}T18:00`, endsAt: `${day}T23:00` }))
      if (res.statusCode !== 201) t.fail(`notice ${n + 1}: ${res.body}`)
    }
    t.equal(refusedFor(await give(tenBody(venues[0]!.id, { premisesUser: user, startsAt: '2025-12-30T18:00', endsAt: '2025-12-30T23:00' }))), 'user_notices')

    const lateUser = premisesUser(true)
    const lateVenues = await Promise.all([0, 1].map(() => createPremises(app.db)))
    for (let n = 0; n < 10; n++) {
      const day = `2025-11-${String(11 + n).padStart(2, '0')}`
      const given = addWorkingDays(day, -6) // five working days strictly between: a late notice
      const res = await give(tenBody(lateVenues[n % 2]!.id, { premisesUser: lateUser, givenOn: given, startsAt: `${day}T18:00`, endsAt: `${day}T20:00` }))
      if (res.statusCode !== 201 || res.json().kind !== 'late') t.fail(`late notice ${n + 1}: ${res.body}`)
    }
    t.equal(refusedFor(await give(tenBody(lateVenues[0]!.id, { premisesUser: lateUser, givenOn: '2025-11-10', startsAt: '2025-11-18T18:00', endsAt: '2025-11-18T20:00' }))), 'user_late_notices')
  })

  t.test('24 hours between events of one user at one premises: exactly 24 accepted, a minute less refused', async t => {
    const premises = await createPremises(app.db)
    const user = premisesUser(true)
    t.equal((await give(tenBody(premises.id, { premisesUser: user, startsAt: '2025-05-09T20:00', endsAt: '2025-05-10T02:00' }))).statusCode, 201)
    t.equal((await give(tenBody(premises.id, { premisesUser: user, startsAt: '2025-05-11T02:00', endsAt: '2025-05-11T06:00' }))).statusCode, 201, 'starts exactly 24 hours after the last ended')
    const res = await give(tenBody(premises.id, { premisesUser: user, startsAt: '2025-05-12T05:59', endsAt: '2025-05-12T09:00' }))
    t.equal(refusedFor(res), 'gap_24_hours', '23 hours 59 minutes after')
    t.equal(refusedFor(await give(tenBody(premises.id, { premisesUser: user, startsAt: '2025-05-08T18:00', endsAt: '2025-05-08T20:01' }))), 'gap_24_hours', 'ending 23 hours 59 minutes before the first begins')
    t.equal((await give(tenBody(premises.id, { premisesUser: premisesUser(true), startsAt: '2025-05-12T05:59', endsAt: '2025-05-12T09:00' }))).statusCode, 201, 'another user may')
    const elsewhere = await createPremises(app.db)
    t.equal((await give(tenBody(elsewhere.id, { premisesUser: user, startsAt: '2025-05-12T05:59', endsAt: '2025-05-12T09:00' }))).statusCode, 201, 'the same user at other premises may')
  })
})
