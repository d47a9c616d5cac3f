// The flag test's own rules: the windows, eligibility, the levels and the explanation, and the
// acceptance scenario on 300 synthetic venues with a City-wide December peak, in memory. The
// p-values and q-values themselves are checked against R in test/oracle/oracle.test.ts.
import t from 'tap'
import { benjaminiHochberg } from '../../shared/stats/index.ts'
import { addDays } from '../../shared/dates.ts'
import { assignLevels, dayWindows, evaluate, explain, levelOf, monthWindows, type Evaluation } from '../../server/flags/flags.stats.ts'
import { simulate, windowSums } from './sim.ts'

t.test('windows: 28 days before asOf, the 364 before that, and the same 28 days last year', async t => {
  t.same(dayWindows('2025-01-06'), { recent: ['2024-12-09', '2025-01-06'], baseline: ['2023-12-11', '2024-12-09'], lastYear: ['2023-12-11', '2024-01-08'] })
  t.same(monthWindows('2024-11-01'), { recent: ['2024-11-01', '2024-12-01'], baseline: ['2023-11-01', '2024-11-01'], lastYear: ['2023-11-01', '2023-12-01'] })
  t.equal(addDays('2024-03-31', -28), '2024-03-03', 'local dates, unaffected by the clock change')
})

t.test('eligibility, expected, ratio and levels exactly as analytics.md', async t => {
  const e = evaluate({ recentLinked: 4, recentProximate: 2, baseline: 9, lastYear: 0 }, { recent: 316, baseline: 2909 } as any)
  t.equal(e.cityRecent, 310)
  t.equal(e.cityBaseline, 2900)
  t.ok(Math.abs(e.expected! - 9 * 310 / 2900) < 1e-12)
  t.ok(Math.abs(e.ratio! - (6 / 310) / (9.5 / 2900)) < 1e-12)
  t.ok(e.eligible)
  t.notOk(evaluate({ recentLinked: 2, recentProximate: 0, baseline: 0, lastYear: 0 }, { recent: 100, baseline: 1000 }).eligible, 'x_R < 3')
  t.notOk(evaluate({ recentLinked: 3, recentProximate: 0, baseline: 0, lastYear: 0 }, { recent: 900, baseline: 100 }).eligible, 'π^N > 0.05 cannot reach significance')
  t.notOk(evaluate({ recentLinked: 5, recentProximate: 0, baseline: 3, lastYear: 0 }, { recent: 5, baseline: 300 }).eligible, 'no area exposure outside the venue')
  t.equal(levelOf({ q: 0.009, ratio: 1.5, recent: 5, expected: 3, p: 0.001 }), 'strong')
  t.equal(levelOf({ q: 0.05, ratio: 2, recent: 5, expected: 3, p: 0.001 }), 'rising')
  t.equal(levelOf({ q: 0.009, ratio: 1.4, recent: 5, expected: 3, p: 0.001 }), 'watch', 'ratio too small for rising')
  t.equal(levelOf({ q: 0.009, ratio: 3, recent: 4, expected: 2.5, p: 0.001 }), 'watch', 'excess under 2')
  t.equal(levelOf({ q: null, ratio: 3, recent: 2, expected: 0.2, p: 0.04 }), 'watch')
  t.equal(levelOf({ q: 0.5, ratio: 3, recent: 2, expected: 0.2, p: 0.06 }), null)
})

t.test('the explanation reads like the design example', async t => {
  const e: Evaluation = { ...evaluate({ recentLinked: 4, recentProximate: 2, baseline: 9, lastYear: 1 }, { recent: 316, baseline: 2909 }), q: 0.03 }
  const text = explain(e, { group: 'violence', premisesName: 'The Example Arms', basis: 'days', radius: 20, windows: dayWindows('2025-01-06') })
  t.match(text, /^Violence at The Example Arms: 6 incidents in the last 28 days \(4 linked, 2 within 20 m\) against 9 in the previous 52 weeks\. Across the City, violence was 310 against 2,900 in the same periods, so about 1 would be expected; 6 is 5\.9 times that \(one-sided p = 0\.0\d+, FDR q = 0\.03\)\. Same 28 days last year: 1\.$/)
  const monthly = explain(e, { group: 'theft', premisesName: 'X', basis: 'months', radius: 50, windows: monthWindows('2024-10-01') })
  t.match(monthly, /in October 2024/)
  t.match(monthly, /police\.uk .* 50 m radius/)
})

