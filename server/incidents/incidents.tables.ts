// Kysely row types for incidents (see migrations/*_create_incidents.ts and *_110001_*).
import type { ColumnType, Generated } from 'kysely'

import type { Attribution, IncidentSource, TimePrecision } from '../../shared/schemas/incidents.ts'

export type { Attribution, IncidentSource, TimePrecision }

export interface IncidentsTable {
  id: Generated<number>
  source: IncidentSource
  externalId: string | null
  category: string
  occurredAt: ColumnType<Date, Date | string, Date | string>
  timePrecision: TimePrecision
  /** The end of the window when timePrecision is 'window' (occurredAt is its start). */
  occurredTo: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  /** The classification as the source file gave it (an offence code, a means of assault). */
  classification: string | null
  /** The import profile that last stored the record. */
  importProfile: string | null
  /** The normalised free-text location matched to premises (location_matches), for records without coordinates. */
  locationKey: string | null
  month: string
  lat: number | null
  lng: number | null
  easting: number | null
  northing: number | null
  locationText: string | null
  lsoaCode: string | null
  premisesId: number | null
  attribution: Generated<Attribution>
  /** The candidate premises of an ambiguous incident, nearest first (null unless ambiguous). */
  candidatePremisesIds: number[] | null
  outcome: string | null
  description: string | null
  policeOnlyNotes: string | null
  reportedBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface ImportRunsTable {
  id: Generated<number>
  kind: string
  fileName: string | null
  userId: number | null
  rows: Generated<number>
  imported: Generated<number>
  updated: Generated<number>
  unchanged: Generated<number>
  skipped: Generated<number>
  noLocation: Generated<number>
  rejected: ColumnType<unknown, string | undefined, string>
  months: Generated<string[]>
  ms: Generated<number>
  profile: string | null
  source: string | null
  /** The latest local date the file's records cover. */
  latest: string | null
  createdAt: Generated<Date>
}

export interface ImportProfilesTable {
  name: string
  label: string
  source: 'police' | 'ambulance' | 'hospital' | 'council'
  columns: ColumnType<Record<string, string>, string, string>
  dateFormat: string
  coordinates: 'bng' | 'wgs84' | 'none'
  categoryMap: ColumnType<Record<string, string>, string, string>
  builtIn: Generated<boolean>
  updatedBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface LocationMatchesTable {
  locationKey: string
  locationText: string
  status: 'matched' | 'uncertain' | 'unmatched' | 'confirmed' | 'rejected'
  premisesId: number | null
  score: number | null
  candidates: ColumnType<unknown[], string, string>
  decidedBy: number | null
  decidedAt: Date | null
  createdAt: Generated<Date>
}

export interface HarmWeightsTable {
  category: string
  weight: number
  basis: Generated<string>
}

export interface IncidentSettingsTable {
  id: Generated<boolean>
  radiusM: Generated<number>
  policeUkRadiusM: Generated<number>
}

export interface IncidentsTables {
  incidents: IncidentsTable
  importRuns: ImportRunsTable
  harmWeights: HarmWeightsTable
  incidentSettings: IncidentSettingsTable
  importProfiles: ImportProfilesTable
  locationMatches: LocationMatchesTable
}
