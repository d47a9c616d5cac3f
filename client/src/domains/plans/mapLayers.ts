// Layers the plans domain adds to the main map page (see src/map/layers/index.ts).
import type { MapPageLayer } from '../../map/layers/index.ts'

export const plansMapLayers: MapPageLayer[] = []