const SIM = { seed: 20261201, start: '2024-01-29', days: 392 + 371, venues: 300, cityPerDay: 12, decemberFactor: 2.5, venueShare: 0.4 }
const RUNS = Array.from({ length: 52 }, (_, i) => addDays('2025-03-03', 7 * i))

function weeklyRuns (days: ReturnType<typeof simulate>['days'], venues: number, naive = false) {
  return RUNS.map(asOf => {
    const w = dayWindows(asOf)
    const recent = windowSums(days, w.recent[0], w.recent[1], venues)
    const baseline = windowSums(days, w.baseline[0], w.baseline[1], venues)
    const lastYear = windowSums(days, w.lastYear[0], w.lastYear[1], venues)
    const evaluations = recent.perVenue.map((xR, v) => naive
      // Comparing days alone: exposure is time (28 against 364), which the December peak defeats.
      ? evaluate({ recentLinked: xR, recentProximate: 0, baseline: baseline.perVenue[v]!, lastYear: 0 }, { recent: 28 + xR, baseline: 364 + baseline.perVenue[v]! })
      : evaluate({ recentLinked: xR, recentProximate: 0, baseline: baseline.perVenue[v]!, lastYear: lastYear.perVenue[v]! }, { recent: recent.city, baseline: baseline.city }))
    return { asOf, evaluations: assignLevels(evaluations) }
  })
}

t.test('acceptance: 300 venues, a December peak, no venue changing its share: at most a handful flagged rising in a year of weekly runs', async t => {
  const { days } = simulate(SIM)
  const runs = weeklyRuns(days, SIM.venues)
  const flagged = new Set<number>()
  let venueRuns = 0
  for (const run of runs) run.evaluations.forEach((e, v) => { if (e.level === 'rising' || e.level === 'strong') { flagged.add(v); venueRuns++ } })
  t.ok(flagged.size <= 5, `${flagged.size} venues flagged rising or strong over 52 runs (${venueRuns} venue-runs)`)
  // The literal reading (BH only over x_R ≥ 3) selects tests by their own statistic: many more flags.
  const literal = new Set<number>()
  for (const run of weeklyRuns(days, SIM.venues)) {
    const family = run.evaluations.filter(e => e.eligible)
    const q = benjaminiHochberg(family.map(e => e.p))
    family.forEach((e, i) => { if (levelOf({ ...e, q: q[i]! }) === 'rising' || levelOf({ ...e, q: q[i]! }) === 'strong') literal.add(run.evaluations.indexOf(e)) })
  }
  t.ok(literal.size > 4 * Math.max(1, flagged.size), `BH over x_R ≥ 3 alone would flag ${literal.size} venues`)
  const tested = runs.reduce((s, r) => s + r.evaluations.filter(e => e.q !== null).length, 0)
  t.ok(tested > 52 * 100, `tests were made (${tested} in the BH families)`)
  // The peak is real: comparing days alone flags many venues in early January.
  const january = weeklyRuns(days, SIM.venues, true).find(r => r.asOf === '2026-01-05')!
  const naiveFlagged = january.evaluations.filter(e => e.p <= 0.05).length
  const fair = runs.find(r => r.asOf === '2026-01-05')!.evaluations.filter(e => e.p <= 0.05).length
  t.ok(naiveFlagged >= 2 * fair, `a time-only test gives ${naiveFlagged} raw p ≤ 0.05 after December, area exposure ${fair}`)
})

t.test('acceptance: a venue whose share triples in the last 28 days is flagged with the right numbers', async t => {
  const boost = { venue: 7, share: 0.02, factor: 3, from: '2025-12-08', to: '2026-01-05' }
  const { days } = simulate({ ...SIM, boost })
  const run = weeklyRuns(days, SIM.venues).find(r => r.asOf === '2026-01-05')!
  const e = run.evaluations[7]!
  t.ok(e.level === 'rising' || e.level === 'strong', `level ${e.level}, x_R ${e.recent}, expected ${e.expected?.toFixed(2)}, q ${e.q}`)
  const w = dayWindows('2026-01-05')
  t.equal(e.recent, windowSums(days, w.recent[0], w.recent[1], SIM.venues).perVenue[7])
  const text = explain(e, { group: 'theft', premisesName: 'The Tripled Tap', basis: 'days', radius: 20, windows: w })
  t.match(text, new RegExp(`^Theft at The Tripled Tap: ${e.recent} incidents in the last 28 days \\(${e.recent} linked, 0 within 20 m\\) against ${e.baseline} in the previous 52 weeks`))
  t.match(text, new RegExp(`${e.recent} is ${e.ratio!.toFixed(1)} times that`))
})
