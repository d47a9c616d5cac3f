// Kysely row types for the Safety Thirst tables (see migrations/*_create_safety_thirst.ts).
import type { Generated } from 'kysely'
import type { Json } from '../db/core.tables.ts'

import type { CriteriaSetStatus, StAnswer, StLevel, StResult, StStatus, StTier } from '../../shared/schemas/safety-thirst.ts'

export type { StLevel, StStatus, StTier }

export interface StCriteriaSetsTable {
  id: Generated<number>
  version: string
  status: Generated<CriteriaSetStatus>
  categories: Json
  commendedDesiredPct: Generated<number>
  highlyCommendedDesiredPct: Generated<number>
  highlyCommendedBonus: Generated<number>
  createdBy: number | null
  createdAt: Generated<Date>
  publishedBy: number | null
  publishedAt: Date | null
}

export interface StCriteriaTable {
  id: Generated<number>
  setId: number
  code: string
  category: string
  level: StLevel
  text: string
  evidence: Generated<string>
  position: Generated<number>
  retired: Generated<boolean>
}

export interface StSettingsTable {
  id: Generated<number>
  target: Generated<number>
  moderationRequired: Generated<boolean>
  updatedBy: number | null
  updatedAt: Generated<Date>
}

export interface StTransitionsTable { fromStatus: string; toStatus: string }

export interface StApplicationsTable {
  id: Generated<number>
  premisesId: number
  year: number
  criteriaSetId: number
  status: Generated<StStatus>
  tier: StTier | null
  createdBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
  submittedAt: Date | null
  siteVisitDate: string | null
  assessors: Json
  agenciesConsulted: Json
  assessmentNote: string | null
  assessedBy: number | null
  assessedAt: Date | null
  moderatedBy: number | null
  moderatedAt: Date | null
  moderationConfirmed: boolean | null
  moderationNote: string | null
  decidedBy: number | null
  decidedAt: Date | null
  validUntil: string | null
  certificateNumber: string | null
  decisionReasons: Json | null
  actionPlan: Json | null
  withdrawnAt: Date | null
  withdrawnFrom: string | null
  withdrawalReason: string | null
  expiredAt: Date | null
}

export interface StAnswersTable {
  applicationId: number
  criterionCode: string
  answer: StAnswer
  evidence: Generated<string>
  updatedAt: Generated<Date>
}

export interface StResultsTable {
  applicationId: number
  criterionCode: string
  result: StResult
  note: Generated<string>
  updatedAt: Generated<Date>
}

export interface StEvidenceFilesTable {
  id: Generated<number>
  applicationId: number
  criterionCode: string | null
  filename: string
  mimeType: string
  sizeBytes: number
  content: Uint8Array
  uploadedBy: number | null
  uploadedAt: Generated<Date>
}

export interface SafetyThirstTables {
  stCriteriaSets: StCriteriaSetsTable
  stCriteria: StCriteriaTable
  stSettings: StSettingsTable
  stTransitions: StTransitionsTable
  stApplications: StApplicationsTable
  stAnswers: StAnswersTable
  stResults: StResultsTable
  stEvidenceFiles: StEvidenceFilesTable
}
