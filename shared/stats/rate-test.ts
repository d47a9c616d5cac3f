// Exact conditional Poisson test of two counts with exposures (the change view, analytics.md §1):
// given N = x1 + x0, x1 ~ Binomial(N, π) with π = t1 / (t1 + t0) under equal rates. Same answers
// as R's poisson.test(c(x1, x0), T = c(t1, t0), alternative) (which calls binom.test), including
// R's two-sided rule: sum the outcomes no more likely than the one observed (relative tolerance 1e-7).

export type Alternative = 'two.sided' | 'greater' | 'less'

/** The whole Binomial(n, p) distribution, built from its mode by the ratio recurrence and normalised. */
export function binomialPmfs (n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1)
  if (p <= 0) { pmf[0] = 1; return pmf }
  if (p >= 1) { pmf[n] = 1; return pmf }
  const odds = p / (1 - p)
  const mode = Math.min(n, Math.floor((n + 1) * p))
  pmf[mode] = 1
  for (let k = mode; k < n; k++) pmf[k + 1] = pmf[k]! * ((n - k) / (k + 1)) * odds
  for (let k = mode; k > 0; k--) pmf[k - 1] = pmf[k]! * (k / (n - k + 1)) / odds
  let total = 0
  for (let k = 0; k <= n; k++) total += pmf[k]!
  for (let k = 0; k <= n; k++) pmf[k] = pmf[k]! / total
  return pmf
}

const sum = (pmf: Float64Array, from: number, to: number) => {
  let s = 0
  for (let k = Math.max(0, from); k <= Math.min(pmf.length - 1, to); k++) s += pmf[k]!
  return s
}

/** p-value of the exact conditional test that the rate in window 1 equals the rate in window 0. */
export function conditionalPoissonTest (x1: number, x0: number, t1: number, t0: number, alternative: Alternative = 'two.sided'): number {
  if (!Number.isInteger(x1) || !Number.isInteger(x0) || x1 < 0 || x0 < 0) throw new RangeError('counts must be whole numbers ≥ 0')
  if (!(t1 > 0) || !(t0 > 0)) throw new RangeError('exposures must be positive')
  const n = x1 + x0
  if (n === 0) return 1
  const p = t1 / (t1 + t0)
  const pmf = binomialPmfs(n, p)
  if (alternative === 'greater') return Math.min(1, sum(pmf, x1, n))
  if (alternative === 'less') return Math.min(1, sum(pmf, 0, x1))
  const d = pmf[x1]! * (1 + 1e-7)
  const m = n * p
  if (x1 === m) return 1
  let result: number
  if (x1 < m) {
    let y = 0
    for (let i = Math.ceil(m); i <= n; i++) if (pmf[i]! <= d) y++
    result = sum(pmf, 0, x1) + sum(pmf, n - y + 1, n)
  } else {
    let y = 0
    for (let i = 0; i <= Math.floor(m); i++) if (pmf[i]! <= d) y++
    result = sum(pmf, 0, y - 1) + sum(pmf, x1, n)
  }
  return Math.min(1, result)
}

/** The smallest two-sided p-value N events could give: a window pair that cannot reach it is not tested. */
export function smallestTwoSidedP (n: number, t1: number, t0: number): number {
  if (n === 0) return 1
  return Math.min(conditionalPoissonTest(n, 0, t1, t0), conditionalPoissonTest(0, n, t1, t0))
}
