// Kysely row types for the flags domain's own tables (see migrations/*_create_flags.ts).
import type { ColumnType, Generated } from 'kysely'
import type { Json } from '../db/core.tables.ts'
import type { FlagBasis, FlagEventKind, FlagLevel, FlagStatus } from '../../shared/schemas/flags.ts'

export type { FlagBasis, FlagLevel, FlagStatus }
type DateCol = ColumnType<string, string, string>

export interface FlagSettingsTable {
  id: number
  groups: Json
  /** The sources of incidents flags count; null: every source. */
  sources: Json | null
  updatedAt: Generated<Date>
}

export interface FlagRunsTable {
  id: Generated<number>
  asOf: DateCol
  params: Json
  evaluated: Generated<number>
  flagged: Generated<number>
  startedAt: Generated<Date>
  finishedAt: Date | null
  runs: Generated<number>
}

export interface FlagStats {
  recent: number
  recentLinked: number
  recentProximate: number
  baseline: number
  cityRecent: number
  cityBaseline: number
  lastYear: number
  expected: number | null
  ratio: number | null
  p: number
  q: number | null
}

export interface FlagEvaluationsTable extends FlagStats {
  id: Generated<number>
  runId: number
  premisesId: number
  crimeGroup: string
  basis: FlagBasis
  eligible: boolean
  level: FlagLevel | null
  explanation: string | null
}

export interface FlagsTable extends FlagStats {
  id: Generated<number>
  premisesId: number
  crimeGroup: string
  basis: FlagBasis
  level: FlagLevel
  status: Generated<FlagStatus>
  explanation: string
  stillFlagged: Generated<boolean>
  firstRaisedAt: Generated<Date>
  lastRaisedAsOf: DateCol
  lastEvaluatedAt: Generated<Date>
  lastRunId: number | null
  acknowledgedAt: Date | null
  acknowledgedBy: number | null
  acknowledgeNote: string | null
  resolvedAt: Date | null
  resolvedBy: number | null
  resolveNote: string | null
}

export interface FlagEventsTable {
  id: Generated<number>
  flagId: number
  at: Generated<Date>
  kind: FlagEventKind
  level: string | null
  asOf: string | null
  note: string | null
  userId: number | null
}

export interface FlagsTables {
  flagSettings: FlagSettingsTable
  flagRuns: FlagRunsTable
  flagEvaluations: FlagEvaluationsTable
  flags: FlagsTable
  flagEvents: FlagEventsTable
}
