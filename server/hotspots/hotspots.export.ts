// Exports of the hotspot cells for analysts: CSV (one row per cell, BNG and WGS84 centre) and
// GeoJSON (the API's FeatureCollection as a file).
import type { HotspotResult } from './hotspots.service.ts'
import { cellCentre } from './hotspots.cells.ts'
import { toCsv } from '../http/csv.ts'

export function hotspotsCsv (result: HotspotResult): string {
  const size = result.meta.cellSize
  const header = ['id', 'easting', 'northing', 'cell_size_m', 'centre_lat', 'centre_lng', 'count', 'harm', 'z', 'p', 'q', 'bin']
  return toCsv(header, result.cells.map(c => {
    const centre = cellCentre(size, c.ix, c.iy)
    return [c.id, c.ix * size, c.iy * size, size, centre.lat.toFixed(6), centre.lng.toFixed(6), c.count,
      result.meta.weight === 'harm' ? c.harm : '', c.z, c.p, c.q, c.bin]
  }))
}

export function exportFileName (result: HotspotResult, ext: string): string {
  return `hotspots_${result.meta.from}_${result.meta.to}_${result.meta.cellSize}m.${ext}`
}
