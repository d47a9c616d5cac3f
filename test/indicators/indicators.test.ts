// The partnership's indicators (GET /api/indicators) on a real database: every indicator's
// monthly figure, and the same month a year earlier, equals a count of its definition made here
// over the seeded rows (not through the service); the rolling 12 months; who may see them; the
// admin's targets; and plain-English refusals.
import t from 'tap'
import { build, login } from '../helper.ts'
import { londonMonth, seedAwards, seedConcerns, seedRecords, seeded, type SeededIncident } from './fixtures.ts'

const now = new Date('2025-07-15T12:00:00Z')
const app = await build(t, { config: { now: () => now } })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const admin = await login(app, 'admin')
const random = seeded(21)
const { venue, incidents } = await seedRecords(app.db, random)
const awards = await seedAwards(app.db, random, officer.id)
const concerns = await seedConcerns(app.db, random, venue.id, officer.id)
const manager = await login(app, 'manager', { premisesIds: [venue.id] })
const authority = await login(app, 'responsible_authority')

// --- The definitions, counted independently -------------------------------------------------
const VIOLENCE = ['violent-crime', 'robbery', 'drink-spiking', 'sexual-harassment']
const THEFT = ['other-theft', 'theft-from-the-person', 'robbery', 'bicycle-theft']
const ym = (monthStart: string) => monthStart.slice(0, 7)

function london (at: Date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at).map(p => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}
/** The moment a record is dated by: its time, or the middle of its window. */
const when = (i: SeededIncident) => i.to ? new Date(i.at.getTime() + Math.floor((i.to.getTime() - i.at.getTime()) / 2)) : i.at
const calendarMonth = (i: SeededIncident) => i.precision === 'month' ? ym(i.month) : london(when(i)).date.slice(0, 7)
/** The night's month, weekday (ISO) and hour of a timed record: before 06:00 belongs to the night before. */
function night (i: SeededIncident) {
  const { date, hour } = london(when(i))
  const day = new Date(`${date}T00:00:00Z`)
  if (hour < 6) day.setUTCDate(day.getUTCDate() - 1)
  return { month: day.toISOString().slice(0, 7), isoDay: day.getUTCDay() || 7, hour }
}
const lateNight = (hour: number) => hour >= 22 || hour < 4
const count = (month: string, keep: (i: SeededIncident) => boolean, monthOf: (i: SeededIncident) => string = calendarMonth) =>
  incidents.filter(i => keep(i) && monthOf(i) === month).length
const nightMonth = (i: SeededIncident) => night(i).month
const percent = (part: number, whole: number) => whole ? Math.round(part / whole * 1000) / 10 : null

function concernsIn (month: string) {
  return concerns.filter(c => c.premises && !c.abusive && c.closeReason !== 'duplicate' && c.closeReason !== 'abusive' && londonMonth(c.confirmedAt).slice(0, 7) === month)
}
const answeredInTime = (c: typeof concerns[number]) => {
  const first = c.answers.filter(a => a.byOfficer && a.visible).map(a => a.at.getTime()).sort((a, b) => a - b)[0]
  return first !== undefined && first <= c.confirmedAt.getTime() + 48 * 3600000
}
function accredited (month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const nextStart = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return awards.filter(a => a.tier !== 'not_accredited' && london(a.decidedAt).date < nextStart && a.validUntil >= lastDay).length
}

const EXPECTED: Record<string, (month: string) => number | null> = {
  'nte-violence-weekend-nights': month => count(month, i => VIOLENCE.includes(i.category) && ['police', 'hospital'].includes(i.source) && i.precision !== 'month' && [5, 6].includes(night(i).isoDay) && lateNight(night(i).hour), nightMonth),
  'violence-recorded': month => count(month, i => VIOLENCE.includes(i.category)),
  'theft-from-person-at-venues': month => count(month, i => i.category === 'theft-from-the-person' && i.attribution !== 'none'),
  'theft-recorded': month => count(month, i => THEFT.includes(i.category)),
  'night-incidents-at-venues': month => {
    const atNight = (i: SeededIncident) => i.precision !== 'month' && lateNight(night(i).hour)
    return percent(count(month, i => atNight(i) && ['linked', 'proximate'].includes(i.attribution), nightMonth), count(month, atNight, nightMonth))
  },
  'safety-thirst-venues': accredited,
  'venue-concerns': month => concernsIn(month).length,
  'venue-concerns-answered': month => percent(concernsIn(month).filter(answeredInTime).length, concernsIn(month).length),
  'asb-reports': month => count(month, i => i.category === 'anti-social-behaviour'),
  'asb-repeat-locations': month => {
    const places = new Map<string, number>()
    for (const i of incidents) {
      if (i.category !== 'anti-social-behaviour' || i.easting === null || i.northing === null || calendarMonth(i) !== month) continue
      const place = `${Math.floor(i.easting / 50)}:${Math.floor(i.northing / 50)}`
      places.set(place, (places.get(place) ?? 0) + 1)
    }
    return [...places.values()].filter(n => n >= 3).length
  },
  'noise-reports': month => count(month, i => i.category === 'noise')
}

