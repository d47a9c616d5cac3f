// Leaflet code of the concerns domain: open concerns on the main map (officers and police, off
// until switched on), and the pin a resident drops on the report form, drawn with a circle as
// wide as they say they are sure.
import L from 'leaflet'
import type { MapPageLayer } from '../../map/layers/index.ts'
import { addLayerToggle } from '../../map/layerToggle.ts'
import { api } from '../../api/client.ts'
import { asText } from '../../safe-html.ts'
import { CONCERN_KIND_LABELS, CONCERN_STATUS_LABELS, type ConcernKind, type ConcernStatus } from '../../../../shared/schemas/concerns.ts'

interface ConcernFeature { geometry: { coordinates: [number, number] }; properties: { id: number; reference: string; kind: ConcernKind; status: ConcernStatus; accuracyM: number | null } }

/** Draws concerns as amber circles, each opening its case. */
export function drawConcerns (group: L.LayerGroup, features: ConcernFeature[], open: (id: number) => void) {
  group.clearLayers()
  for (const f of features) {
    const [lng, lat] = f.geometry.coordinates
    const marker = L.circleMarker([lat, lng], { radius: 7, color: '#7a4500', weight: 2, fillColor: '#f5a623', fillOpacity: 0.85 })
      .bindTooltip(asText(`${f.properties.reference}: ${CONCERN_KIND_LABELS[f.properties.kind]} (${CONCERN_STATUS_LABELS[f.properties.status].toLowerCase()})`))
    marker.on('click', () => open(f.properties.id))
    marker.addTo(group)
  }
}

export async function loadConcernFeatures (status = 'open'): Promise<ConcernFeature[]> {
  const data = await api('/api/concerns/map', { query: { status: status as 'open' } })
  return data.features as unknown as ConcernFeature[]
}

/** The concerns of a status on a map of their own (the officers' queue); returns the cleanup. */
export function showConcerns (map: L.Map, status: string, open: (id: number) => void) {
  const group = L.layerGroup().addTo(map)
  void loadConcernFeatures(status).then(features => drawConcerns(group, features, open))
  return () => { group.remove() }
}

function openConcerns (map: L.Map) {
  return addLayerToggle(map, "Residents' concerns (open)", async group => {
    drawConcerns(group, await loadConcernFeatures(), id => { location.assign(`/concerns/${id}`) })
  })
}

export const concernsMapLayers: MapPageLayer[] = [
  { name: "Residents' concerns", roles: ['admin', 'licensing_officer', 'police'], add: openConcerns }
]

export interface Pin { lat: number; lng: number }

/** A pin the user drops by tapping the map (or that the page sets), with its accuracy circle. */
export function attachPin (map: L.Map, onPick: (pin: Pin) => void, initial: Pin | null, accuracyM: number) {
  let marker: L.CircleMarker | null = null
  let circle: L.Circle | null = null
  let radius = accuracyM
  const place = (pin: Pin) => {
    if (marker) marker.setLatLng([pin.lat, pin.lng])
    else marker = L.circleMarker([pin.lat, pin.lng], { radius: 8, color: '#7a4500', weight: 3, fillColor: '#f5a623', fillOpacity: 0.9 }).addTo(map)
    if (circle) circle.setLatLng([pin.lat, pin.lng])
    else circle = L.circle([pin.lat, pin.lng], { radius, color: '#7a4500', weight: 1, fillOpacity: 0.12, interactive: false }).addTo(map)
  }
  if (initial) place(initial)
  const click = (e: L.LeafletMouseEvent) => {
    const pin = { lat: Math.round(e.latlng.lat * 1e6) / 1e6, lng: Math.round(e.latlng.lng * 1e6) / 1e6 }
    place(pin)
    onPick(pin)
  }
  map.on('click', click)
  map.getContainer().style.cursor = 'crosshair'
  return {
    setAccuracy (m: number) { radius = m; circle?.setRadius(m) },
    moveTo (pin: Pin) { place(pin); map.setView([pin.lat, pin.lng], Math.max(map.getZoom(), 17)) },
    remove () { map.off('click', click); marker?.remove(); circle?.remove() }
  }
}

/** A concern's pin with its accuracy circle, for its case page. */
export function showPin (map: L.Map, pin: Pin, accuracyM: number) {
  const marker = L.circleMarker([pin.lat, pin.lng], { radius: 8, color: '#7a4500', weight: 3, fillColor: '#f5a623', fillOpacity: 0.9 }).addTo(map)
  const circle = accuracyM > 0 ? L.circle([pin.lat, pin.lng], { radius: accuracyM, color: '#7a4500', weight: 1, fillOpacity: 0.12, interactive: false }).addTo(map) : null
  return () => { marker.remove(); circle?.remove() }
}
