// One stacking order for what a map draws, so a click reaches the layer the user means.
// Every clickable vector layer shares the map's one canvas (createMap prefers canvas): Leaflet's
// canvas hit-test then gives a click to the topmost shape under the pointer and passes it to the
// next one down when that has none, which separate canvases or panes cannot do (the upper canvas
// covers the whole map and swallows every click). Areas go at the bottom, points above them,
// whatever order their data happens to arrive in. Outlines that only show something (the city
// boundary, the chosen cell) go in a pane that never takes a click.
import L from 'leaflet'

/** Bottom to top. */
export const LAYER_RANK = { areas: 0, points: 1 } as const
export type LayerRank = keyof typeof LAYER_RANK

interface Entry { rank: number; group: L.FeatureGroup }
const stacks = new WeakMap<L.Map, Entry[]>()

/**
 * Adds a group of shapes at its place in the order (drawn over lower ranks, under higher ones,
 * even when added after them) and returns its removal.
 */
export function addInOrder (map: L.Map, group: L.FeatureGroup, rank: LayerRank): () => void {
  const entries = stacks.get(map) ?? []
  stacks.set(map, entries)
  const entry = { rank: LAYER_RANK[rank], group }
  group.addTo(map)
  entries.push(entry)
  entries.sort((a, b) => a.rank - b.rank)
  for (const other of entries) if (other.rank > entry.rank) other.group.bringToFront()
  return () => {
    entries.splice(entries.indexOf(entry), 1)
    group.remove()
  }
}

/** The pane for outlines that show something and must never take a click from what is under them. */
export function outlinePane (map: L.Map): string {
  const name = 'nightsafe-outlines'
  if (!map.getPane(name)) {
    const pane = map.createPane(name)
    pane.style.zIndex = '450'
    pane.style.pointerEvents = 'none'
  }
  return name
}

/** An SVG outline (a real element assistive tech and tests can find), above the shapes, never clickable. */
export function drawOutline (map: L.Map, geometry: GeoJSON.GeoJsonObject, style: L.PathOptions): () => void {
  const pane = outlinePane(map)
  const layer = L.geoJSON(geometry, { interactive: false, pane, renderer: L.svg({ pane }), style } as L.GeoJSONOptions).addTo(map)
  return () => { layer.remove() }
}
