// A small seeded PRNG (mulberry32, public domain) and samplers, so generated data is the same
// for the same seed: the demo data and the bench's synthetic data both draw from it.
export interface Random {
  next: () => number
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number
  /** `count` distinct items in a random order. */
  some: <T>(items: readonly T[], count: number) => T[]
  gaussian: () => number
  pick: <T>(items: readonly T[]) => T
  /** Index into a cumulative weight table (last entry = total). */
  weighted: (cumulative: Float64Array | number[]) => number
}

export function createRandom (seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  let spare: number | undefined
  const gaussian = () => {
    if (spare !== undefined) { const s = spare; spare = undefined; return s }
    let u = 0
    while (u === 0) u = next()
    const v = next()
    const r = Math.sqrt(-2 * Math.log(u))
    spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }
  const weighted = (cumulative: Float64Array | number[]) => {
    const target = next() * cumulative[cumulative.length - 1]!
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    some: (items, count) => [...items].sort(() => next() - 0.5).slice(0, count),
    gaussian,
    pick: items => items[Math.floor(next() * items.length)]!,
    weighted
  }
}

export function cumulate (weights: number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => { sum += w; out[i] = sum })
  return out
}
