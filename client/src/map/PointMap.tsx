// A small map of one place (a venue on its register entry): where it is, without coordinates.
import { MapView } from './MapView.tsx'
import { L } from './createMap.ts'

export function PointMap ({ lat, lng, label }: { lat: number; lng: number; label: string }) {
  return (
    <MapView
      class="point-map"
      label={`Map showing ${label}`}
      center={[lat, lng]}
      zoom={17}
      interactive={false}
      onReady={map => {
        L.circleMarker([lat, lng], { radius: 8, weight: 3, color: '#1d2b53', fillColor: '#ffd166', fillOpacity: 1, interactive: false }).addTo(map)
      }}
    />
  )
}
