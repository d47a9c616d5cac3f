// Kysely row types for the indicators domain (migrations/*_create_indicator_targets.ts).
import type { Generated } from 'kysely'

export interface IndicatorTargetsTable {
  indicatorKey: string
  target: number
  updatedBy: number | null
  updatedAt: Generated<Date>
}

export interface IndicatorsTables {
  indicatorTargets: IndicatorTargetsTable
}
