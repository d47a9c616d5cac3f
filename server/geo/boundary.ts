// The licensing authority's boundary (reference-data/, configurable with BOUNDARY_FILE later):
// the polygon in WGS84 for the map and in BNG metres for analysis cells.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { lngLatToBng } from './bng.ts'

export interface Boundary {
  feature: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon'; coordinates: number[][][] } }
  /** Outer ring in BNG metres [easting, northing]. */
  ringBng: [number, number][]
}

const defaultFile = fileURLToPath(new URL('../../reference-data/city-of-london-boundary.geojson', import.meta.url))
let cached: Boundary | undefined

export function loadBoundary (file = defaultFile): Boundary {
  if (cached && file === defaultFile) return cached
  const feature = JSON.parse(readFileSync(file, 'utf8')) as Boundary['feature']
  const ring = feature.geometry.coordinates[0]!
  const boundary = { feature, ringBng: ring.map(([lng, lat]) => { const p = lngLatToBng(lng!, lat!); return [p.easting, p.northing] as [number, number] }) }
  if (file === defaultFile) cached = boundary
  return boundary
}

/** Ray casting point-in-polygon on a ring of [x, y]. */
export function pointInRing (x: number, y: number, ring: [number, number][]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
