// Kysely row types for the concerns domain's tables (migrations/*_create_concerns.ts).
import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../db/core.tables.ts'
import type { CloseReason, ConcernKind, ConcernStatus } from '../../shared/schemas/concerns.ts'

export interface ConcernsTable {
  id: Generated<number>
  reference: string
  kind: ConcernKind
  premisesId: number | null
  lat: number | null
  lng: number | null
  easting: number | null
  northing: number | null
  accuracyM: number | null
  locationText: string | null
  happeningNow: Generated<boolean>
  occurredAt: Timestamp | null
  pattern: Json | null
  description: string
  reporterName: string | null
  reporterEmail: string
  anonymousToVenue: Generated<boolean>
  status: Generated<ConcernStatus>
  closeReason: CloseReason | null
  substantiated: boolean | null
  substantiatedAt: Date | null
  abusive: Generated<boolean>
  duplicateOf: number | null
  repeatOf: number | null
  incidentId: number | null
  confirmedAt: Date | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface ConcernUpdatesTable {
  id: Generated<number>
  concernId: number
  at: Generated<Date>
  authorId: number | null
  status: string | null
  closeReason: string | null
  publicText: string | null
  internalNote: string | null
  emailed: Generated<number>
}

export interface ConcernSettingsTable {
  id: Generated<boolean>
  threshold: Generated<number>
  periodDays: Generated<number>
  updatedAt: Generated<Date>
  updatedBy: number | null
}

export interface ConcernPlanReviewsTable {
  id: Generated<number>
  premisesId: number
  planKind: 'noise_management_plan' | 'dispersal_policy'
  concernIds: number[]
  reviewDue: string | null
  at: Generated<Date>
}

export interface ConcernsTables {
  concerns: ConcernsTable
  concernUpdates: ConcernUpdatesTable
  concernSettings: ConcernSettingsTable
  concernPlanReviews: ConcernPlanReviewsTable
}
