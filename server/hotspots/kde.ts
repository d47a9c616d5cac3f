// Quartic (biweight) kernel density on a raster (docs/analytics.md, "Hotspots"): incidents are binned to pixels
// first, then each occupied pixel spreads its weight with a kernel stamp computed once, so the
// cost is occupied pixels × kernel size, never points × pixels.
//   K(d) = 3 / (π h²) · (1 − d²/h²)²  for d < h, else 0   (integrates to 1 over the plane)

export interface Bin { ix: number; iy: number; weight: number }

export interface Raster { originX: number; originY: number; pixel: number; width: number; height: number; values: Float64Array }

export const MIN_BANDWIDTH = 75
export const MAX_BANDWIDTH = 300

function weightedQuantile (sorted: readonly [number, number][], total: number, q: number): number {
  let seen = 0
  for (const [value, weight] of sorted) {
    seen += weight
    if (seen >= q * total) return value
  }
  return sorted[sorted.length - 1]?.[0] ?? 0
}

/** Robust spread of one axis: min(SD, IQR / 1.34), from binned positions (pixel centres). */
function robustSpread (values: readonly [number, number][]): number {
  const total = values.reduce((s, [, w]) => s + w, 0)
  if (total === 0) return 0
  const mean = values.reduce((s, [v, w]) => s + v * w, 0) / total
  const sd = Math.sqrt(values.reduce((s, [v, w]) => s + w * (v - mean) ** 2, 0) / total)
  const sorted = [...values].sort((a, b) => a[0] - b[0])
  const iqr = weightedQuantile(sorted, total, 0.75) - weightedQuantile(sorted, total, 0.25)
  return iqr > 0 ? Math.min(sd, iqr / 1.34) : sd
}

/**
 * Default bandwidth: Silverman's rule of thumb h = 0.9 · A · n^(−1/5) with the robust spread A
 * (the mean of both axes), clamped to 75–300 m. Counts, not harm, set n and the spread.
 */
export function defaultBandwidth (bins: readonly Bin[], counts: readonly number[], pixel: number): number {
  const n = counts.reduce((a, b) => a + b, 0)
  if (n < 2) return MAX_BANDWIDTH
  const xs = bins.map((b, i) => [(b.ix + 0.5) * pixel, counts[i]!] as [number, number])
  const ys = bins.map((b, i) => [(b.iy + 0.5) * pixel, counts[i]!] as [number, number])
  const spread = (robustSpread(xs) + robustSpread(ys)) / 2
  const h = 0.9 * spread * Math.pow(n, -1 / 5)
  return Math.min(MAX_BANDWIDTH, Math.max(MIN_BANDWIDTH, Math.round(h)))
}

/** Kernel weights at pixel offsets (dx, dy) within the bandwidth, per km² (×1e6 for per m² → km²). */
export function quarticStamp (bandwidth: number, pixel: number): { radius: number; weights: Float64Array } {
  const radius = Math.floor(bandwidth / pixel)
  const side = 2 * radius + 1
  const weights = new Float64Array(side * side)
  const h2 = bandwidth * bandwidth
  const scale = (3 / (Math.PI * h2)) * 1e6
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const d2 = (dx * pixel) ** 2 + (dy * pixel) ** 2
      if (d2 < h2) weights[(dy + radius) * side + (dx + radius)] = scale * (1 - d2 / h2) ** 2
    }
  }
  return { radius, weights }
}

/** Density (per km²) on the raster covering [minX, maxX) × [minY, maxY) in pixels of `pixel` metres. */
export function kdeRaster (bins: readonly Bin[], bandwidth: number, pixel: number, box: [number, number, number, number]): Raster {
  const originIx = Math.floor(box[0] / pixel)
  const originIy = Math.floor(box[1] / pixel)
  const width = Math.ceil(box[2] / pixel) - originIx
  const height = Math.ceil(box[3] / pixel) - originIy
  const values = new Float64Array(width * height)
  const { radius, weights } = quarticStamp(bandwidth, pixel)
  const side = 2 * radius + 1
  for (const bin of bins) {
    const cx = bin.ix - originIx
    const cy = bin.iy - originIy
    for (let dy = -radius; dy <= radius; dy++) {
      const y = cy + dy
      if (y < 0 || y >= height) continue
      for (let dx = -radius; dx <= radius; dx++) {
        const x = cx + dx
        if (x < 0 || x >= width) continue
        const w = weights[(dy + radius) * side + (dx + radius)]!
        if (w > 0) values[y * width + x] = values[y * width + x]! + bin.weight * w
      }
    }
  }
  return { originX: originIx * pixel, originY: originIy * pixel, pixel, width, height, values }
}
