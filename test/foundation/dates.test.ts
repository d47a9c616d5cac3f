// shared/dates.ts and the app clock: local dates always in the zone given, and "today" from
// config.now so the answer does not depend on the day or hour the test runs.
import t from 'tap'
import { addDays, addMonths, addYears, daysBetween, localDate, localMonthStart, localToUtc, latestCompleteDecember, wholeMonthsWithin } from '../../shared/dates.ts'
import { build, login } from '../helper.ts'

t.test('local dates follow the zone given, across midnight and daylight saving', async t => {
  const lateJune = new Date('2025-06-30T23:30:00Z')
  t.equal(localDate(lateJune, 'Europe/London'), '2025-07-01', 'BST: already July in London')
  t.equal(localDate(lateJune, 'UTC'), '2025-06-30')
  t.equal(localMonthStart(lateJune, 'Europe/London'), '2025-07-01')
  t.equal(localToUtc('2025-03-30', 'Europe/London', 3).toISOString(), '2025-03-30T02:00:00.000Z', 'after the spring change')
  t.equal(localToUtc('2025-01-15', 'Europe/London', 3).toISOString(), '2025-01-15T03:00:00.000Z', 'GMT')
})

t.test('calendar arithmetic on YYYY-MM-DD dates', async t => {
  t.equal(addDays('2024-03-31', -28), '2024-03-03')
  t.equal(addDays('2024-12-31', 1), '2025-01-01')
  t.equal(addMonths('2025-01-31', 1), '2025-02-01', 'month starts')
  t.equal(addMonths('2025-01-01', -13), '2023-12-01')
  t.equal(addYears('2024-02-29', 1), '2025-02-28', '29 February rolls back')
  t.equal(addYears('2024-02-29', -1), '2023-02-28')
  t.equal(daysBetween('2025-01-01', '2025-12-31'), 364)
  t.same(wholeMonthsWithin('2025-01-15', '2025-04-30'), { first: '2025-02-01', last: '2025-04-01' })
})

t.test('the app clock gives today in TZ_LOCAL from config.now', async t => {
  const now = () => new Date('2025-12-31T23:30:00Z')
  const london = await build(t, { config: { now, tzLocal: 'Europe/London' } })
  const berlin = await build(t, { config: { now, tzLocal: 'Europe/Berlin' } })
  t.equal(london.clock.today(), '2025-12-31')
  t.equal(berlin.clock.today(), '2026-01-01')
  // A service that defaults to this year takes it from the clock, not the wall clock.
  for (const [app, year] of [[london, 2025], [berlin, 2026]] as const) {
    const officer = await login(app, 'officer')
    const res = await app.inject({ method: 'GET', url: '/api/safety-thirst/progress', headers: officer.headers })
    t.equal(res.statusCode, 200, res.body)
    t.equal(res.json().year, year)
  }
})

t.test('the latest complete December: this year only once the 31st is covered', async t => {
  t.equal(latestCompleteDecember('2026-12-02'), 2025, 'two days into December: last year')
  t.equal(latestCompleteDecember('2026-11-30'), 2025)
  t.equal(latestCompleteDecember('2026-12-31'), 2026, 'the whole of December')
  t.equal(latestCompleteDecember('2027-03-15'), 2026)
})