interface MonthRow { month: string; value: number | null; lastYear: number | null; partial?: boolean }
interface IndicatorRow { key: string; unit: string; months: MonthRow[]; rolling: { label: string; value: number | null; lastYear: number | null }; target?: number; targetSetBy?: string; status: string; statusRule: string; statusReason: string; definition: string; sources: string[] }
interface PriorityRow { key: string; title: string; indicators: IndicatorRow[]; note?: string }

async function indicators (year: number, who = officer): Promise<PriorityRow[]> {
  const res = await app.inject({ url: `/api/indicators?year=${year}`, headers: who.headers })
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json().priorities
}
const indicatorOf = (priorities: PriorityRow[], key: string) => priorities.flatMap(p => p.indicators).find(i => i.key === key)!
const monthBefore = (month: string) => { const [y, m] = month.split('-'); return `${Number(y) - 1}-${m}` }

t.test('every indicator\'s months equal a direct count of its definition, with the same month last year', async t => {
  t.ok(incidents.some(i => i.precision === 'window') && incidents.some(i => i.precision === 'month'), 'the seed has window- and month-dated records')
  for (const year of [2024, 2025]) {
    const priorities = await indicators(year)
    t.same(priorities.map(p => p.key), ['prevent', 'violence', 'acquisitive', 'night-time-economy', 'anti-social-behaviour'], 'the strategy\'s five priorities in order')
    t.same(priorities.flatMap(p => p.indicators.map(i => i.key)).sort(), Object.keys(EXPECTED).sort(), 'every indicator is checked here')
    for (const [key, expected] of Object.entries(EXPECTED)) {
      const indicator = indicatorOf(priorities, key)
      const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
      t.same(indicator.months, months.map(month => ({
        month,
        value: month > '2025-07' ? null : expected(month),
        lastYear: expected(monthBefore(month)),
        ...(month === '2025-07' ? { partial: true } : {})
      })), `${key} ${year}: each month and the same month a year earlier (only the current month partial, none after it)`)
      t.ok(indicator.definition.length > 40 && indicator.sources.length > 0, `${key} says what it counts and where from`)
    }
    t.ok(priorities.flatMap(p => p.indicators).some(i => i.months.some(m => (m.value ?? 0) > 0)), `${year}: the seed gives figures`)
  }
})

t.test('the rolling 12 months: the last complete months against the 12 before', async t => {
  const sum = (key: string, months: string[]) => months.reduce((n, m) => n + (EXPECTED[key]!(m) ?? 0), 0)
  const months = (from: [number, number], length = 12) => Array.from({ length }, (_, i) => new Date(Date.UTC(from[0], from[1] - 1 + i, 1)).toISOString().slice(0, 7))
  const past = indicatorOf(await indicators(2024), 'violence-recorded')
  t.same(past.rolling, { label: 'January 2024 to December 2024', value: sum('violence-recorded', months([2024, 1])), lastYear: sum('violence-recorded', months([2023, 1])) })
  const current = indicatorOf(await indicators(2025), 'violence-recorded')
  t.same(current.rolling, { label: 'July 2024 to June 2025', value: sum('violence-recorded', months([2024, 7])), lastYear: sum('violence-recorded', months([2023, 7])) }, 'this year: to the last complete month')
  const venues = indicatorOf(await indicators(2025), 'safety-thirst-venues')
  t.same(venues.rolling, { label: 'June 2025', value: accredited('2025-06'), lastYear: accredited('2024-06') }, 'venues: the latest complete month')
  const future = indicatorOf(await indicators(2026), 'violence-recorded')
  t.equal(future.status, 'no_data', 'a year not begun has no status')
  t.ok(future.months.every(m => m.value === null))
})

t.test('Prevent says it has no data rather than showing zeros', async t => {
  const prevent = (await indicators(2025)).find(p => p.key === 'prevent')!
  t.same(prevent.indicators, [])
  t.match(prevent.note, /no Prevent data/)
})

