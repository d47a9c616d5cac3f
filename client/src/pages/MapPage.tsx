// The main map: the City of London with the layers each domain contributes (premises,
// incidents, hotspots, flags). Layers register themselves in src/map/layers/index.ts.
import { MapView } from '../map/MapView.tsx'
import { mapPageLayers } from '../map/layers/index.ts'
import { useSession } from '../session.tsx'

export default function MapPage () {
  const { user } = useSession()
  return (
    <section class="map-page">
      <h1 class="visually-hidden">Map</h1>
      <MapView
        label="Map of licensed premises in the City of London"
        onReady={map => {
          const cleanups = mapPageLayers.filter(layer => !layer.roles || (user && layer.roles.includes(user.role))).map(layer => layer.add(map))
          return () => cleanups.forEach(fn => fn?.())
        }}
      />
    </section>
  )
}
