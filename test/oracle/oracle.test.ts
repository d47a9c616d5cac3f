// shared/stats against R: every function on the one fixture set test/oracle/oracle.R writes
// (fixtures.json, with the R and spdep versions that made it), to 1e-9. CI never needs R.
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'
import {
  benjaminiHochberg, binomialLowerTail, binomialUpperTail, confidenceBin, giStar, pnorm, poissonRateTest,
  smallestTwoSidedP, twoSidedP
} from '../../shared/stats/index.ts'
import { queenNeighbourhoods } from '../../server/hotspots/grid.ts'

type Numbers = (number | null)[]
interface Fixtures {
  generatedBy: string
  versions: { R: string; spdep: string }
  giStar: { label: string; x: number[]; y: number[]; value: number[]; neighbours: number[][]; z: Numbers; p: Numbers; q: Numbers }[]
  bh: { p: number[]; q: number[] }[]
  rateTest: { xR: number; xB: number; eR: number; eB: number; twoSided: number; greater: number; less: number }[]
  pnorm: { x: number[]; lower: number[]; twoSided: number[] }
}

const fixtures = JSON.parse(readFileSync(new URL('fixtures.json', import.meta.url), 'utf8')) as Fixtures

/** Equal to R within 1e-9 (relative above 1, so z-scores of 30 are held to the same digits). */
function sameNumbers (t: Test, actual: Numbers, expected: Numbers, what: string) {
  t.equal(actual.length, expected.length, `${what}: as many values as R`)
  const bad = expected.flatMap((e, i) => {
    const a = actual[i]
    if (e === null || a === null || a === undefined) return a === e ? [] : [`[${i}] ${a} vs R ${e}`]
    return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)) ? [] : [`[${i}] ${a} vs R ${e}`]
  })
  t.same(bad, [], `${what} match R to 1e-9`)
}

t.test('the fixtures say which R and spdep made them', async t => {
  t.match(fixtures.versions, { R: /^\d+\.\d+\.\d+$/, spdep: /^\d+\.\d+[.-]\d+$/ })
  t.equal(fixtures.generatedBy, 'Rscript test/oracle/oracle.R')
})

t.test('Gi* z, p and BH q equal spdep localG with include.self and binary weights', async t => {
  t.ok(fixtures.giStar.length >= 7, 'every grid case is there')
  const labels = fixtures.giStar.map(c => c.label).join('; ')
  for (const wanted of [/edge, corner/, /zero-count/, /all-zero/, /constant/, /random 20 x 20/]) t.match(labels, wanted)
  for (const c of fixtures.giStar) {
    const result = giStar(c.value, c.neighbours)
    sameNumbers(t, result.z, c.z, `${c.label}: z`)
    sameNumbers(t, result.p, c.p, `${c.label}: p`)
    sameNumbers(t, result.q, c.q, `${c.label}: q`)
    if (c.z.every(z => z === null)) t.ok(result.reason, `${c.label}: says why there is no z (${result.reason})`)
  }
})

t.test('the hotspot grid builds the same queen neighbourhoods as spdep dnearneigh + include.self', async t => {
  for (const c of fixtures.giStar) {
    const ours = queenNeighbourhoods(c.x.map((ix, i) => ({ ix, iy: c.y[i]! })))
    t.same(ours.map(hood => [...hood].sort((a, b) => a - b)), c.neighbours, `${c.label}: neighbourhoods`)
    t.ok(ours.every((hood, i) => hood[0] === i), `${c.label}: each cell comes first in its own neighbourhood`)
  }
})

t.test('bins follow ArcGIS confidence levels with the sign of z', async t => {
  t.equal(confidenceBin(4, 0.009), 3)
  t.equal(confidenceBin(-4, 0.01), -3)
  t.equal(confidenceBin(2.5, 0.05), 2)
  t.equal(confidenceBin(-2, 0.0999), -1)
  t.equal(confidenceBin(1.7, 0.11), 0)
})

t.test('benjaminiHochberg equals p.adjust(method = "BH"), ties and zeros included', async t => {
  t.ok(fixtures.bh.some(c => new Set(c.p).size < c.p.length), 'a case with ties')
  for (const c of fixtures.bh) sameNumbers(t, benjaminiHochberg(c.p), c.q, `BH over ${c.p.length} p-values`)
})

t.test('the rate test equals R poisson.test(c(xR, xB), T = c(eR, eB)) for every alternative', async t => {
  const rows = fixtures.rateTest
  t.ok(rows.length > 180, `${rows.length} cases`)
  t.ok(rows.some(r => r.xR + r.xB > 10000) && rows.some(r => r.xR + r.xB === 0) && rows.some(r => !Number.isInteger(r.eR)), 'huge, empty and fractional cases')
  for (const alternative of ['greater', 'less', 'two.sided'] as const) {
    const key = alternative === 'two.sided' ? 'twoSided' : alternative
    sameNumbers(t, rows.map(r => poissonRateTest(r.xR, r.xB, r.eR, r.eB, alternative)), rows.map(r => r[key]), alternative)
  }
  t.equal(smallestTwoSidedP(5, 1, 1), 0.0625, 'five events in equal windows cannot reach 0.05')
  t.ok(smallestTwoSidedP(6, 1, 1) <= 0.05, 'six can')
  t.throws(() => poissonRateTest(1.5, 3, 1, 1), RangeError, 'counts are whole numbers')
  t.throws(() => poissonRateTest(1, 3, 0, 1), RangeError, 'exposures are positive')
})

t.test('binomial tails at their edges', async t => {
  t.equal(binomialUpperTail(0, 10, 0.3), 1)
  t.equal(binomialUpperTail(11, 10, 0.3), 0)
  t.equal(binomialUpperTail(3, 10, 0), 0)
  t.equal(binomialUpperTail(3, 10, 1), 1)
  t.ok(Math.abs(binomialUpperTail(10, 10, 0.5) - 1 / 1024) < 1e-15)
  t.equal(binomialLowerTail(-1, 10, 0.3), 0)
  t.equal(binomialLowerTail(10, 10, 0.3), 1)
  t.ok(Math.abs(binomialLowerTail(0, 10, 0.5) - 1 / 1024) < 1e-15)
  const far = binomialUpperTail(900, 1000, 0.1)
  t.ok(far >= 0 && far < 1e-300, 'no NaN far in the tail')
  t.throws(() => binomialUpperTail(1.5, 3, 0.5), RangeError)
})

t.test('pnorm and the two-sided p equal R across both tails', async t => {
  sameNumbers(t, fixtures.pnorm.x.map(pnorm), fixtures.pnorm.lower, 'pnorm')
  sameNumbers(t, fixtures.pnorm.x.map(twoSidedP), fixtures.pnorm.twoSided, 'two-sided p')
})