t.test('officers, police and administrators see the indicators; venue managers, other authorities and the public do not', async t => {
  for (const who of [officer, police, admin]) t.equal((await app.inject({ url: '/api/indicators?year=2025', headers: who.headers })).statusCode, 200, who.role)
  for (const who of [manager, authority]) t.equal((await app.inject({ url: '/api/indicators?year=2025', headers: who.headers })).statusCode, 403, who.role)
  t.equal((await app.inject({ url: '/api/indicators?year=2025' })).statusCode, 401)
  t.equal((await app.inject({ url: '/api/indicators/export.csv?year=2025', headers: manager.headers })).statusCode, 403)
})

t.test('a bad year gets a plain-English 400', async t => {
  for (const year of ['1999', 'twenty', '20255', '2025.5']) {
    const res = await app.inject({ url: `/api/indicators?year=${year}`, headers: officer.headers })
    t.equal(res.statusCode, 400, year)
    t.match(res.json().message, /^Enter the year as four digits/, year)
  }
})

t.test('targets: an administrator sets one, the status follows it, clearing it returns to the default', async t => {
  const url = (key: string) => `/api/indicators/${key}/target`
  const rolling = indicatorOf(await indicators(2024), 'violence-recorded').rolling.value!
  t.equal((await app.inject({ method: 'PUT', url: url('violence-recorded'), headers: officer.headers, payload: { target: 10 } })).statusCode, 403, 'officers do not set targets')
  const set = await app.inject({ method: 'PUT', url: url('violence-recorded'), headers: admin.headers, payload: { target: rolling } })
  t.equal(set.statusCode, 200, set.body)
  t.same(set.json(), { key: 'violence-recorded', target: rolling, targetSetBy: 'admin' })
  let indicator = indicatorOf(await indicators(2024), 'violence-recorded')
  t.match(indicator, { target: rolling, targetSetBy: 'admin', status: 'green' }, 'at the target is green')
  t.match(indicator.statusRule, new RegExp(`at or below the target of ${rolling} a year`))
  await app.inject({ method: 'PUT', url: url('violence-recorded'), headers: admin.headers, payload: { target: Math.ceil(rolling / 1.05) } })
  t.equal(indicatorOf(await indicators(2024), 'violence-recorded').status, 'amber', 'up to 10% above the target is amber')
  await app.inject({ method: 'PUT', url: url('violence-recorded'), headers: admin.headers, payload: { target: Math.floor(rolling / 1.2) } })
  t.equal(indicatorOf(await indicators(2024), 'violence-recorded').status, 'red', 'further above is red')
  const audit = await app.db.selectFrom('auditLog').selectAll().where('action', '=', 'indicator.target_set').execute()
  t.equal(audit.length, 3, 'each change is audited')

  const cleared = await app.inject({ method: 'PUT', url: url('violence-recorded'), headers: admin.headers, payload: { target: null } })
  t.same(cleared.json(), { key: 'violence-recorded' }, 'no default target for a count')
  indicator = indicatorOf(await indicators(2024), 'violence-recorded')
  t.equal(indicator.target, undefined)
  t.match(indicator.statusRule, /below the 12 months before/)

  const scheme = indicatorOf(await indicators(2025), 'safety-thirst-venues')
  t.match(scheme, { target: 80, targetSetBy: 'default' }, 'Safety Thirst defaults to the scheme\'s target of 80')
  t.equal(scheme.status, 'red', `${scheme.rolling.value} venues is far below 80`)
})

t.test('targets refuse bad values in plain English', async t => {
  const put = (key: string, payload: unknown) => app.inject({ method: 'PUT', url: `/api/indicators/${key}/target`, headers: admin.headers, payload: payload as object })
  for (const payload of [{ target: -1 }, { target: 'eighty' }, {}]) {
    const res = await put('violence-recorded', payload)
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.json().message, /^Enter the target as a number/, JSON.stringify(payload))
  }
  const percent = await put('venue-concerns-answered', { target: 120 })
  t.equal(percent.statusCode, 400)
  t.equal(percent.json().message, 'Enter the target as a percentage between 0 and 100, like 90')
  t.equal((await put('safety-thirst-venues', { target: 80.5 })).json().message, 'Enter the target as a whole number of venues, like 80')
  const unknown = await put('no-such-indicator', { target: 5 })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json().message, /There is no indicator called "no-such-indicator"/)
})

t.test('the CSV export has a row per indicator and month', async t => {
  const res = await app.inject({ url: '/api/indicators/export.csv?year=2024', headers: police.headers })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-disposition'], /nightsafe-indicators-2024\.csv/)
  const lines = res.body.trim().split('\r\n')
  t.equal(lines.length, 1 + Object.keys(EXPECTED).length * 12)
  const row = lines.find(l => l.includes(',violence-recorded,') && l.includes(',2024-03,'))!
  t.match(row, `,2024-03,${EXPECTED['violence-recorded']!('2024-03')},${EXPECTED['violence-recorded']!('2023-03')},no,`)
})
