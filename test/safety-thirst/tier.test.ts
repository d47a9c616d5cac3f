// The tier rules at every boundary: Essential all-or-nothing, Desired at exactly 50% and 75%,
// Bonus at the threshold, partly counting as not met, and thresholds taken from the set.
import t from 'tap'
import { computeTier, DEFAULT_RULES, type Result, type TierCriterion } from '../../shared/safety-thirst/tier.ts'

// 3 essential, 4 desired (so 2 = 50%, 3 = 75%), 3 bonus.
const criteria: TierCriterion[] = [
  { code: 'E1', level: 'essential' }, { code: 'E2', level: 'essential' }, { code: 'E3', level: 'essential' },
  { code: 'D1', level: 'desired' }, { code: 'D2', level: 'desired' }, { code: 'D3', level: 'desired' }, { code: 'D4', level: 'desired' },
  { code: 'B1', level: 'bonus' }, { code: 'B2', level: 'bonus' }, { code: 'B3', level: 'bonus' }
]

function results (met: string[], overrides: Record<string, Result> = {}): Record<string, Result> {
  const out: Record<string, Result> = {}
  for (const c of criteria) out[c.code] = met.includes(c.code) ? 'met' : 'not_met'
  return { ...out, ...overrides }
}
const ESSENTIAL = ['E1', 'E2', 'E3']

t.test('every essential but one met is not accredited, naming the failed criterion', async t => {
  const outcome = computeTier(criteria, results(['E1', 'E2', 'D1', 'D2', 'D3', 'D4', 'B1', 'B2', 'B3']))
  t.equal(outcome.tier, 'not_accredited')
  t.same(outcome.reasons.failedEssential, ['E3'])
  t.equal(outcome.reasons.unmet[0], 'E3', 'unmet essential criteria come first')
  t.match(outcome.reasons.explanation[0], /E3/)
})

t.test('every essential met and no desired is a pass', async t => {
  const outcome = computeTier(criteria, results(ESSENTIAL))
  t.equal(outcome.tier, 'pass')
  t.same(outcome.reasons.failedEssential, [])
  t.equal(outcome.reasons.desiredPercent, 0)
})

t.test('desired just below 50% is a pass; exactly 50% is commended', async t => {
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1'])).tier, 'pass', '25%')
  const at50 = computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2']))
  t.equal(at50.tier, 'commended', 'exactly 50%')
  t.equal(at50.reasons.desiredPercent, 50)
  t.equal(at50.reasons.desiredMet, 2)
  t.equal(at50.reasons.desiredTotal, 4)
})

t.test('exactly 75% desired with bonus at the threshold is highly commended', async t => {
  const outcome = computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'D3', 'B1', 'B2']))
  t.equal(outcome.tier, 'highly_commended')
  t.equal(outcome.reasons.desiredPercent, 75)
  t.equal(outcome.reasons.bonusMet, 2)
})

t.test('75% desired with one bonus fewer than the threshold stays commended', async t => {
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'D3', 'B1'])).tier, 'commended')
})

t.test('enough bonus but desired just below 75% stays commended', async t => {
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'B1', 'B2', 'B3'])).tier, 'commended')
})

t.test('partly counts as not met at every level', async t => {
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'D3', 'D4', 'B1', 'B2'], { E2: 'partly' })).tier, 'not_accredited', 'essential partly')
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1'], { D2: 'partly' })).tier, 'pass', 'desired partly does not reach 50%')
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'D3', 'B1'], { B2: 'partly' })).tier, 'commended', 'bonus partly does not count')
})

t.test('a missing result counts as not met', async t => {
  const r = results([...ESSENTIAL])
  delete r.E1
  t.equal(computeTier(criteria, r).tier, 'not_accredited')
})

t.test('thresholds come from the rules given (a set with stricter rules)', async t => {
  const strict = { commendedDesiredPct: 60, highlyCommendedDesiredPct: 100, highlyCommendedBonus: 3 }
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2']), strict).tier, 'pass', '50% < 60%')
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'D3', 'D4', 'B1', 'B2']), strict).tier, 'commended', 'needs 3 bonus')
  t.equal(computeTier(criteria, results([...ESSENTIAL, 'D1', 'D2', 'D3', 'D4', 'B1', 'B2', 'B3']), strict).tier, 'highly_commended')
  t.same(DEFAULT_RULES, { commendedDesiredPct: 50, highlyCommendedDesiredPct: 75, highlyCommendedBonus: 2 })
})

t.test('with the starting rubric sizes (14 desired) the percentage boundaries are exact', async t => {
  const many: TierCriterion[] = [{ code: 'E1', level: 'essential' }, ...Array.from({ length: 14 }, (_, i) => ({ code: `D${i + 1}`, level: 'desired' as const })), { code: 'B1', level: 'bonus' }, { code: 'B2', level: 'bonus' }]
  // E1 and both bonus always met; the first n desired met.
  const metN = (n: number) => Object.fromEntries(many.map((c, i) => [c.code, c.level !== 'desired' || i <= n ? 'met' : 'not_met'])) as Record<string, Result>
  t.equal(computeTier(many, metN(6)).tier, 'pass', '6/14 = 42.9%')
  t.equal(computeTier(many, metN(7)).tier, 'commended', '7/14 = exactly 50%')
  t.equal(computeTier(many, metN(7)).reasons.desiredPercent, 50)
  t.equal(computeTier(many, metN(10)).tier, 'commended', '10/14 = 71.4%')
  t.equal(computeTier(many, metN(11)).tier, 'highly_commended', '11/14 = 78.6%')
})
