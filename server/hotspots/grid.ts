// The analysis grid: square cells in British National Grid metres aligned to the BNG origin
// (cell (ix, iy) spans [ix·size, (ix+1)·size) × [iy·size, (iy+1)·size)), so a cell keeps its id
// across requests. Analysis cells are the squares that overlap the boundary polygon (not only
// those whose centre is inside), so incidents near the edge of the area are never lost.
import { bngToLngLat } from '../geo/bng.ts'
import { CELL_SIZE } from '../../shared/schemas/hotspots.ts'

export interface GridCell { id: string; ix: number; iy: number }

export interface Grid {
  cellSize: number
  cells: GridCell[]
  /** Position of a cell in `cells` by `${ix},${iy}`. */
  index: Map<string, number>
  /** For each cell, the indices of its queen neighbours among analysis cells, itself included. */
  neighbourhoods: number[][]
  /** Bounding box of the analysis cells in BNG metres: [minE, minN, maxE, maxN]. */
  bbox: [number, number, number, number]
}

export const cellKey = (ix: number, iy: number) => `${ix},${iy}`
/** Readable and stable: size, then the easting and northing of the cell's south-west corner. */
export const cellId = (cellSize: number, ix: number, iy: number) => `${cellSize}m-${ix * cellSize}-${iy * cellSize}`

/** A cell id, with its size held to the `cell` filter's range (a 1 m grid would take the server down). */
export function parseCellId (id: string): { cellSize: number; ix: number; iy: number } | undefined {
  const match = /^(\d{2,3})m-(\d{1,8})-(\d{1,8})$/.exec(id)
  if (!match) return undefined
  const cellSize = Number(match[1])
  const e = Number(match[2])
  const n = Number(match[3])
  if (!Number.isInteger(cellSize) || cellSize < CELL_SIZE.min || cellSize > CELL_SIZE.max || e % cellSize !== 0 || n % cellSize !== 0) return undefined
  return { cellSize, ix: e / cellSize, iy: n / cellSize }
}

/** Queen neighbourhoods (the cell and its 8 neighbours that are present), self first. */
export function queenNeighbourhoods (cells: readonly { ix: number; iy: number }[]): number[][] {
  const index = new Map(cells.map((c, i) => [cellKey(c.ix, c.iy), i]))
  return cells.map(({ ix, iy }, i) => {
    const hood = [i]
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dx === 0 && dy === 0) continue
        const j = index.get(cellKey(ix + dx, iy + dy))
        if (j !== undefined) hood.push(j)
      }
    }
    return hood
  })
}

type Ring = readonly (readonly [number, number])[]

function pointInRing (x: number, y: number, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether segment (a, b) crosses the open square (x0, y0)–(x1, y1): Liang–Barsky clipping. */
function segmentCrossesSquare (ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
  let t0 = 0
  let t1 = 1
  const dx = bx - ax
  const dy = by - ay
  const edges: [number, number][] = [[-dx, ax - x0], [dx, x1 - ax], [-dy, ay - y0], [dy, y1 - ay]]
  for (const [p, q] of edges) {
    if (p === 0) { if (q <= 0) return false; continue }
    const r = q / p
    if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r } else { if (r < t0) return false; if (r < t1) t1 = r }
  }
  return t0 < t1
}

/** Whether the square overlaps the polygon: a corner inside it, or an edge of it crossing the square. */
export function squareOverlapsRing (x0: number, y0: number, size: number, ring: Ring): boolean {
  const x1 = x0 + size
  const y1 = y0 + size
  if (pointInRing(x0 + size / 2, y0 + size / 2, ring)) return true
  for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]] as const) if (pointInRing(x, y, ring)) return true
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    if (segmentCrossesSquare(ring[j]![0], ring[j]![1], ring[i]![0], ring[i]![1], x0, y0, x1, y1)) return true
  }
  return false
}

/** [minX, minY, maxX, maxY] in one pass (Math.min(...xs) overflows the call stack on a large grid). */
function extent (points: Ring): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const [x, y] of points) {
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return [minX, minY, maxX, maxY]
}

export function buildGrid (cellSize: number, ring: Ring): Grid {
  const [minX, minY, maxX, maxY] = extent(ring)
  const cells: GridCell[] = []
  for (let iy = Math.floor(minY / cellSize); iy * cellSize < maxY; iy++) {
    for (let ix = Math.floor(minX / cellSize); ix * cellSize < maxX; ix++) {
      if (squareOverlapsRing(ix * cellSize, iy * cellSize, cellSize, ring)) cells.push({ id: cellId(cellSize, ix, iy), ix, iy })
    }
  }
  const index = new Map(cells.map((c, i) => [cellKey(c.ix, c.iy), i]))
  const [minIx, minIy, maxIx, maxIy] = extent(cells.map(c => [c.ix, c.iy] as const))
  return { cellSize, cells, index, neighbourhoods: queenNeighbourhoods(cells), bbox: [minIx * cellSize, minIy * cellSize, (maxIx + 1) * cellSize, (maxIy + 1) * cellSize] }
}

const polygonCache = new Map<string, number[][][]>()

/** The cell's square as a closed GeoJSON ring in WGS84 (its corners projected from BNG). */
export function cellPolygon (cellSize: number, ix: number, iy: number): number[][][] {
  const key = cellId(cellSize, ix, iy)
  let polygon = polygonCache.get(key)
  if (!polygon) {
    const corners = [[ix, iy], [ix + 1, iy], [ix + 1, iy + 1], [ix, iy + 1], [ix, iy]].map(([x, y]) => {
      const { lng, lat } = bngToLngLat(x! * cellSize, y! * cellSize)
      return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]
    })
    polygon = [corners]
    if (polygonCache.size > 200000) polygonCache.clear()
    polygonCache.set(key, polygon)
  }
  return polygon
}
