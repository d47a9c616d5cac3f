// Kysely row types for the plans domain's own tables (migrations/*_create_plan_documents.ts).
import type { Generated } from 'kysely'
import type { Json } from '../db/core.tables.ts'
import type { PlanKind, PlanStatus } from '../../shared/plans/templates.ts'

import type { LicenceApplicationKind, LicenceApplicationStatus } from '../../shared/schemas/licence-applications.ts'

export type { LicenceApplicationKind, LicenceApplicationStatus }

export interface PlanDocumentsTable {
  id: Generated<number>
  premisesId: number
  kind: PlanKind
  version: number
  sections: Json
  operatingHours: string | null
  limiterSetting: string | null
  complaintContactNumber: string | null
  taxiOperator: string | null
  reviewDate: string | null
  status: PlanStatus
  submittedBy: number | null
  submittedAt: Date | null
  reviewedBy: number | null
  reviewedAt: Date | null
  reviewComments: Json
  reviewDue: string | null
  overdueSince: string | null
  createdBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface LicenceApplicationsTable {
  id: Generated<number>
  premisesId: number
  kind: LicenceApplicationKind
  status: Generated<LicenceApplicationStatus>
  applicantName: string
  activities: Json
  operatingSchedule: Json
  consultationStartDate: string
  representationEndDate: string
  noisePlanId: number
  dispersalPolicyId: number
  submittedBy: number | null
  decidedBy: number | null
  decidedAt: Date | null
  decisionNote: string | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface PlansTables {
  planDocuments: PlanDocumentsTable
  licenceApplications: LicenceApplicationsTable
}
