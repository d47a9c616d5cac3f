// The hotspot statistics against the R oracle (test/oracle/hotspots/*.R): Gi* as spdep localG
// with the cell itself and binary weights, p.adjust BH, pnorm and poisson.test, all to 1e-9.
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'
import { giStar, confidenceBin } from '../../server/hotspots/gi-star.ts'
import { queenNeighbourhoods } from '../../server/hotspots/grid.ts'
import { benjaminiHochberg } from '../../shared/stats/bh.ts'
import { pnorm, twoSidedP } from '../../shared/stats/normal.ts'
import { conditionalPoissonTest, smallestTwoSidedP } from '../../shared/stats/rate-test.ts'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../oracle/hotspots/${name}`, import.meta.url), 'utf8'))
const TOLERANCE = 1e-9

function sameNumbers (t: Test, actual: (number | null)[], expected: (number | null)[], what: string) {
  t.equal(actual.length, expected.length, `${what}: length`)
  const bad = expected.flatMap((e, i) => {
    const a = actual[i]
    if (e === null || a === null) return a === e ? [] : [`[${i}] ${a} vs ${e}`]
    return Math.abs(a! - e) <= TOLERANCE ? [] : [`[${i}] ${a} vs ${e}`]
  })
  t.same(bad, [], `${what} match R to 1e-9`)
}

t.test('Gi* z, p and BH q equal spdep localG with include.self and binary weights', async t => {
  const cases = fixture('gi-star.fixtures.json') as { label: string; x: number[]; y: number[]; value: number[]; z: (number | null)[]; p: (number | null)[]; q: (number | null)[] }[]
  t.ok(cases.length >= 7, 'all oracle cases present')
  for (const c of cases) {
    const cells = c.x.map((ix, i) => ({ ix, iy: c.y[i]! }))
    const result = giStar(c.value, queenNeighbourhoods(cells))
    sameNumbers(t, result.z, c.z, `${c.label}: z`)
    sameNumbers(t, result.p, c.p, `${c.label}: p`)
    sameNumbers(t, result.q, c.q, `${c.label}: q`)
    if (c.z.every(z => z === null)) t.ok(result.reason, `${c.label}: says why there is no z (${result.reason})`)
  }
})

t.test('corner, edge and inner cells get neighbourhoods of 4, 6 and 9 on a full grid', async t => {
  const cells = [] as { ix: number; iy: number }[]
  for (let iy = 0; iy < 4; iy++) for (let ix = 0; ix < 4; ix++) cells.push({ ix, iy })
  const hoods = queenNeighbourhoods(cells)
  t.equal(hoods[0]!.length, 4, 'corner')
  t.equal(hoods[1]!.length, 6, 'edge')
  t.equal(hoods[5]!.length, 9, 'inner')
  t.equal(hoods[5]![0], 5, 'the cell itself comes first')
})

t.test('bins follow ArcGIS confidence levels with the sign of z', async t => {
  t.equal(confidenceBin(4, 0.009), 3)
  t.equal(confidenceBin(-4, 0.01), -3)
  t.equal(confidenceBin(2.5, 0.05), 2)
  t.equal(confidenceBin(-2, 0.0999), -1)
  t.equal(confidenceBin(1.7, 0.11), 0)
})

t.test('benjaminiHochberg equals p.adjust(method = "BH"), ties included', async t => {
  for (const c of fixture('bh.fixtures.json') as { p: number[]; q: number[] }[]) sameNumbers(t, benjaminiHochberg(c.p), c.q, `BH of ${c.p.join(',')}`)
})

t.test('pnorm and two-sided p equal R across both tails', async t => {
  const f = fixture('pnorm.fixtures.json') as { x: number[]; lower: number[]; twoSided: number[] }
  sameNumbers(t, f.x.map(pnorm), f.lower, 'pnorm')
  sameNumbers(t, f.x.map(twoSidedP), f.twoSided, 'two-sided p')
})

t.test('the exact conditional Poisson test equals R poisson.test for every alternative', async t => {
  const rows = fixture('poisson-test.fixtures.json') as { x1: number; x0: number; t1: number; t0: number; twoSided: number; greater: number; less: number }[]
  t.ok(rows.length > 100)
  sameNumbers(t, rows.map(r => conditionalPoissonTest(r.x1, r.x0, r.t1, r.t0)), rows.map(r => r.twoSided), 'two-sided')
  sameNumbers(t, rows.map(r => conditionalPoissonTest(r.x1, r.x0, r.t1, r.t0, 'greater')), rows.map(r => r.greater), 'greater')
  sameNumbers(t, rows.map(r => conditionalPoissonTest(r.x1, r.x0, r.t1, r.t0, 'less')), rows.map(r => r.less), 'less')
  t.equal(smallestTwoSidedP(5, 1, 1), 0.0625, 'five events in equal windows cannot reach 0.05')
  t.ok(smallestTwoSidedP(6, 1, 1) <= 0.05, 'six can')
})
