// The flag test as pure functions (docs/analytics.md, "Rising theft or violence"): windows, the exact conditional Poisson
// test against area-wide exposure, eligibility, Benjamini–Hochberg across a run, levels and the
// explanation sentence. The service feeds them database counts; tests feed them synthetic ones.
import { benjaminiHochberg, poissonRateTest } from '../../shared/stats/index.ts'
import { addDays, addMonths } from '../../shared/dates.ts'
import { listInWords } from '../../shared/plural.ts'
import { INCIDENT_SOURCES, SOURCE_LABELS, type IncidentSource } from '../../shared/schemas/incidents.ts'
import type { FlagBasis, FlagLevel, FlagStats } from './flags.tables.ts'

export const RECENT_DAYS = 28
export const BASELINE_DAYS = 364

/** Half-open local-date windows [from, to): recent, baseline, and the same period a year earlier. */
export interface Windows { recent: [string, string]; baseline: [string, string]; lastYear: [string, string] }

/** Day-precise records: R = the 28 days before asOf, B = the 364 days before R, last year = R − 364 days. */
export function dayWindows (asOf: string): Windows {
  const rFrom = addDays(asOf, -RECENT_DAYS)
  const bFrom = addDays(rFrom, -BASELINE_DAYS)
  return { recent: [rFrom, asOf], baseline: [bFrom, rFrom], lastYear: [addDays(rFrom, -BASELINE_DAYS), addDays(asOf, -BASELINE_DAYS)] }
}

/** Month-precise records: R = one complete month, B = the 12 months before it, last year = R − 12 months. */
export function monthWindows (recentMonth: string): Windows {
  const r = recentMonth.slice(0, 7) + '-01'
  return { recent: [r, addMonths(r, 1)], baseline: [addMonths(r, -12), r], lastYear: [addMonths(r, -12), addMonths(r, -11)] }
}

export interface VenueCounts { recentLinked: number; recentProximate: number; baseline: number; lastYear: number }
export interface CityTotals { recent: number; baseline: number }

export interface Evaluation extends FlagStats {
  /** x_R ≥ 3 and π^N ≤ 0.05: may be flagged rising or strong. */
  eligible: boolean
  /** π^N ≤ 0.05: the test can reach significance, so it is in the run's BH family. */
  attainable: boolean
  level: FlagLevel | null
}

/** The test for one venue and group. City totals include the venue; its own incidents are taken out. */
export function evaluate (venue: VenueCounts, city: CityTotals): Evaluation {
  const xR = venue.recentLinked + venue.recentProximate
  const xB = venue.baseline
  const eR = Math.max(0, city.recent - xR)
  const eB = Math.max(0, city.baseline - xB)
  const exposed = eR > 0 && eB > 0
  const p = exposed ? poissonRateTest(xR, xB, eR, eB, 'greater') : 1
  const pi = exposed ? eR / (eR + eB) : 1
  const expected = eB > 0 ? xB * eR / eB : null
  const ratio = exposed ? (xR / eR) / ((xB + 0.5) / eB) : null
  // A venue that cannot reach significance (π^N > 0.05) does not spend the multiple-testing budget.
  const attainable = exposed && Math.pow(pi, xR + xB) <= 0.05
  return {
    recent: xR, recentLinked: venue.recentLinked, recentProximate: venue.recentProximate, baseline: xB,
    cityRecent: eR, cityBaseline: eB, lastYear: venue.lastYear, expected, ratio, p, q: null,
    eligible: attainable && xR >= 3, attainable, level: null
  }
}

/**
 * BH across the run, then levels as docs/analytics.md, "Rising theft or violence". Mutates and returns.
 * The BH family is every test that can reach significance (π^N ≤ 0.05, Tarone's criterion);
 * x_R ≥ 3 then decides which may be flagged rising or strong. Selecting the family by x_R ≥ 3
 * as well (the literal reading) picks tests by their own statistic: on 300 sparse synthetic
 * venues with a steady share it flagged 45 venues in a year of weekly runs, against 2 this way
 * (test/flags/stats.test.ts), so the false discovery rate would not hold.
 */
