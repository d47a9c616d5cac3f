// Upcoming Temporary Event Notices on a map: a square "TEN" marker per notice (late ones red),
// a marker element people and tests can find and focus; a click opens the notice. Used on the
// hotspot map (where a TEN at a venue in a hotspot is what police want to know) and the main map.
import L from 'leaflet'
import type { MapPageLayer } from '../../map/layers/index.ts'
import { html } from '../../safe-html.ts'
import { addCalendarDays } from '../../../../shared/clock/index.ts'
import { localToday } from '../../settings.ts'
import { formatLocal, tensApi, type Ten } from './tensApi.ts'
import { plural } from '../../../../shared/plural.ts'

/** Notices whose events fall in the next `days` days, not withdrawn. */
export async function upcomingTens (signal: AbortSignal, days = 60): Promise<Ten[]> {
  const from = localToday()
  const { items } = await tensApi.list({ from, to: addCalendarDays(from, days), limit: 500 }, signal)
  return items.filter(t => t.status !== 'withdrawn')
}

export function drawTens (map: L.Map, tens: Ten[], onSelect?: (ten: Ten) => void): () => void {
  const group = L.layerGroup().addTo(map)
  for (const ten of tens) {
    if (ten.lat === null || ten.lng === null) continue
    const label = `Temporary event at ${ten.premisesName}, ${formatLocal(ten.startsAt)}${ten.kind === 'late' ? ' (late notice)' : ''}`
    const icon = L.divIcon({ className: `ten-marker ten-${ten.kind}`, html: html`<span>TEN</span>`.toString(), iconSize: [34, 20] })
    const marker = L.marker([ten.lat, ten.lng], { icon, title: label, alt: label, keyboard: true, zIndexOffset: 1000 })
    if (onSelect) marker.on('click', () => onSelect(ten))
    else marker.bindPopup(html`<strong>${ten.premisesName}</strong><br>${formatLocal(ten.startsAt)} to ${formatLocal(ten.endsAt)}<br>${plural(ten.maxPeople, 'person', 'people')}, ${ten.kind} notice<br><a href="/tens/${ten.id}">Open the notice</a>`.toString())
    marker.addTo(group)
  }
  return () => { group.remove() }
}

export const caseworkMapLayers: MapPageLayer[] = [{
  name: 'Upcoming temporary events',
  roles: ['admin', 'licensing_officer', 'police'],
  add (map) {
    const controller = new AbortController()
    let remove = () => {}
    upcomingTens(controller.signal).then(tens => { remove = drawTens(map, tens) }).catch(() => {})
    return () => { controller.abort(); remove() }
  }
}]
