// The premises layer of the map: clustered with supercluster at low zoom, one marker per venue
// at high zoom, coloured by licence status with a ring for the Safety Thirst tier, refetched by
// bounding box on moveend (the previous request aborted), markers diffed by id, a legend, and a
// popup linking to the premises page. addPremisesLayer is reused by other pages (hotspots).
import L from 'leaflet'
import Supercluster from 'supercluster'
import { api } from '../../api/client.ts'
import type { MapPageLayer } from '../../map/layers/index.ts'
import type { Premises } from '../../../../shared/schemas/premises.ts'
import { STATUS_LABELS, TIER_LABELS } from './labels.ts'
import { asText, html } from '../../safe-html.ts'

export const STATUS_COLOURS: Record<string, string> = { current: '#1a7f37', suspended: '#d97706', revoked: '#b42318', surrendered: '#6b7280', lapsed: '#9ca3af' }
export const TIER_COLOURS: Record<string, string> = { pass: '#2563eb', commended: '#7c3aed', highly_commended: '#c026d3' }

export interface PremisesLayerOptions {
  /** Link popups to the public register instead of the officer page. */
  publicRegister?: boolean
  /** Zoom from which venues are drawn one by one. */
  unclusterAt?: number
  legend?: boolean
  /** Called with the premises drawn after each fetch (e.g. to list them beside the map). */
  onLoad?: (premises: Premises[]) => void
}

type Props = { premises: Premises }
// Inline, so the layer carries its own look wherever it is reused.
const CLUSTER_STYLE = 'display:flex;align-items:center;justify-content:center;width:34px;height:34px;border-radius:50%;background:rgba(29,43,83,.85);color:#fff;font:600 13px/1 system-ui,sans-serif;border:2px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.4)'

function popup (p: Premises, publicRegister: boolean) {
  const href = publicRegister ? `/register/${p.id}` : `/premises/${p.id}`
  const tier = p.safetyThirst ? html`<br>Safety Thirst: ${TIER_LABELS[p.safetyThirst.tier] ?? p.safetyThirst.tier}` : ''
  return html`<strong><a href="${href}">${p.name}</a></strong><br>${[p.address, p.postcode].filter(Boolean).join(', ')}<br>Licence: ${p.licenceNumber ?? '—'} · ${STATUS_LABELS[p.status]}${tier}`
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
      const props = f.properties as Props & { cluster?: boolean; cluster_id?: number; point_count?: number }
      if (props.cluster) {
        const key = `c${props.cluster_id}-${zoom}`
        next.set(key, () => L.marker([lat, lng], {
          icon: L.divIcon({ className: 'premises-cluster', html: html`<span style="${CLUSTER_STYLE}">${props.point_count}</span>`.toString(), iconSize: [34, 34] }),
          title: `${props.point_count} premises`, keyboard: true
        }).on('click', () => map.setView([lat, lng], Math.min(index!.getClusterExpansionZoom(props.cluster_id!), 19))))
      } else {
        const p = props.premises
        const tier = p.safetyThirst ? TIER_COLOURS[p.safetyThirst.tier] : undefined
        next.set(`p${p.id}-${p.status}-${p.safetyThirst?.tier ?? ''}`, () => L.circleMarker([lat, lng], {
          radius: 7, fillColor: STATUS_COLOURS[p.status] ?? '#333', fillOpacity: 0.9,
          color: tier ?? '#ffffff', weight: tier ? 4 : 1.5
        }).bindPopup(html`${popup(p, Boolean(options.publicRegister))}`.toString()).bindTooltip(asText(p.name)))
      }
    }
    for (const [key, layer] of drawn) if (!next.has(key)) { group.removeLayer(layer); drawn.delete(key) }
    for (const [key, make] of next) if (!drawn.has(key)) { const layer = make(); group.addLayer(layer); drawn.set(key, layer) }
  }

  async function refetch () {
    controller?.abort()
    controller = new AbortController()
    const b = map.getBounds().pad(0.5)
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(n => n.toFixed(5)).join(',')
    try {
      const path = options.publicRegister ? '/api/public/premises' : '/api/premises'
      const { items } = await api(path, { query: { bbox, limit: 1000 }, signal: controller.signal })
      index = new Supercluster<Props>({ radius: 50, maxZoom: unclusterAt - 1 })
      index.load(items.filter(p => p.location).map(p => ({ type: 'Feature', properties: { premises: p }, geometry: { type: 'Point', coordinates: [p.location!.lng, p.location!.lat] } })))
      draw()
      options.onLoad?.(items)
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
