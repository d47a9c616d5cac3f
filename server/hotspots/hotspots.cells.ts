// What is inside a cell: the incidents counted there for the filters, and the venues in its
// square (the map's cell panel and the briefing).
import type { Db } from '../db/types.ts'
import { NotFound, fieldError } from '../errors.ts'
import { cellParams } from '../../shared/schemas/hotspots.ts'
import { bngToLngLat } from '../geo/bng.ts'
import type { HotspotFilters } from './filters.ts'
import { cellKey, cellPolygon, parseCellId } from './grid.ts'
import { listIncidentsInSquare, premisesInBox, type Box, type PremisesPoint } from './hotspots.repository.ts'
import { analysisGrid } from './hotspots.service.ts'

export const squareOf = (cellSize: number, ix: number, iy: number): Box => [ix * cellSize, iy * cellSize, (ix + 1) * cellSize, (iy + 1) * cellSize]

export function cellCentre (cellSize: number, ix: number, iy: number) {
  return bngToLngLat((ix + 0.5) * cellSize, (iy + 0.5) * cellSize)
}

/** Premises grouped by the analysis cell they stand in. */
export async function premisesByCell (db: Db, cellSize: number): Promise<Map<string, PremisesPoint[]>> {
  const grid = analysisGrid(cellSize)
  const byCell = new Map<string, PremisesPoint[]>()
  for (const p of await premisesInBox(db, grid.bbox)) {
    const key = cellKey(Math.floor(p.easting / cellSize), Math.floor(p.northing / cellSize))
    if (!grid.index.has(key)) continue
    const list = byCell.get(key) ?? []
    list.push(p)
    byCell.set(key, list)
  }
  return byCell
}

export const CELL_INCIDENT_LIMIT = 200

export async function cellDetail (db: Db, f: HotspotFilters, id: string) {
  const parsed = parseCellId(id)
  if (!parsed) throw fieldError('id', cellParams.properties.id['x-message'])
  if (!analysisGrid(parsed.cellSize).index.has(cellKey(parsed.ix, parsed.iy))) throw new NotFound(`There is no analysis cell ${id} over the authority's area`)
  const square = squareOf(parsed.cellSize, parsed.ix, parsed.iy)
  const incidents = await listIncidentsInSquare(db, { ...f, cellSize: parsed.cellSize }, square, CELL_INCIDENT_LIMIT)
  const premises = await premisesInBox(db, square)
  return {
    id, count: incidents.length,
    polygon: { type: 'Polygon' as const, coordinates: cellPolygon(parsed.cellSize, parsed.ix, parsed.iy) },
    incidents: incidents.map(({ occurredTo, ...i }) => ({ ...i, occurredAt: new Date(i.occurredAt).toISOString(), occurredTo: occurredTo === null ? null : new Date(occurredTo).toISOString() })),
    premises: premises.map(({ id, name, address, status }) => ({ id, name, address, status }))
  }
}
