// The change view (docs/analytics.md, "Hotspots"): each cell's count in this window against the same window a
// year earlier, with the exact conditional Poisson test (two-sided, as R's poisson.test; the
// direction comes from which window is larger) and Benjamini–Hochberg over the cells tested.
// A cell is tested only when its events could reach p ≤ 0.05 at all (e.g. at least 6 events for
// equal windows), so cells that cannot be significant do not spend the multiple-testing budget.
import type { Db } from '../db/types.ts'
import { benjaminiHochberg, confidenceBin, poissonRateTest, smallestTwoSidedP } from '../../shared/stats/index.ts'
import { previousYear, type HotspotFilters } from './filters.ts'
import { daysBetween } from '../../shared/dates.ts'
import { cellPolygon } from './grid.ts'
import { cellTotals, hotspotCounts, windowMeta } from './hotspots.service.ts'

export async function computeChange (db: Db, f: HotspotFilters) {
  const before = previousYear(f)
  const [now, then] = [await hotspotCounts(db, { ...f, weight: 'count' }), await hotspotCounts(db, { ...before, weight: 'count' })]
  const grid = now.grid
  const current = cellTotals(grid, now.rows)
  const previous = cellTotals(grid, then.rows)
  const t1 = daysBetween(f.from, f.to) + 1
  const t0 = daysBetween(before.from, before.to) + 1
  const tested: number[] = []
  const p: (number | null)[] = grid.cells.map((_, i) => {
    // The exact test takes whole counts: a cell's weighted count (windows add shares) is rounded for the test only.
    const x1 = Math.round(current.count[i]!)
    const x0 = Math.round(previous.count[i]!)
    if (smallestTwoSidedP(x1 + x0, t1, t0) > 0.05) return null
    tested.push(i)
    return poissonRateTest(x1, x0, t1, t0, 'two.sided')
  })
  const q: (number | null)[] = grid.cells.map(() => null)
  benjaminiHochberg(tested.map(i => p[i]!)).forEach((value, rank) => { q[tested[rank]!] = value })
  const features = grid.cells.map((cell, i) => {
    const count = current.count[i]!
    const before = previous.count[i]!
    const expected = before * t1 / t0
    const direction = count - expected
    return {
      type: 'Feature' as const,
      id: cell.id,
      geometry: { type: 'Polygon' as const, coordinates: cellPolygon(f.cellSize, cell.ix, cell.iy) },
      properties: {
        id: cell.id, count, previous: before, change: count - before,
        ratio: before > 0 ? (count / t1) / (before / t0) : null,
        tested: p[i] !== null, p: p[i]!, q: q[i]!,
        bin: q[i] === null ? 0 : confidenceBin(direction, q[i]!)
      }
    }
  })
  return {
    type: 'FeatureCollection' as const,
    meta: {
      ...windowMeta(f), n: current.count.reduce((a, b) => a + b, 0), previousN: previous.count.reduce((a, b) => a + b, 0),
      cellSize: f.cellSize, excludedMonthPrecision: current.excludedMonth, previousFrom: before.from, previousTo: before.to,
      tested: tested.length, test: 'exact conditional Poisson test, two-sided (R poisson.test), Benjamini–Hochberg over the cells tested'
    },
    features
  }
}
