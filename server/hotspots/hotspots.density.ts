// The density layer: incidents binned to fine pixels in SQL (the same filters as the hotspot
// cells), then a quartic kernel in TypeScript (kde.ts). The raster is in BNG metres; its corners
// come in WGS84 so the browser can place the image.
import type { Db } from '../db/types.ts'
import { bngToLngLat } from '../geo/bng.ts'
import type { HotspotFilters } from './filters.ts'
import { cellKey } from './grid.ts'
import { countCells } from './cell-aggregates.repository.ts'
import { analysisGrid, harmWeights } from './hotspots.service.ts'
import { defaultBandwidth, kdeRaster, MAX_BANDWIDTH } from './kde.ts'

export interface DensityOptions { bandwidth?: number; pixel: number }

const round = (x: number) => x === 0 ? 0 : Number(x.toPrecision(4))

export async function computeDensity (db: Db, f: HotspotFilters, options: DensityOptions) {
  const grid = analysisGrid(f.cellSize)
  const weights = f.weight === 'harm' ? await harmWeights(db) : new Map<string, number>()
  const rows = await countCells(db, f, options.pixel, grid.bbox, weights)
  // Only pixels whose centre lies in an analysis cell, so the layer covers what the cells cover.
  const inArea = (ix: number, iy: number) => grid.index.has(cellKey(Math.floor((ix + 0.5) * options.pixel / f.cellSize), Math.floor((iy + 0.5) * options.pixel / f.cellSize)))
  const occupied = rows.filter(r => r.count > 0 && inArea(r.ix, r.iy))
  const bins = occupied.map(r => ({ ix: r.ix, iy: r.iy, weight: f.weight === 'harm' ? r.harm : r.count }))
  const counts = occupied.map(r => r.count)
  const bandwidth = options.bandwidth ?? defaultBandwidth(bins, counts, options.pixel)
  const margin = Math.max(bandwidth, MAX_BANDWIDTH / 2)
  const [minE, minN, maxE, maxN] = grid.bbox
  const raster = kdeRaster(bins, bandwidth, options.pixel, [minE - margin, minN - margin, maxE + margin, maxN + margin])
  const right = raster.originX + raster.width * raster.pixel
  const top = raster.originY + raster.height * raster.pixel
  const corner = (e: number, n: number) => { const p = bngToLngLat(e, n); return [p.lng, p.lat] }
  let max = 0
  for (const v of raster.values) if (v > max) max = v
  return {
    originEasting: raster.originX, originNorthing: raster.originY, pixelSize: raster.pixel, width: raster.width, height: raster.height,
    values: Array.from(raster.values, round),
    corners: [corner(raster.originX, raster.originY), corner(right, raster.originY), corner(right, top), corner(raster.originX, top)],
    max: round(max), bandwidth,
    bandwidthRule: options.bandwidth ? 'chosen' : 'Silverman, 0.9 · min(SD, IQR/1.34) · n^(-1/5), clamped to 75–300 m',
    n: counts.reduce((a, b) => a + b, 0),
    excludedMonthPrecision: rows.filter(r => inArea(r.ix, r.iy)).reduce((s, r) => s + r.excludedMonth, 0)
  }
}
