// Layers shown on the main map page. Each layer module exports { name, roles?, add(map) → cleanup }.
import type L from 'leaflet'
import type { Role } from '../../../../shared/roles.ts'

export interface MapPageLayer {
  name: string
  roles?: readonly Role[]
  add: (map: L.Map) => (() => void) | void
}

export const mapPageLayers: MapPageLayer[] = []
