// Kysely row types for visits and the traffic-light scheme (see migrations/*_create_visits.ts
// and *_move_traffic_light.ts).
import type { ColumnType, Generated } from 'kysely'
import type { Json } from '../db/core.tables.ts'
import type { ChecklistResult, VisitKind, VisitStatus } from '../../shared/schemas/visits.ts'
import type { TrafficLightColour } from '../../shared/schemas/traffic-light.ts'

type DateCol = ColumnType<string, string, string>

export interface VisitsTable {
  id: string
  premisesId: number
  kind: VisitKind
  status: VisitStatus
  startedAt: Date
  endedAt: Date | null
  attendees: Json
  assignedTo: ColumnType<number[], number[] | undefined, number[]>
  findings: Generated<string>
  stApplicationId: number | null
  revision: string
  version: Generated<number>
  createdBy: number | null
  updatedBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface VisitChecklistAnswersTable {
  visitId: string
  item: string
  position: number
  label: Generated<string>
  result: ChecklistResult
  note: Generated<string>
}

export interface VisitActionsTable {
  visitId: string
  position: number
  text: string
  dueOn: DateCol
  owner: Generated<string>
}

export interface VisitPhotosTable {
  id: string
  visitId: string
  item: string | null
  caption: Generated<string>
  mimeType: string
  sizeBytes: number
  sha256: string
  content: Uint8Array
  uploadedBy: number | null
  uploadedAt: Generated<Date>
}

export interface VisitAssessmentItemsTable {
  visitId: string
  criterionCode: string
  result: 'met' | 'partly' | 'not_met'
  evidenceSeen: Generated<string>
  note: Generated<string>
}

export interface TrafficLightSettingsTable {
  id: number
  penaltyPoints: Json
  breachPoints: Generated<number>
  creditPoints: Generated<number>
  amberAt: Generated<number>
  redAt: Generated<number>
  windowDays: Generated<number>
  updatedBy: number | null
  updatedAt: Generated<Date>
}

export interface TrafficLightCreditsTable {
  id: Generated<number>
  premisesId: number
  recordedOn: DateCol
  note: string
  userId: number | null
  createdAt: Generated<Date>
}

export interface TrafficLightStatesTable {
  premisesId: number
  light: TrafficLightColour
  points: number
  since: Generated<Date>
  computedAt: Generated<Date>
}

export interface TrafficLightChangesTable {
  id: Generated<number>
  premisesId: number
  fromLight: TrafficLightColour | null
  toLight: TrafficLightColour
  points: number
  at: Generated<Date>
}

export interface VisitsTables {
  visits: VisitsTable
  visitChecklistAnswers: VisitChecklistAnswersTable
  visitActions: VisitActionsTable
  visitPhotos: VisitPhotosTable
  visitAssessmentItems: VisitAssessmentItemsTable
  trafficLightSettings: TrafficLightSettingsTable
  trafficLightCredits: TrafficLightCreditsTable
  trafficLightStates: TrafficLightStatesTable
  trafficLightChanges: TrafficLightChangesTable
}