export function assignLevels<T extends Evaluation> (evaluations: T[]): T[] {
  const family = evaluations.filter(e => e.attainable)
  const q = benjaminiHochberg(family.map(e => e.p))
  family.forEach((e, i) => { e.q = q[i]! })
  for (const e of evaluations) e.level = levelOf(e)
  return evaluations
}

export function levelOf (e: Pick<Evaluation, 'q' | 'ratio' | 'recent' | 'expected' | 'p'> & { eligible?: boolean }): FlagLevel | null {
  const sizeable = e.ratio !== null && e.ratio >= 1.5 && e.expected !== null && e.recent - e.expected >= 2
  const testable = e.q !== null && e.eligible !== false && e.recent >= 3
  if (testable && sizeable && e.q! <= 0.01) return 'strong'
  if (testable && sizeable && e.q! <= 0.10) return 'rising'
  if (e.recent >= 2 && e.p <= 0.05) return 'watch'
  return null
}

const whole = (n: number) => n.toLocaleString('en-GB')

function approx (n: number): string {
  if (n >= 10) return whole(Math.round(n))
  return String(Number(n.toFixed(1)))
}

function sig (n: number): string {
  if (n < 0.0001) return '< 0.0001'
  return '= ' + String(Number(n.toPrecision(2)))
}

function monthName (month: string): string {
  return new Date(month + 'T12:00:00Z').toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
}

export interface ExplanationInput {
  group: string
  premisesName: string
  basis: FlagBasis
  radius: number
  windows: Windows
  areaName?: string
  /** The sources of incidents counted (the flag settings'); the sentence names them. */
  sources?: readonly IncidentSource[]
}

/** Which sources of incidents the counts came from, said once in the explanation. */
export function sourcesSentence (sources: readonly IncidentSource[]): string {
  const left = INCIDENT_SOURCES.filter(s => !sources.includes(s))
  if (!left.length) return 'Counted from every source of incidents.'
  const names = (list: readonly IncidentSource[]) => listInWords(list.map(s => SOURCE_LABELS[s]))
  return `Counted from ${names(INCIDENT_SOURCES.filter(s => sources.includes(s)))} only (the flag settings leave out ${names(left)}).`
}

/** The sentence a licensing sub-committee reads (docs/analytics.md, "Rising theft or violence", "Explanation"). */
export function explain (e: FlagStats, input: ExplanationInput): string {
  const group = input.group.charAt(0).toUpperCase() + input.group.slice(1)
  const area = input.areaName ?? 'the City'
  const plural = (n: number) => n === 1 ? 'incident' : 'incidents'
  const parts = [`${e.recentLinked} linked`, `${e.recentProximate} within ${input.radius} m`]
  const months = input.basis === 'months'
  const recentLabel = months ? `in ${monthName(input.windows.recent[0])}` : `in the last ${RECENT_DAYS} days`
  const baselineLabel = months ? 'the previous 12 months' : 'the previous 52 weeks'
  let text = `${group} at ${input.premisesName}: ${e.recent} ${plural(e.recent)} ${recentLabel} (${parts.join(', ')}) against ${whole(e.baseline)} in ${baselineLabel}. `
  text += `Across ${area}, ${input.group} was ${whole(e.cityRecent)} against ${whole(e.cityBaseline)} in the same periods`
  if (e.expected !== null) {
    text += `, so about ${approx(e.expected)} would be expected`
    text += e.ratio !== null ? `; ${e.recent} is ${e.ratio.toFixed(1)} times that` : ''
  }
  text += ` (one-sided p ${sig(e.p)}${e.q !== null ? `, FDR q ${sig(e.q)}` : ', not tested for the FDR'}). `
  text += months ? `Same month last year: ${e.lastYear}.` : `Same ${RECENT_DAYS} days last year: ${e.lastYear}.`
  if (months) text += ` These are police.uk month-only records whose locations are anonymised to nearby snap points, so a ${input.radius} m radius is used.`
  if (input.sources) text += ` ${sourcesSentence(input.sources)}`
  return text
}
