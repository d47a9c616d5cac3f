// Layers the plans domain adds to the main map page: premises whose approved noise management
// plan or dispersal policy is past its review date (officers and admin).
import L from 'leaflet'
import type { MapPageLayer } from '../../map/layers/index.ts'
import { api } from '../../api/client.ts'
import { asText, html } from '../../safe-html.ts'
import { PLAN_KIND_LABELS } from '../../../../shared/plans/templates.ts'

export const plansMapLayers: MapPageLayer[] = [{
  name: 'Plans overdue for review',
  roles: ['admin', 'licensing_officer'],
  add (map) {
    const controller = new AbortController()
    const group = L.layerGroup().addTo(map)
    // SVG rather than the map's canvas, so each marker is an element (focusable, testable).
    const renderer = L.svg()
    api('/api/plans/overdue', { signal: controller.signal }).then(({ items }) => {
      for (const item of items) {
        if (!item.location) continue
        const lines = item.documents.map((d, i) => html`${i ? html`<br>` : ''}${PLAN_KIND_LABELS[d.kind]} v${d.version}: review was due ${d.reviewDue}`)
        L.circleMarker([item.location.lat, item.location.lng], { radius: 9, color: '#b3261e', weight: 3, fillColor: '#ffbf47', fillOpacity: 0.9, className: 'plan-overdue-marker', renderer })
          .bindTooltip(asText(`Plan review overdue: ${item.premisesName}`))
          .bindPopup(html`<strong>${item.premisesName}</strong><br>${lines}<br><a href="/plans/premises/${item.premisesId}">Plans of this premises</a>`.toString())
          .addTo(group)
      }
    }).catch(() => { /* the map works without this layer */ })
    return () => { controller.abort(); group.remove() }
  }
}]
