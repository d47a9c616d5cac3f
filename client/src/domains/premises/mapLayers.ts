// The premises layer of the map: clustered with supercluster at low zoom, one marker per venue
// at high zoom, coloured by licence status with a ring for the Safety Thirst tier, refetched from
// the lean feed (GET /api/map/premises) on moveend with the previous request aborted, markers
// diffed by id, a legend, and a popup that loads the full record when a venue is clicked. The box
// asked for is the view, padded and snapped outwards to a grid, so small pans ask for the same box
// again and the browser revalidates it (a 304 with no body while nothing changed).
import L from 'leaflet'
import Supercluster from 'supercluster'
import { api } from '../../api/client.ts'
import type { MapPageLayer } from '../../map/layers/index.ts'
import type { MapPremisesFeature } from '../../../../shared/schemas/map.ts'
import { PLAN_STATE_LABELS, STATUS_LABELS, TIER_LABELS } from './labels.ts'
import { asText, html } from '../../safe-html.ts'

export const STATUS_COLOURS: Record<string, string> = { current: '#1a7f37', suspended: '#d97706', revoked: '#b42318', surrendered: '#6b7280', lapsed: '#9ca3af' }
export const TIER_COLOURS: Record<string, string> = { pass: '#2563eb', commended: '#7c3aed', highly_commended: '#c026d3' }

export interface PremisesLayerOptions {
  /** Zoom from which venues are drawn one by one. */
  unclusterAt?: number
  legend?: boolean
}

type Props = MapPremisesFeature['properties'] & { id: number }
// Inline, so the layer carries its own look wherever it is reused.
const CLUSTER_STYLE = 'display:flex;align-items:center;justify-content:center;width:34px;height:34px;border-radius:50%;background:rgba(29,43,83,.85);color:#fff;font:600 13px/1 system-ui,sans-serif;border:2px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.4)'
/** Degrees the asked-for box is snapped to (about 700 m by 1.1 km in London). */
const SNAP = 0.01

/** What the feed says of a venue beyond its name, as words (tooltip and popup). */
function summary (p: Props): string[] {
  return [
    STATUS_LABELS[p.s],
    p.t ? `Safety Thirst: ${TIER_LABELS[p.t] ?? p.t}` : '',
    p.f ? `Flag: ${p.f}` : '',
    p.p ? `Plans: ${PLAN_STATE_LABELS[p.p]}` : ''
  ].filter(Boolean)
}

/** The popup's text once the full record has loaded (GET /api/premises/:id). */
async function loadPopup (popup: L.Popup, p: Props) {
  try {
    const record = await api(`/api/premises/${p.id}`)
    popup.setContent(html`<strong><a href="/premises/${p.id}">${record.name}</a></strong><br>${[record.address, record.postcode].filter(Boolean).join(', ')}<br>Licence: ${record.licenceNumber ?? '—'} · ${summary(p).join(' · ')}`.toString())
  } catch {
    popup.setContent(html`<strong><a href="/premises/${p.id}">${p.n}</a></strong><br>${summary(p).join(' · ')}`.toString())
  }
}

/** The padded view snapped outwards to the grid, as minLng,minLat,maxLng,maxLat. */
export function snappedBbox (b: L.LatLngBounds): string {
  const out = (value: number, up: boolean) => ((up ? Math.ceil(value / SNAP) : Math.floor(value / SNAP)) * SNAP).toFixed(2)
  return [out(b.getWest(), false), out(b.getSouth(), false), out(b.getEast(), true), out(b.getNorth(), true)].join(',')
}

function legendControl () {
  const control = new L.Control({ position: 'bottomright' })
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend premises-legend')
    div.innerHTML = html`<strong>Premises</strong><br>${Object.entries(STATUS_COLOURS).map(([s, c], i) => html`${i ? html`<br>` : ''}<i style="background:${c};border-radius:50%"></i>${STATUS_LABELS[s as keyof typeof STATUS_LABELS]}`)}<br><strong>Safety Thirst ring</strong><br>${Object.entries(TIER_COLOURS).map(([t, c], i) => html`${i ? html`<br>` : ''}<i style="border:3px solid ${c};border-radius:50%;background:#fff"></i>${TIER_LABELS[t]}`)}`.toString()
    return div
  }
  return control
}

/** Adds the premises layer to a map; returns the cleanup that removes it. */
export function addPremisesLayer (map: L.Map, options: PremisesLayerOptions = {}): () => void {
  const unclusterAt = options.unclusterAt ?? 17
  const group = L.layerGroup().addTo(map)
  const drawn = new Map<string, L.Layer>()
  const legend = options.legend === false ? null : legendControl().addTo(map)
  let index: Supercluster<Props> | null = null
  let controller: AbortController | null = null

  function draw () {
    if (!index) return
    const b = map.getBounds()
    const zoom = map.getZoom()
    const features = zoom >= unclusterAt
      ? index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], 22)
      : index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.round(zoom))
    const next = new Map<string, () => L.Layer>()
    for (const f of features) {
      const [lng, lat] = f.geometry.coordinates as [number, number]
      const props = f.properties as Partial<Props> & { cluster?: boolean; cluster_id?: number; point_count?: number }
      if (props.cluster) {
        const key = `c${props.cluster_id}-${zoom}`
        next.set(key, () => L.marker([lat, lng], {
          icon: L.divIcon({ className: 'premises-cluster', html: html`<span style="${CLUSTER_STYLE}">${props.point_count}</span>`.toString(), iconSize: [34, 34] }),
          title: `${props.point_count} premises`, keyboard: true
        }).on('click', () => map.setView([lat, lng], Math.min(index!.getClusterExpansionZoom(props.cluster_id!), 19))))
      } else {
        const p = props as Props
        const tier = p.t ? TIER_COLOURS[p.t] : undefined
        next.set(`p${p.id}-${p.n}-${summary(p).join('-')}`, () => {
          const marker = L.circleMarker([lat, lng], {
            radius: 7, fillColor: STATUS_COLOURS[p.s] ?? '#333', fillOpacity: 0.9,
            color: tier ?? '#ffffff', weight: tier ? 4 : 1.5
          }).bindPopup(html`<strong>${p.n}</strong><br>Loading…`.toString()).bindTooltip(asText([p.n, ...summary(p).slice(1)].join(' · ')))
          return marker.on('popupopen', event => { void loadPopup(event.popup, p) })
        })
      }
    }
    for (const [key, layer] of drawn) if (!next.has(key)) { group.removeLayer(layer); drawn.delete(key) }
    for (const [key, make] of next) if (!drawn.has(key)) { const layer = make(); group.addLayer(layer); drawn.set(key, layer) }
  }

  async function refetch () {
    controller?.abort()
    controller = new AbortController()
    const bbox = snappedBbox(map.getBounds().pad(0.5))
    try {
      const { features } = await api('/api/map/premises', { query: { bbox }, signal: controller.signal })
      index = new Supercluster<Props>({ radius: 50, maxZoom: unclusterAt - 1 })
      index.load(features.map(f => ({ type: 'Feature', properties: { ...f.properties, id: f.id }, geometry: { type: 'Point', coordinates: f.geometry.coordinates as [number, number] } })))
      draw()
    } catch (error) {
      if ((error as Error).name !== 'AbortError') console.warn('premises layer:', (error as Error).message)
    }
  }

  map.on('moveend', refetch)
  void refetch()
  return () => {
    controller?.abort()
    map.off('moveend', refetch)
    group.remove()
    legend?.remove()
  }
}

export const premisesMapLayers: MapPageLayer[] = [{ name: 'Premises', add: map => addPremisesLayer(map) }]
