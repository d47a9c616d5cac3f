// WGS84 (EPSG:4326) ⇄ British National Grid (EPSG:27700) with proj4 (Helmert datum shift, about
// 5 m accuracy, plenty at City scale). Every distance, grid and radius uses BNG metres.
import proj4 from 'proj4'

const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs'
proj4.defs('EPSG:27700', BNG)
const toBng = proj4('EPSG:4326', 'EPSG:27700')

export interface Bng { easting: number; northing: number }

export function lngLatToBng (lng: number, lat: number): Bng {
  const [easting, northing] = toBng.forward([lng, lat])
  return { easting: round(easting!), northing: round(northing!) }
}

export function bngToLngLat (easting: number, northing: number): { lng: number; lat: number } {
  const [lng, lat] = toBng.inverse([easting, northing])
  return { lng: lng!, lat: lat! }
}

const round = (x: number) => Math.round(x * 100) / 100

/**
 * The BNG rectangle that holds a lng/lat bbox ([minLng, minLat, maxLng, maxLat]), for filtering
 * on the BNG index before the exact lng/lat test. The bbox's edges are curves in BNG, so points
 * along each edge are projected, not only the corners, and a metre is added all round.
 */
export function bngBoundsOf ([minLng, minLat, maxLng, maxLat]: [number, number, number, number]): { minE: number; minN: number; maxE: number; maxN: number } {
  const steps = 8
  const points: Bng[] = []
  for (let i = 0; i <= steps; i++) {
    const lng = minLng + (maxLng - minLng) * i / steps
    const lat = minLat + (maxLat - minLat) * i / steps
    points.push(lngLatToBng(lng, minLat), lngLatToBng(lng, maxLat), lngLatToBng(minLng, lat), lngLatToBng(maxLng, lat))
  }
  const eastings = points.map(p => p.easting)
  const northings = points.map(p => p.northing)
  return { minE: Math.min(...eastings) - 1, minN: Math.min(...northings) - 1, maxE: Math.max(...eastings) + 1, maxN: Math.max(...northings) + 1 }
}
