// Kysely row types for incidents (see migrations/*_create_incidents.ts).
import type { ColumnType, Generated } from 'kysely'

export type IncidentSource = 'police_uk' | 'police' | 'officer' | 'venue' | 'public'
export type TimePrecision = 'minute' | 'day' | 'month'
export type Attribution = 'linked' | 'proximate' | 'ambiguous' | 'none'

export interface IncidentsTable {
  id: Generated<number>
  source: IncidentSource
  externalId: string | null
  category: string
  occurredAt: ColumnType<Date, Date | string, Date | string>
  timePrecision: TimePrecision
  month: string
  lat: number | null
  lng: number | null
  easting: number | null
  northing: number | null
  locationText: string | null
  lsoaCode: string | null
  premisesId: number | null
  attribution: Generated<Attribution>
  outcome: string | null
  description: string | null
  policeOnlyNotes: string | null
  reportedBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface IncidentsTables {
  incidents: IncidentsTable
}
