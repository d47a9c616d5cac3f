// Kysely row types for the casework domain's tables (migrations/*_create_temporary_event_notices.ts and later).
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

export interface CaseworkTables {
  temporaryEventNotices: TemporaryEventNoticesTable
  tenObjections: TenObjectionsTable
}
