// Leaflet code of the incidents domain: a "recent incidents" layer for the main map (off by
// default, switched on with a checkbox on the map) and the point picker of the record form.
import L from 'leaflet'
import type { MapPageLayer } from '../../map/layers/index.ts'
import { addLayerToggle } from '../../map/layerToggle.ts'
import { api } from '../../api/client.ts'
import { asText } from '../../safe-html.ts'
import type { Incident } from '../../../../shared/schemas/incidents.ts'
import { categoryLabel, when } from './format.ts'

function recentIncidents (map: L.Map) {
  return addLayerToggle(map, 'Recent incidents (90 days)', async group => {
    const from = new Date(Date.now() - 90 * 86400000).toISOString().slice(0, 10)
    const { items } = await api('/api/incidents', { query: { from, limit: 1000 } })
    for (const i of items) {
      if (!i.location) continue
      L.circleMarker([i.location.lat, i.location.lng], { radius: 5, color: '#b91c1c', weight: 1, fillOpacity: 0.6 })
        .bindTooltip(asText(`${categoryLabel(i.category)} · ${when(i)}`)).addTo(group)
    }
  })
}

export const incidentsMapLayers: MapPageLayer[] = [
  { name: 'Recent incidents', add: recentIncidents }
]

/** Click the map to set a point; shows a marker there. Returns a cleanup. */
export function attachPointPicker (map: L.Map, onPick: (point: { lat: number; lng: number }) => void, initial?: { lat: number; lng: number } | null) {
  let marker: L.CircleMarker | null = null
  const place = (lat: number, lng: number) => {
    if (marker) marker.setLatLng([lat, lng])
    else marker = L.circleMarker([lat, lng], { radius: 9, color: '#b91c1c', weight: 3, fillOpacity: 0.4 }).addTo(map)
  }
  if (initial) place(initial.lat, initial.lng)
  const click = (e: L.LeafletMouseEvent) => {
    place(e.latlng.lat, e.latlng.lng)
    onPick({ lat: Math.round(e.latlng.lat * 1e6) / 1e6, lng: Math.round(e.latlng.lng * 1e6) / 1e6 })
  }
  map.on('click', click)
  map.getContainer().style.cursor = 'crosshair'
  return () => { map.off('click', click); marker?.remove() }
}
