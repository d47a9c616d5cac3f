// The only code that imports Leaflet (with the layers beside it). createMap draws the City of
// London on a plain background that works offline; when a tile URL is configured and
// reachable, OpenStreetMap tiles are added underneath with their attribution.
import L from 'leaflet'
import { api } from '../api/client.ts'
import { publicSettings } from '../settings.ts'
import { outlinePane } from './layerOrder.ts'

export const CITY_CENTRE: L.LatLngTuple = [51.5145, -0.0925]

export interface MapOptions { center?: L.LatLngTuple; zoom?: number; interactive?: boolean }

export function createMap (element: HTMLElement, options: MapOptions = {}): L.Map {
  const map = L.map(element, {
    center: options.center ?? CITY_CENTRE,
    zoom: options.zoom ?? 15,
    minZoom: 11,
    maxZoom: 19,
    zoomControl: true,
    preferCanvas: true,
    dragging: options.interactive !== false,
    scrollWheelZoom: options.interactive !== false,
    attributionControl: true
  })
  element.classList.add('nightsafe-map')
  map.attributionControl.setPrefix('Leaflet')
  void addBaseLayer(map)
  void addCityBoundary(map)
  L.control.scale({ imperial: false }).addTo(map)
  return map
}

/** Tiles are optional decoration: an error just leaves the plain background and the vector layers. */
async function addBaseLayer (map: L.Map) {
  const { mapTiles } = await publicSettings()
  if (!mapTiles || !navigator.onLine) {
    map.attributionControl.addAttribution('Offline base map')
    return
  }
  let failures = 0
  const tiles = L.tileLayer(mapTiles, {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    crossOrigin: true
  })
  tiles.on('tileerror', () => {
    failures += 1
    if (failures > 8 && map.hasLayer(tiles)) {
      map.removeLayer(tiles)
      map.attributionControl.addAttribution('Offline base map')
    }
  })
  tiles.addTo(map)
}

async function addCityBoundary (map: L.Map) {
  try {
    const boundary = await api('/api/public/boundary')
    // SVG (not the shared canvas) so the outline is a real element: assistive tech and tests can
    // find it; in the outline pane, so it never takes a click from the shapes under it.
    const pane = outlinePane(map)
    L.geoJSON(boundary, {
      interactive: false,
      pane,
      style: { color: '#1d2b53', weight: 2, dashArray: '6 4', fill: false, className: 'city-boundary' },
      renderer: L.svg({ pane })
    } as L.GeoJSONOptions).addTo(map)
  } catch {
    // No boundary configured: the map still works.
  }
}

export { L }
