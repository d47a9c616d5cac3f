// Kysely row types for the licensing register (see migrations/*_create_premises.ts).
import type { ColumnType, Generated } from 'kysely'
import type { Json } from '../db/core.tables.ts'

import type { PremisesStatus } from '../../shared/schemas/premises.ts'

export type { PremisesStatus }

export interface PremisesTable {
  id: Generated<number>
  name: string
  address: Generated<string>
  postcode: string | null
  lat: number | null
  lng: number | null
  easting: number | null
  northing: number | null
  licenceNumber: string | null
  licenceHolder: string | null
  licenceHolderAddress: string | null
  licenceIssuedOn: string | null
  dpsName: string | null
  premisesType: Generated<string>
  activities: ColumnType<string[], string[] | undefined, string[]>
  licensableActivities: Json
  openingHours: Json
  capacity: number | null
  status: Generated<PremisesStatus>
  phone: string | null
  email: string | null
  website: string | null
  source: Generated<string>
  sourceRef: string | null
  isDemo: Generated<boolean>
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface PremisesConditionsTable {
  id: Generated<number>
  premisesId: number
  annex: number
  position: Generated<number>
  text: string
}

export interface PremisesManagersTable {
  userId: number
  premisesId: number
}

export interface PremisesTables {
  premises: PremisesTable
  premisesConditions: PremisesConditionsTable
  premisesManagers: PremisesManagersTable
}
