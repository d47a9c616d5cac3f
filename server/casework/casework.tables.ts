// Kysely row types for the casework domain's tables (migrations/*_create_temporary_event_notices.ts,
// *_create_licensing_cases.ts).
import type { ColumnType, Generated } from 'kysely'

export type TenStatus = 'received' | 'objected' | 'counter_notice' | 'cleared' | 'withdrawn'

export interface TemporaryEventNoticesTable {
  id: Generated<number>
  premisesId: number
  premisesUserName: string
  premisesUserKey: string
  personalLicenceHolder: boolean
  kind: 'standard' | 'late'
  status: Generated<TenStatus>
  givenOn: string
  startsLocal: string
  endsLocal: string
  startsAt: Date
  endsAt: Date
  maxPeople: number
  activities: ColumnType<string[], string[], string[]>
  objectionDeadline: string
  counterNoticeDeadline: Date
  outcomeReasons: string | null
  decidedBy: number | null
  decidedAt: Date | null
  givenBy: number | null
  withdrawnAt: Date | null
  withdrawnBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface TenObjectionsTable {
  id: Generated<number>
  tenId: number
  organisation: 'police' | 'environmental_health'
  objectives: ColumnType<string[], string[], string[]>
  text: string
  madeBy: number | null
  createdAt: Generated<Date>
}

type TextArray = ColumnType<string[], string[], string[]>

export type CaseKind = 'licence_application' | 'review'
export type CaseStatus = 'open' | 'hearing_scheduled' | 'decided' | 'withdrawn'
export type Party = 'responsible_authority' | 'other_person'

export interface CaseworkPersonsTable {
  id: Generated<number>
  name: string
  address: string
  email: string | null
  confirmedAt: Date | null
  createdAt: Generated<Date>
}

export interface LicensingCasesTable {
  id: Generated<number>
  kind: CaseKind
  premisesId: number
  licenceApplicationId: number | null
  givenOn: string
  representationPeriodEnds: string
  status: Generated<CaseStatus>
  broughtByParty: Party | null
  broughtByOrganisation: string | null
  broughtByPersonId: number | null
  objectives: TextArray | null
  grounds: string | null
  promptedBy: 'traffic_light' | 'flag' | 'other' | null
  promptRef: string | null
  createdBy: number | null
  createdAt: Generated<Date>
  updatedAt: Generated<Date>
}

export interface RepresentationsTable {
  id: Generated<number>
  caseId: number
  party: Party
  organisation: string | null
  personId: number | null
  objectives: TextArray
  text: string
  madeOn: string
  madeBy: number | null
  status: Generated<'awaiting_confirmation' | 'received' | 'withdrawn'>
  relevance: 'relevant' | 'irrelevant' | null
  irrelevantGround: 'frivolous' | 'vexatious' | 'not_about_objective' | null
  assessmentReason: string | null
  assessedBy: number | null
  assessedAt: Date | null
  withdrawnAt: Date | null
  withdrawnBy: number | null
  withdrawalNote: string | null
  createdAt: Generated<Date>
}

export interface HearingsTable {
  id: Generated<number>
  caseId: number | null
  tenId: number | null
  hearingOn: string
  startsAt: string
  place: string
  noticeGivenOn: string
  status: Generated<'scheduled' | 'cancelled'>
  scheduledBy: number | null
  createdAt: Generated<Date>
}

/** A condition of the licence changed at a hearing: its text before and after. */
export interface ModifiedCondition { conditionId: number; before: string; text: string }

export interface CaseDecisionsTable {
  id: Generated<number>
  caseId: number
  outcome: string
  reasons: string
  addedConditions: ColumnType<string[], string[] | undefined, string[]>
  modifiedConditions: ColumnType<ModifiedCondition[], string | undefined, string>
  excludedActivities: ColumnType<string[], string[] | undefined, string[]>
  suspendedUntil: string | null
  decidedOn: string
  notifiedOn: string
  appealDeadline: string
  takesEffectOn: string
  appliedAt: Date | null
  suspensionLiftedAt: Date | null
  appealLodgedOn: string | null
  appealNote: string | null
  decidedBy: number | null
  createdAt: Generated<Date>
}

export interface CaseworkTables {
  temporaryEventNotices: TemporaryEventNoticesTable
  tenObjections: TenObjectionsTable
  caseworkPersons: CaseworkPersonsTable
  licensingCases: LicensingCasesTable
  representations: RepresentationsTable
  hearings: HearingsTable
  caseDecisions: CaseDecisionsTable
}
