// The indicators' figures as CSV for the Strategy Group's own spreadsheets: one row per
// indicator and month, with the same month a year earlier, the target and the status.
import type { IndicatorsResponse, QuarterReport } from '../../shared/schemas/indicators.ts'
import { toCsv } from '../http/csv.ts'

const HEADER = ['priority', 'indicator_key', 'indicator', 'unit', 'month', 'value', 'same_month_last_year', 'month_not_over', 'target', 'status', 'status_rule'] as const

export function indicatorsCsv (result: IndicatorsResponse): string {
  const rows = result.priorities.flatMap(p => p.indicators.flatMap(i => i.months.map(m => [
    p.title, i.key, i.title, i.unit, m.month, m.value, m.lastYear, m.partial ? 'yes' : 'no', i.target, i.status, i.statusRule
  ])))
  return toCsv(HEADER, rows)
}

export const indicatorsFileName = (year: number) => `nightsafe-indicators-${year}.csv`

const REPORT_HEADER = ['priority', 'indicator_key', 'indicator', 'unit', 'period', 'value', 'same_period_last_year', 'so_far', 'target', 'status', 'commentary'] as const

/** The quarterly report's figures: each indicator's quarter (with its sentence of commentary), then its three months. */
export function quarterCsv (report: QuarterReport): string {
  const rows = report.priorities.flatMap(p => p.indicators.flatMap(i => [
    [p.title, i.key, i.title, i.unit, `${report.year}-Q${report.quarter}`, i.value, i.lastYear, report.soFar ? 'yes' : 'no', i.target, i.status, i.commentary],
    ...i.months.map(m => [p.title, i.key, i.title, i.unit, m.month, m.value, m.lastYear, m.partial ? 'yes' : 'no', i.target, i.status, null])
  ]))
  return toCsv(REPORT_HEADER, rows)
}
