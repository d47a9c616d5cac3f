// The indicators' figures as CSV for the Strategy Group's own spreadsheets: one row per
// indicator and month, with the same month a year earlier, the target and the status.
import type { IndicatorsResponse } from '../../shared/schemas/indicators.ts'
import { toCsv } from '../http/csv.ts'

const HEADER = ['priority', 'indicator_key', 'indicator', 'unit', 'month', 'value', 'same_month_last_year', 'month_not_over', 'target', 'status', 'status_rule'] as const

export function indicatorsCsv (result: IndicatorsResponse): string {
  const rows = result.priorities.flatMap(p => p.indicators.flatMap(i => i.months.map(m => [
    p.title, i.key, i.title, i.unit, m.month, m.value, m.lastYear, m.partial ? 'yes' : 'no', i.target, i.status, i.statusRule
  ])))
  return toCsv(HEADER, rows)
}

export const indicatorsFileName = (year: number) => `nightsafe-indicators-${year}.csv`
