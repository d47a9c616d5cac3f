// Leaflet layers of the hotspot screen: cells coloured by bin (Gi* or change), the kernel density
// image, premises markers and open flags. Each draw function returns its cleanup. The main map
// page gets no hotspot layer (hotspots have their own screen).
import L from 'leaflet'
import type { MapPageLayer } from '../../map/layers/index.ts'
import { addInOrder, drawOutline } from '../../map/layerOrder.ts'
import { asText, html } from '../../safe-html.ts'
import type { ChangeCells, DensityRaster, HotspotCellFeature } from '../../../../shared/schemas/hotspots.ts'

export const hotspotsMapLayers: MapPageLayer[] = []

/** ArcGIS-like diverging colours: reds hot, blues cold (colour-blind safe RdBu). */
export const BIN_COLOURS: Record<number, string> = { 3: '#b2182b', 2: '#ef8a62', 1: '#fddbc7', 0: '#ffffff', [-1]: '#d1e5f0', [-2]: '#67a9cf', [-3]: '#2166ac' }

/** A cell of either view: Gi* (GET /api/hotspots) or change (GET /api/hotspots/change). */
export type CellFeature = HotspotCellFeature | ChangeCells['features'][number]

export function drawCells (map: L.Map, features: CellFeature[], onClick: (f: CellFeature) => void): () => void {
  // On the map's one canvas (createMap prefers canvas), so thousands of cells stay cheap to pan and
  // a click between the venues drawn above them still reaches the cell (map/layerOrder.ts).
  const layer = L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
    style: feature => {
      const bin = (feature?.properties as { bin: number }).bin
      return bin === 0
        ? { color: '#8a90a0', weight: 0.3, opacity: 0.5, fillColor: '#ffffff', fillOpacity: 0.01 }
        : { color: '#5b6170', weight: 0.5, opacity: 0.7, fillColor: BIN_COLOURS[bin], fillOpacity: 0.7 }
    },
    onEachFeature: (feature, path) => { path.on('click', () => onClick(feature as unknown as CellFeature)) }
  })
  return addInOrder(map, layer, 'areas')
}

/** The chosen cell, outlined above everything and never in the way of a click. */
export function drawSelectedCell (map: L.Map, cell: CellFeature): () => void {
  return drawOutline(map, cell, { color: '#0b0c0c', weight: 4, fill: false, className: 'selected-cell' })
}


/** Resamples the BNG raster onto a lat/lng-aligned canvas (BNG is rotated about 1.5° here) and overlays it. */
export function drawDensity (map: L.Map, raster: DensityRaster, opacity = 0.65): () => void {
  const [sw, se, , nw] = raster.corners as [number, number][]
  const lngs = raster.corners.map(c => c[0]!)
  const lats = raster.corners.map(c => c[1]!)
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)]
  const W = raster.width
  const H = raster.height
  const canvas = document.createElement('canvas')
  canvas.width = W
  canvas.height = H
  const ctx = canvas.getContext('2d')!
  const image = ctx.createImageData(W, H)
  // Inverse of (u, v) → sw + u·(se − sw) + v·(nw − sw).
  const a = se[0] - sw[0], b = nw[0] - sw[0], c = se[1] - sw[1], d = nw[1] - sw[1]
  const det = a * d - b * c
  for (let py = 0; py < H; py++) {
    const lat = maxLat - ((py + 0.5) / H) * (maxLat - minLat)
    for (let px = 0; px < W; px++) {
      const lng = minLng + ((px + 0.5) / W) * (maxLng - minLng)
      const x = lng - sw[0], y = lat - sw[1]
      const u = (d * x - b * y) / det
      const v = (-c * x + a * y) / det
      if (u < 0 || u >= 1 || v < 0 || v >= 1) continue
      const value = raster.values[Math.floor(v * H) * W + Math.floor(u * W)] ?? 0
      if (value <= 0 || raster.max <= 0) continue
      const t = Math.sqrt(value / raster.max)
      const o = (py * W + px) * 4
      image.data[o] = 255
      image.data[o + 1] = Math.round(230 * (1 - t))
      image.data[o + 2] = Math.round(60 * (1 - t))
      image.data[o + 3] = Math.round(255 * Math.min(1, 0.15 + t))
    }
  }
  ctx.putImageData(image, 0, 0)
  const overlay = L.imageOverlay(canvas.toDataURL(), [[minLat, minLng], [maxLat, maxLng]], { opacity, interactive: false, className: 'hotspot-density' }).addTo(map)
  return () => { overlay.remove() }
}

export interface Venue { id: number; name: string; location: { lat: number; lng: number } | null }

/**
 * Venues drawn above the cells (flagged ones with a red ring). A click on a venue opens a link to
 * it and tells the page, which shows the cell the venue stands in.
 */
export function drawPremises (map: L.Map, venues: Venue[], flagged: Set<number>, onClick?: (venue: Venue) => void): () => void {
  const group = L.featureGroup()
  for (const v of venues) {
    if (!v.location) continue
    const isFlagged = flagged.has(v.id)
    const marker = L.circleMarker([v.location.lat, v.location.lng], {
      radius: isFlagged ? 6 : 4, weight: isFlagged ? 3 : 1,
      color: isFlagged ? '#b3261e' : '#1d2b53', fillColor: '#ffd166', fillOpacity: 0.95
    }).bindTooltip(asText(`${v.name}${isFlagged ? ' (flagged)' : ''}`))
      .bindPopup(html`<a href="/premises/${v.id}">${v.name}</a>${isFlagged ? ' (flagged)' : ''}`.toString())
    if (onClick) marker.on('click', () => onClick(v))
    marker.addTo(group)
  }
  return addInOrder(map, group, 'points')
}

export function onViewChange (map: L.Map, listener: (view: { lat: number; lng: number; zoom: number }) => void): () => void {
  const handler = () => { const c = map.getCenter(); listener({ lat: c.lat, lng: c.lng, zoom: map.getZoom() }) }
  map.on('moveend', handler)
  return () => { map.off('moveend', handler) }
}

