// Flagged venues on the main map as rings (red: strong, amber: rising or watch), for officers,
// police and admin. Open and acknowledged flags only; a click links to the flag.
import L from 'leaflet'
import type { MapPageLayer } from '../../map/layers/index.ts'
import { api } from '../../api/client.ts'
import { html } from '../../safe-html.ts'

export const flagsMapLayers: MapPageLayer[] = [{
  name: 'Flagged venues',
  roles: ['admin', 'licensing_officer', 'police'],
  add (map) {
    const group = L.layerGroup().addTo(map)
    // SVG (not the map's canvas) so each ring is an element people and tests can find.
    const renderer = L.svg()
    const controller = new AbortController()
    Promise.all(['open', 'acknowledged'].map(status => api('/api/flags', { query: { status }, signal: controller.signal })))
      .then(lists => {
        for (const flag of lists.flatMap(l => l.items)) {
          if (!flag.location) continue
          const colour = flag.level === 'strong' ? '#b00020' : '#e8890c'
          L.circleMarker([flag.location.lat, flag.location.lng], { renderer, radius: 12, color: colour, weight: 4, fill: false, className: `flag-ring flag-ring-${flag.level}` })
            .bindPopup(html`<strong>${flag.premisesName}</strong><br>${flag.level} ${flag.crimeGroup}<br><a href="/flags/${flag.id}">Open the flag</a>`.toString())
            .addTo(group)
        }
      })
      .catch(() => {})
    return () => { controller.abort(); group.remove() }
  }
}]
