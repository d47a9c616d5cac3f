// The exact conditional Poisson test of two counts with exposures (analytics.md §1 and §2): given
// N = xR + xB, xR ~ Binomial(N, π) with π = eR / (eR + eB) when the two rates are equal. The same
// answers as R's poisson.test(c(xR, xB), T = c(eR, eB), alternative), which calls binom.test,
// including its two-sided rule: add the outcomes no more likely than the one observed (relative
// tolerance 1e-7). The flag test asks 'greater' (a venue's recent rate above its baseline); the
// hotspot change view asks 'two.sided' (a cell rising or falling between two windows).
import { binomialLowerTail, binomialPmf, binomialUpperTail } from './binomial.ts'

export type Alternative = 'two.sided' | 'greater' | 'less'

const RELATIVE_ERROR = 1 + 1e-7

/** p-value of the test that the rate behind xR (exposure eR) equals the rate behind xB (exposure eB). */
export function poissonRateTest (xR: number, xB: number, eR: number, eB: number, alternative: Alternative = 'two.sided'): number {
  if (!Number.isInteger(xR) || !Number.isInteger(xB) || xR < 0 || xB < 0) throw new RangeError('counts must be whole numbers ≥ 0')
  if (!(eR > 0) || !(eB > 0) || !Number.isFinite(eR) || !Number.isFinite(eB)) throw new RangeError('exposures must be positive')
  const n = xR + xB
  const pi = eR / (eR + eB)
  if (alternative === 'greater') return binomialUpperTail(xR, n, pi)
  if (alternative === 'less') return binomialLowerTail(xR, n, pi)
  const m = n * pi
  if (xR === m) return 1
  const d = binomialPmf(xR, n, pi) * RELATIVE_ERROR
  // The other side of the mean: how many outcomes there are no more likely than xR.
  let y = 0
  if (xR < m) {
    for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, pi) <= d) y++
    return Math.min(1, binomialLowerTail(xR, n, pi) + binomialUpperTail(n - y + 1, n, pi))
  }
  for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, pi) <= d) y++
  return Math.min(1, binomialLowerTail(y - 1, n, pi) + binomialUpperTail(xR, n, pi))
}

/** The smallest two-sided p-value N events could give: a window pair that cannot reach 0.05 is not tested. */
export function smallestTwoSidedP (n: number, eR: number, eB: number): number {
  if (n === 0) return 1
  return Math.min(poissonRateTest(n, 0, eR, eB), poissonRateTest(0, n, eR, eB))
}
