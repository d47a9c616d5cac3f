// Kysely row type of the map feed's data version (see migrations/*_create_map_data_version.ts).
import type { Generated } from 'kysely'

export interface MapDataVersionTable {
  id: number
  version: Generated<string>
  changedAt: Generated<Date>
}

export interface MapTables {
  mapDataVersion: MapDataVersionTable
}
