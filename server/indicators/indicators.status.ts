// The red/amber/green status of an indicator and the rule it follows, in the words the page
// shows (docs/indicators.md, "Status"). One rule for every indicator, turned by which way is
// better and whether there is a target:
//   with a target:    green when at or better than the target; amber when no more than 10% worse;
//   without a target: green when better than a year earlier; amber when the same or no more than
//                     10% worse; red when more than 10% worse.
// Counts are judged over the last 12 complete months (against the 12 before, or an annual
// target); shares over the same 12 months; venues at the latest complete month.
import type { IndicatorStatus, IndicatorUnit } from '../../shared/schemas/indicators.ts'

/** How much worse than the reference is still amber. */
export const AMBER_MARGIN = 0.1

export interface StatusInput {
  unit: IndicatorUnit
  better: 'lower' | 'higher'
  target?: number
  /** The headline figure and its reference a year earlier (null: no figures). */
  value: number | null
  lastYear: number | null
  /** "January 2025 to December 2025", or "December 2025" for venues. */
  label: string
}

const format = (unit: IndicatorUnit, n: number) => unit === 'percent' ? `${n}%` : unit === 'venues' ? `${n} ${n === 1 ? 'venue' : 'venues'}` : String(n)

function what (unit: IndicatorUnit): { subject: string; before: string } {
  if (unit === 'venues') return { subject: 'the latest complete month is', before: 'the same month a year earlier' }
  if (unit === 'percent') return { subject: 'the share over the last 12 complete months is', before: 'the 12 months before' }
  return { subject: 'the last 12 complete months are', before: 'the 12 months before' }
}

export function statusRule (input: Pick<StatusInput, 'unit' | 'better' | 'target'>): string {
  const { subject, before } = what(input.unit)
  const worse = input.better === 'lower' ? 'above' : 'below'
  const margin = `${AMBER_MARGIN * 100}%`
  if (input.target !== undefined) {
    const target = `the target of ${format(input.unit, input.target)}${input.unit === 'count' ? ' a year' : ''}`
    return `Green when ${subject} at or ${input.better === 'lower' ? 'below' : 'above'} ${target}; amber when no more than ${margin} ${worse} it; red when further ${worse}.`
  }
  return `Green when ${subject} ${input.better === 'lower' ? 'below' : 'above'} ${before}; amber when the same or no more than ${margin} ${worse}; red when further ${worse}.`
}

function judge (value: number, reference: number, better: 'lower' | 'higher', strict: boolean): IndicatorStatus {
  if (better === 'lower') {
    if (strict ? value < reference : value <= reference) return 'green'
    return value <= reference * (1 + AMBER_MARGIN) ? 'amber' : 'red'
  }
  if (strict ? value > reference : value >= reference) return 'green'
  return value >= reference * (1 - AMBER_MARGIN) ? 'amber' : 'red'
}

export function statusOf (input: StatusInput): { status: IndicatorStatus; reason: string } {
  const { unit, label } = input
  if (input.value === null) return { status: 'no_data', reason: `No figures yet for ${label}.` }
  const value = format(unit, input.value)
  if (input.target !== undefined) {
    return { status: judge(input.value, input.target, input.better, false), reason: `${value} for ${label} against the target of ${format(unit, input.target)}.` }
  }
  if (input.lastYear === null) return { status: 'no_data', reason: `${value} for ${label}, and no figures a year earlier to compare with.` }
  return { status: judge(input.value, input.lastYear, input.better, true), reason: `${value} for ${label} against ${format(unit, input.lastYear)} a year earlier.` }
}
