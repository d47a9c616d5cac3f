// The binomial distribution as R computes it: the density in log space with Loader's saddle-point
// expansion (the algorithm behind R's dbinom), and exact tails summed outwards from their first
// term, so the rate test (rate-test.ts) agrees with R to 1e-9 even for counts in the thousands.

const LN_SQRT_2PI = 0.918938533204672741780329736406
const LN_2PI = 1.837877066409345483560659472811

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma (x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  x -= 1
  let a = c[0]!
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i)
  return LN_SQRT_2PI + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Stirling's error log(n!) − log(√(2π n)(n/e)^n) (Loader 2000). */
function stirlerr (n: number): number {
  const S0 = 1 / 12, S1 = 1 / 360, S2 = 1 / 1260, S3 = 1 / 1680, S4 = 1 / 1188
  if (n <= 15) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI
  const nn = n * n
  if (n > 500) return (S0 - S1 / nn) / n
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n
}

/** Deviance term x·log(x/np) + np − x, computed without cancellation (Loader 2000). */
function bd0 (x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np)
    let s = (x - np) * v
    let ej = 2 * x * v
    v *= v
    for (let j = 1; j < 1000; j++) {
      ej *= v
      const s1 = s + ej / (2 * j + 1)
      if (s1 === s) return s1
      s = s1
    }
    return s
  }
  return x * Math.log(x / np) + np - x
}

/** log P(Binomial(n, p) = x), with q = 1 − p passed separately for accuracy. */
export function logBinomialPmf (x: number, n: number, p: number, q = 1 - p): number {
  if (x < 0 || x > n) return -Infinity
  if (p === 0) return x === 0 ? 0 : -Infinity
  if (q === 0) return x === n ? 0 : -Infinity
  if (x === 0) return n === 0 ? 0 : (p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q))
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p)
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q)
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n)
  return lc - 0.5 * lf
}

/** P(Binomial(n, p) = x), as R's dbinom(x, n, p). */
export function binomialPmf (x: number, n: number, p: number): number {
  return Math.exp(logBinomialPmf(x, n, p))
}

/** P(Binomial(n, p) ≥ x), exact. */
export function binomialUpperTail (x: number, n: number, p: number): number {
  check(x, n, p)
  return upperTail(x, n, p, 1 - p)
}

/** P(Binomial(n, p) ≤ x), exact: the upper tail of the n − x failures (q passed as is, not 1 − (1 − p)). */
export function binomialLowerTail (x: number, n: number, p: number): number {
  check(x, n, p)
  return x < 0 ? 0 : upperTail(n - x, n, 1 - p, p)
}

function check (x: number, n: number, p: number) {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 0) throw new RangeError('x and n must be whole numbers, n ≥ 0')
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError('p must be between 0 and 1')
}

/** P(X ≥ x) for X ~ Binomial(n, p), q = 1 − p. Sums from the start of the tail where terms fall away. */
function upperTail (x: number, n: number, p: number, q: number): number {
  if (x <= 0) return 1
  if (x > n) return 0
  if (p === 0) return 0
  if (q === 0) return 1
  const odds = p / q
  if (x > n * p) {
    // Upper tail beyond the mean: terms decrease from k = x onwards.
    let term = 1
    let sum = 1
    for (let k = x; k < n; k++) {
      term *= ((n - k) / (k + 1)) * odds
      sum += term
      if (term < sum * 1e-17) break
    }
    return Math.min(1, Math.exp(logBinomialPmf(x, n, p, q)) * sum)
  }
  // Otherwise 1 − P(X ≤ x − 1); the lower terms decrease going down from x − 1.
  let term = 1
  let sum = 1
  for (let k = x - 1; k > 0; k--) {
    term *= (k / (n - k + 1)) / odds
    sum += term
    if (term < sum * 1e-17) break
  }
  return Math.max(0, 1 - Math.exp(logBinomialPmf(x - 1, n, p, q)) * sum)
}
