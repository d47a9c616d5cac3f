// The Christmas-operations briefing: every cell (for the map image), and the ten strongest
// hotspot cells with their most common street descriptions, the venues in them and the count in
// the same window a year earlier; and the Temporary Event Notices of the coming weeks, each marked
// with the top cell its venue stands in.
import type { Db } from '../db/types.ts'
import { previousYear, type HotspotFilters } from './filters.ts'
import { cellKey } from './grid.ts'
import { topLocations } from './hotspots.repository.ts'
import { cellTotals, computeHotspots, hotspotCounts, toFeatureCollection } from './hotspots.service.ts'
import { cellCentre, premisesByCell, squareOf } from './hotspots.cells.ts'
import { upcomingTens } from '../casework/casework.public.ts'

export const TOP_CELLS = 10

export async function computeBriefing (db: Db, f: HotspotFilters, today: string) {
  const result = await computeHotspots(db, f)
  const before = previousYear(f)
  const last = await hotspotCounts(db, { ...before, weight: 'count' })
  const lastCounts = cellTotals(last.grid, last.rows).count
  const venues = await premisesByCell(db, f.cellSize)
  // Strongest first: significant hot spots by z, then the busiest cells when nothing is significant.
  const ranked = result.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.count > 0)
    .sort((a, b) => (b.c.bin - a.c.bin) || ((b.c.z ?? 0) - (a.c.z ?? 0)) || (b.c.count - a.c.count))
    .slice(0, TOP_CELLS)
  const top = []
  for (const { c, i } of ranked) {
    const streets = await topLocations(db, f, squareOf(f.cellSize, c.ix, c.iy), 3)
    top.push({
      id: c.id, count: c.count, previous: lastCounts[i]!, z: c.z, q: c.q, bin: c.bin,
      centre: cellCentre(f.cellSize, c.ix, c.iy),
      streets,
      premises: (venues.get(cellKey(c.ix, c.iy)) ?? []).map(({ id, name, address }) => ({ id, name, address }))
    })
  }
  const collection = toFeatureCollection(result)
  const cellOfPremises = new Map(top.flatMap(cell => cell.premises.map(p => [p.id, cell.id] as const)))
  const tens = (await upcomingTens(db, today)).map(t => ({ ...t, topCellId: cellOfPremises.get(t.premisesId) ?? null }))
  return { meta: collection.meta, previousFrom: before.from, previousTo: before.to, cells: collection.features, top, tens }
}
