// The aoristic share (shared/aoristic.ts): hand-worked windows across midnight, across both clock
// changes and across filter boundaries, exact to 1e-12; then random windows against a minute-by-
// minute count that reads the wall clock through shared/dates.ts instead.
import t from 'tap'
import fc from 'fast-check'
import { aoristicShare, hourSlices, windowMidpoint, type TimeFilter } from '../../shared/aoristic.ts'
import { addDays, localDate, localParts } from '../../shared/dates.ts'

const TZ = 'Europe/London'
const EXACT = 1e-12
const december: TimeFilter = { from: '2024-12-01', to: '2024-12-31', nights: true, days: [], hours: null }
const night = (hours: [number, number] | null, days: number[] = [], from = december.from, to = december.to): TimeFilter =>
  ({ from, to, nights: true, days, hours: hours && { start: hours[0], end: hours[1] } })

t.test('a window across midnight, worked by hand', async t => {
  // Friday 6 December 2024 21:30 to Saturday 02:30 GMT: 300 minutes, all of Friday night.
  const start = new Date('2024-12-06T21:30:00Z')
  const end = new Date('2024-12-07T02:30:00Z')
  // 22:00–04:00: 22:00 to 02:30 is 270 of the 300 minutes, so 0.9.
  t.ok(Math.abs(aoristicShare(start, end, night([22, 4], [5, 6]), TZ) - 270 / 300) < EXACT, '22-04 on Friday and Saturday nights: 270/300')
  // 23:00–01:00: 120 of 300 minutes.
  t.ok(Math.abs(aoristicShare(start, end, night([23, 1]), TZ) - 0.4) < EXACT, '23-01: 120/300')
  // Every minute is Friday night (01:30 Saturday belongs to Friday night).
  t.equal(aoristicShare(start, end, night(null, [5]), TZ), 1, 'all of it on Friday night')
  t.equal(aoristicShare(start, end, night(null, [6]), TZ), 0, 'none of it on Saturday night')
  // Calendar dates without a night filter: 00:00–02:30 of the 7th is 150 of the 300 minutes.
  t.ok(Math.abs(aoristicShare(start, end, { from: '2024-12-07', to: '2024-12-07', nights: false, days: [], hours: null }, TZ) - 0.5) < EXACT, 'half of it on the calendar date of the 7th')
  const slices = hourSlices(start, end, TZ)
  t.same(slices.map(s => [s.date, s.hour, s.minutes]), [
    ['2024-12-06', 21, 30], ['2024-12-06', 22, 60], ['2024-12-06', 23, 60], ['2024-12-07', 0, 60], ['2024-12-07', 1, 60], ['2024-12-07', 2, 30]
  ], 'one slice per local hour')
  t.same([...new Set(slices.map(s => s.nightOf))], ['2024-12-06'], 'every slice is Friday night')
})

t.test('across the autumn clock change the repeated hour counts twice', async t => {
  // Saturday 26 October 2024 23:30 BST (22:30 UTC) to Sunday 02:30 GMT (02:30 UTC): 240 real
  // minutes. Local hours: 23 for 30, 00 for 60, 01 for 60 + 60 (BST, then GMT), 02 for 30.
  const start = new Date('2024-10-26T22:30:00Z')
  const end = new Date('2024-10-27T02:30:00Z')
  const october = (hours: [number, number]) => night(hours, [], '2024-10-01', '2024-10-31')
  t.ok(Math.abs(aoristicShare(start, end, october([1, 2]), TZ) - 120 / 240) < EXACT, '01-02 holds 120 of 240 minutes')
  t.ok(Math.abs(aoristicShare(start, end, october([0, 1]), TZ) - 60 / 240) < EXACT, '00-01 holds 60')
  t.ok(Math.abs(aoristicShare(start, end, october([23, 0]), TZ) - 30 / 240) < EXACT, '23-00 holds 30')
  t.equal(aoristicShare(start, end, october([22, 4]), TZ), 1, '22-04 holds all of it')
  t.same(hourSlices(start, end, TZ).map(s => [s.hour, s.minutes]), [[23, 30], [0, 60], [1, 120], [2, 30]])
})

t.test('across the spring clock change the skipped hour holds nothing', async t => {
  // Sunday 31 March 2024 00:30 GMT to 03:30 BST: 120 real minutes; 01:00–02:00 never happens.
  const start = new Date('2024-03-31T00:30:00Z')
  const end = new Date('2024-03-31T02:30:00Z')
  const march = (hours: [number, number]) => night(hours, [], '2024-03-01', '2024-03-31')
  t.equal(aoristicShare(start, end, march([1, 2]), TZ), 0, 'the skipped hour')
  t.ok(Math.abs(aoristicShare(start, end, march([1, 3]), TZ) - 60 / 120) < EXACT, '01-03 holds the hour 02:00–03:00 BST: 60 of 120')
  t.ok(Math.abs(aoristicShare(start, end, march([3, 4]), TZ) - 30 / 120) < EXACT, '03-04 holds 30 of 120')
  t.same(hourSlices(start, end, TZ).map(s => [s.hour, s.minutes]), [[0, 30], [2, 60], [3, 30]])
})

