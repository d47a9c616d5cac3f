// A checkbox on the map that shows or hides one layer, off until switched on, whose data is
// fetched the first time it is switched on (so a layer nobody looks at costs no request).
import L from 'leaflet'
import { html } from '../safe-html.ts'

/** Adds the toggle; `fill` draws the layer's features into the group once. Returns a cleanup. */
export function addLayerToggle (map: L.Map, label: string, fill: (group: L.LayerGroup) => Promise<void>): () => void {
  const group = L.layerGroup()
  let loaded = false
  const control = new L.Control({ position: 'topright' })
  control.onAdd = () => {
    const box = L.DomUtil.create('label', 'leaflet-bar map-toggle')
    box.style.background = '#fff'
    box.style.padding = '4px 8px'
    box.innerHTML = html`<input type="checkbox"> ${label}`.toString()
    L.DomEvent.disableClickPropagation(box)
    box.querySelector('input')!.addEventListener('change', async event => {
      if (!(event.target as HTMLInputElement).checked) { group.remove(); return }
      group.addTo(map)
      if (loaded) return
      loaded = true
      await fill(group)
    })
    return box
  }
  control.addTo(map)
  return () => { control.remove(); group.remove() }
}
