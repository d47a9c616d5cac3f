// Getis-Ord Gi* with the cell itself and binary weights (analytics.md §1), equal to R spdep
// localG(x, nb2listw(include.self(nb), style = "B")) and ArcGIS GiZScore:
//   z_i = (L_i − x̄·k_i) / (S · sqrt(k_i·(n − k_i) / (n − 1))),  S the population SD (divisor n),
// then two-sided normal p-values, Benjamini–Hochberg q-values over every cell, ArcGIS-style bins.
import { benjaminiHochberg } from './bh.ts'
import { twoSidedP } from './normal.ts'

export interface GiStarResult {
  z: (number | null)[]
  p: (number | null)[]
  q: (number | null)[]
  bin: number[]
  /** Why no cell has a z-score (zero variance, too few cells), if so. */
  reason?: string
}

/**
 * values: one per analysis cell; neighbourhoods: for each cell the indices of the cells in its
 * neighbourhood, itself included. A cell whose neighbourhood is the whole area (k_i = n) has no z.
 */
export function giStar (values: readonly number[], neighbourhoods: readonly (readonly number[])[]): GiStarResult {
  const n = values.length
  const none = (reason: string): GiStarResult => ({ z: values.map(() => null), p: values.map(() => null), q: values.map(() => null), bin: values.map(() => 0), reason })
  if (n < 2) return none('fewer than two analysis cells')
  let total = 0
  for (const v of values) total += v
  const mean = total / n
  let squares = 0
  for (const v of values) squares += (v - mean) * (v - mean)
  const sd = Math.sqrt(squares / n)
  if (!(sd > 0)) return none('every cell has the same value (zero variance)')
  const z: (number | null)[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const hood = neighbourhoods[i]!
    const k = hood.length
    if (k >= n) { z[i] = null; continue }
    let local = 0
    for (const j of hood) local += values[j]!
    z[i] = (local - mean * k) / (sd * Math.sqrt((k * (n - k)) / (n - 1)))
  }
  const p = z.map(value => value === null ? null : twoSidedP(value))
  const tested = p.flatMap((value, i) => value === null ? [] : [i])
  const qTested = benjaminiHochberg(tested.map(i => p[i]!))
  const q: (number | null)[] = values.map(() => null)
  tested.forEach((i, rank) => { q[i] = qTested[rank]! })
  const bin = z.map((value, i) => value === null || q[i] === null ? 0 : confidenceBin(value, q[i]!))
  return { z, p, q, bin, reason: tested.length === 0 ? 'every neighbourhood covers the whole area' : undefined }
}

/** ArcGIS bins: ±3 at q ≤ 0.01, ±2 at q ≤ 0.05, ±1 at q ≤ 0.10, the sign from z; else 0. */
export function confidenceBin (z: number, q: number): number {
  const level = q <= 0.01 ? 3 : q <= 0.05 ? 2 : q <= 0.10 ? 1 : 0
  return level === 0 || z === 0 ? 0 : Math.sign(z) * level
}