t.test('across a filter boundary: the date window and the days', async t => {
  // Sunday 1 December 2024 04:00 to Sunday 08:00 GMT: 240 minutes. The night of 30 November
  // (a Saturday) holds 04:00–06:00, the night of 1 December 06:00–08:00.
  const start = new Date('2024-12-01T04:00:00Z')
  const end = new Date('2024-12-01T08:00:00Z')
  t.ok(Math.abs(aoristicShare(start, end, night(null), TZ) - 0.5) < EXACT, 'the window from 1 December holds half (the rest is the night of 30 November)')
  t.ok(Math.abs(aoristicShare(start, end, night(null, [6], '2024-11-01', '2024-12-31'), TZ) - 0.5) < EXACT, 'Saturday night holds 04:00–06:00')
  t.ok(Math.abs(aoristicShare(start, end, night([5, 7], [], '2024-11-01', '2024-12-31'), TZ) - 0.5) < EXACT, 'hours 05-07 hold 120 of 240')
  t.ok(Math.abs(aoristicShare(start, end, night([5, 7], [7], '2024-11-01', '2024-12-31'), TZ) - 0.25) < EXACT, 'Sunday night and 05-07: 06:00–07:00 only')
  // Seconds: 10 s of a 40 s window inside 00:00–01:00.
  t.ok(Math.abs(aoristicShare(new Date('2024-12-06T23:59:50Z'), new Date('2024-12-07T00:00:20Z'), night([0, 1]), TZ) - 20 / 30) < EXACT, 'fractions of a minute')
})

t.test('an exact time counts 0 or 1, and the midpoint dates a window', async t => {
  t.equal(aoristicShare(new Date('2024-12-07T01:30:00Z'), null, night([22, 4], [5]), TZ), 1, '01:30 Saturday is Friday night')
  t.equal(aoristicShare(new Date('2024-12-07T04:30:00Z'), null, night([22, 4]), TZ), 0)
  t.equal(aoristicShare(new Date('2024-12-07T01:30:00Z'), new Date('2024-12-07T01:30:00Z'), night([1, 2]), TZ), 1, 'a window of no length is an exact time')
  t.equal(windowMidpoint(new Date('2024-12-06T22:00:00Z'), new Date('2024-12-07T04:00:00Z')).toISOString(), '2024-12-07T01:00:00.000Z')
})

// The reference: walk the window minute by minute, reading the wall clock with shared/dates.ts.
function minuteByMinute (start: number, end: number, f: TimeFilter): number {
  let inside = 0
  let total = 0
  for (let m = start; m < end; m += 60_000) {
    const p = localParts(new Date(m), TZ)
    const date = localDate(new Date(m), TZ)
    const nightOf = p.hour < 6 ? addDays(date, -1) : date
    const day = new Date(nightOf + 'T00:00:00Z').getUTCDay() || 7
    const windowDate = f.nights ? nightOf : date
    const hourOk = !f.hours || (f.hours.start < f.hours.end ? p.hour >= f.hours.start && p.hour < f.hours.end : p.hour >= f.hours.start || p.hour < f.hours.end)
    const ok = windowDate >= f.from && windowDate <= f.to && (!f.days.length || f.days.includes(day)) && hourOk
    total++
    if (ok) inside++
  }
  return inside / total
}

t.test('random windows near the clock changes agree with a minute-by-minute count to 1e-12', async t => {
  const anchors = [Date.parse('2024-03-30T20:00:00Z'), Date.parse('2024-10-26T20:00:00Z'), Date.parse('2024-12-06T18:00:00Z')]
  fc.assert(fc.property(
    fc.constantFrom(...anchors), fc.integer({ min: 0, max: 36 * 60 }), fc.integer({ min: 1, max: 30 * 60 }),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })).filter(([a, b]) => a !== b), { nil: null }),
    fc.subarray([1, 2, 3, 4, 5, 6, 7]), fc.boolean(),
    (anchor, offset, length, hours, days, nights) => {
      const start = anchor + offset * 60_000
      const end = start + length * 60_000
      const day = new Date(anchor).toISOString().slice(0, 10)
      const f: TimeFilter = { from: addDays(day, 0), to: addDays(day, 1), nights: nights || hours !== null || days.length > 0, days, hours: hours && { start: hours[0], end: hours[1] } }
      const share = aoristicShare(start, end, f, TZ)
      return Math.abs(share - minuteByMinute(start, end, f)) < EXACT
    }
  ), { numRuns: 300, seed: 20241206 })
  t.pass('300 random windows agree')
})

t.test('the shares of complementary hour filters add up to 1', async t => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 400 * 24 * 60 }), fc.integer({ min: 1, max: 7 * 24 * 60 }), fc.integer({ min: 1, max: 23 }), (offset, length, split) => {
    const start = Date.parse('2024-01-01T00:00:00Z') + offset * 60_000
    const end = start + length * 60_000
    const all = { from: '2023-12-01', to: '2025-03-01', nights: true, days: [] as number[] }
    const a = aoristicShare(start, end, { ...all, hours: { start: 0, end: split } }, TZ)
    const b = aoristicShare(start, end, { ...all, hours: { start: split, end: 0 } }, TZ)
    const minutes = hourSlices(start, end, TZ).reduce((s, x) => s + x.minutes, 0)
    return Math.abs(a + b - 1) < EXACT && minutes === length
  }), { numRuns: 200, seed: 7 })
  t.pass('complementary filters partition every window')
})
