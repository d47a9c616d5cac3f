// A small seeded PRNG (mulberry32) and samplers, so generated data is the same for the same --seed.
export interface Random {
  next: () => number
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
  return { next, gaussian, pick: items => items[Math.floor(next() * items.length)]!, weighted }
}

export function cumulate (weights: number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => { sum += w; out[i] = sum })
  return out
}
