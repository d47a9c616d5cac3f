// Hotspot maps (docs/analytics.md, "Hotspots"): counts per analysis cell in SQL, then Getis-Ord Gi* with
// Benjamini–Hochberg and ArcGIS bins in TypeScript. hotspotCounts is the bare aggregation a map
// needs (the benchmark compares against it); computeHotspots adds the statistics.
import type { Db } from '../db/types.ts'
import { loadBoundary } from '../geo/boundary.ts'
import { loadHarmWeights } from '../incidents/incidents.public.ts'
import { crimeGroups } from '../flags/flags.public.ts'
import { describeHours, isNightFilter, type HotspotFilters } from './filters.ts'
import { giStar } from '../../shared/stats/index.ts'
import { buildGrid, cellKey, cellPolygon, type Grid } from './grid.ts'
import { incidentCoverage, type CellCountRow } from './hotspots.repository.ts'
import { countCells, type CountSource } from './cell-aggregates.repository.ts'
import { DAY_NAMES } from '../../shared/schemas/hotspots.ts'

/** Below this many incidents the map shows counts only (docs/analytics.md, "Hotspots"). */
export const MIN_INCIDENTS = 30

// Grids by cell size, least recently used first. Bounded (HOTSPOT_GRID_CACHE): a 25 m grid over
// a large authority holds tens of thousands of cells and their neighbourhoods.
const grids = new Map<number, Grid>()
let gridCacheSize = 8
export function setGridCacheSize (size: number) { gridCacheSize = Math.max(1, size) }

/** The analysis cells of a size over the authority's boundary (cached: the boundary is fixed). */
/** The dates incidents cover and the crime groups in force: what the presets anchor on. */
export async function coverage (db: Db, tz: string) {
  return { ...(await incidentCoverage(db, tz)), crimeGroups: await crimeGroups(db) }
}

export function analysisGrid (cellSize: number): Grid {
  let grid = grids.get(cellSize)
  if (grid) grids.delete(cellSize)
  else grid = buildGrid(cellSize, loadBoundary().ringBng)
  grids.set(cellSize, grid)
  while (grids.size > gridCacheSize) grids.delete(grids.keys().next().value!)
  return grid
}

/** The cell sizes whose grids are cached, least recently used first (for tests). */
export const cachedGridSizes = () => [...grids.keys()]

/** The configured harm weights (the incidents domain's table, seeded by migration and editable). */
export function harmWeights (db: Db): Promise<Map<string, number>> {
  return loadHarmWeights(db)
}

export interface CellCounts { grid: Grid; rows: CellCountRow[] }

/**
 * The bare SQL aggregation: counts (and harm) per cell over the analysis area, no statistics;
 * from the aggregates when they can answer (source 'raw': the incidents themselves).
 */
export async function hotspotCounts (db: Db, f: HotspotFilters, source: CountSource = 'auto'): Promise<CellCounts> {
  const grid = analysisGrid(f.cellSize)
  const weights = f.weight === 'harm' ? await harmWeights(db) : new Map<string, number>()
  const rows = await countCells(db, f, f.cellSize, grid.bbox, weights, source)
  return { grid, rows }
}

export interface HotspotCell { id: string; ix: number; iy: number; count: number; harm: number; z: number | null; p: number | null; q: number | null; bin: number }

export type HotspotMeta = {
  n: number; cellSize: number; cells: number; excludedMonthPrecision: number; excludedDayPrecision: number
  /** Incidents recorded as a window and counted by their share inside the filters. */
  windowed: number
  significance: boolean; reason?: string; weight: 'count' | 'harm'; totalHarm?: number
  from: string; to: string; nights: boolean; categories: string[]; sources: string[]; days: string[]; hours: string | null
}

export interface HotspotResult { cells: HotspotCell[]; meta: HotspotMeta }

/** Spreads SQL rows over every analysis cell (zero-count cells included; rows outside are dropped). */
export function cellTotals (grid: Grid, rows: readonly CellCountRow[]) {
  const count = new Array<number>(grid.cells.length).fill(0)
  const harm = new Array<number>(grid.cells.length).fill(0)
  let excludedMonth = 0
  let excludedDay = 0
  let windowed = 0
  for (const row of rows) {
    const i = grid.index.get(cellKey(row.ix, row.iy))
    if (i === undefined) continue
    count[i] = row.count
    harm[i] = row.harm
    excludedMonth += row.excludedMonth
    excludedDay += row.excludedDay
    windowed += row.windows
  }
  return { count, harm, excludedMonth, excludedDay, windowed }
}

export function windowMeta (f: HotspotFilters) {
  return { from: f.from, to: f.to, nights: isNightFilter(f), categories: f.categories, sources: f.sources, days: f.days.map(d => DAY_NAMES[d - 1]!), hours: describeHours(f.hours) }
}

export async function computeHotspots (db: Db, f: HotspotFilters): Promise<HotspotResult> {
  const { grid, rows } = await hotspotCounts(db, f)
  const totals = cellTotals(grid, rows)
  const values = f.weight === 'harm' ? totals.harm : totals.count
  const stats = giStar(values, grid.neighbourhoods)
  // The weighted total: a windowed incident adds its share (docs/analytics.md, "Times as recorded").
  const n = totals.count.reduce((a, b) => a + b, 0)
  let reason = stats.reason
  if (n < MIN_INCIDENTS) reason = `too few incidents for significance (${Math.round(n * 100) / 100}, fewer than ${MIN_INCIDENTS})`
  const significance = reason === undefined
  const cells = grid.cells.map((cell, i) => ({
    id: cell.id, ix: cell.ix, iy: cell.iy, count: totals.count[i]!, harm: totals.harm[i]!,
    z: stats.z[i]!, p: stats.p[i]!, q: stats.q[i]!, bin: significance ? stats.bin[i]! : 0
  }))
  const meta: HotspotMeta = {
    n, cellSize: f.cellSize, cells: grid.cells.length, excludedMonthPrecision: totals.excludedMonth, excludedDayPrecision: totals.excludedDay,
    windowed: totals.windowed, significance, weight: f.weight, ...windowMeta(f)
  }
  if (reason) meta.reason = reason
  if (f.weight === 'harm') meta.totalHarm = totals.harm.reduce((a, b) => a + b, 0)
  return { cells, meta }
}

/** The GeoJSON the API returns: one Polygon per analysis cell, WGS84 corners of the BNG square. */
export function toFeatureCollection (result: HotspotResult) {
  const harm = result.meta.weight === 'harm'
  return {
    type: 'FeatureCollection' as const,
    meta: result.meta,
    features: result.cells.map(c => ({
      type: 'Feature' as const,
      id: c.id,
      geometry: { type: 'Polygon' as const, coordinates: cellPolygon(result.meta.cellSize, c.ix, c.iy) },
      properties: { id: c.id, count: c.count, ...(harm ? { harm: c.harm } : {}), z: c.z, p: c.p, q: c.q, bin: c.bin }
    }))
  }
}
