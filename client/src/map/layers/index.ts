// Layers shown on the main map page. Each domain lists its layers in src/domains/<domain>/mapLayers.ts;
// a layer exports { name, roles?, add(map) → cleanup }. Layer code may import Leaflet (it is part of the map module).
import type L from 'leaflet'
import type { Role } from '../../../../shared/roles.ts'
import { premisesMapLayers } from '../../domains/premises/mapLayers.ts'
import { incidentsMapLayers } from '../../domains/incidents/mapLayers.ts'
import { hotspotsMapLayers } from '../../domains/hotspots/mapLayers.ts'
import { flagsMapLayers } from '../../domains/flags/mapLayers.ts'
import { plansMapLayers } from '../../domains/plans/mapLayers.ts'
import { caseworkMapLayers } from '../../domains/casework/mapLayers.ts'
import { concernsMapLayers } from '../../domains/concerns/mapLayers.ts'

export interface MapPageLayer {
  name: string
  roles?: readonly Role[]
  add: (map: L.Map) => (() => void) | void
}

export const mapPageLayers: MapPageLayer[] = [...premisesMapLayers, ...incidentsMapLayers, ...hotspotsMapLayers, ...flagsMapLayers, ...plansMapLayers, ...caseworkMapLayers, ...concernsMapLayers]
