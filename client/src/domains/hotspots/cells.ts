// Which cell a point stands in, the venues standing in hot cells, and the cells to list first.
import type { CellFeature, Venue } from './mapLayers.ts'

function inRing (x: number, y: number, ring: number[][]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The cell a point stands in, if any. */
export function cellAt (features: CellFeature[], lat: number, lng: number): CellFeature | undefined {
  return features.find(f => inRing(lng, lat, f.geometry.coordinates[0]!))
}

/** Venues whose point lies in a cell with a positive bin. */
export function venuesInHotCells (features: CellFeature[], venues: Venue[]): Venue[] {
  const hot = features.filter(f => f.properties.bin > 0)
  return venues.filter(v => v.location && cellAt(hot, v.location.lat, v.location.lng))
}

/** The hottest cells first (highest confidence, then most incidents): the keyboard's way in. */
export function topCells (features: CellFeature[], count = 10): CellFeature[] {
  return features
    .filter(f => f.properties.bin > 0)
    .sort((a, b) => b.properties.bin - a.properties.bin || b.properties.count - a.properties.count)
    .slice(0, count)
}
