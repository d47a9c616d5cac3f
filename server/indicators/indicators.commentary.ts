// The one sentence of commentary the quarterly report writes under each indicator, from its
// quarter's figure and the same quarter (or, for a quarter not over, the same months) a year
// earlier: "Violence on Friday and Saturday nights was 14% below the same quarter last year (12
// records against 14)." Counts and venues are compared as a percentage change, except from a
// baseline of zero, which has no percentage; shares as a difference in percentage points.
import type { IndicatorUnit } from '../../shared/schemas/indicators.ts'
import { plural } from '../../shared/plural.ts'

export interface CommentaryInput {
  title: string
  /** The title is a plural noun ("Concerns about venues"): "were", not "was". */
  pluralTitle: boolean
  unit: IndicatorUnit
  /** The quarter's figure (a percentage for a share), null when there is none. */
  value: number | null
  lastYear: number | null
  /** The quarter is not over: compared with the same months last year. */
  soFar: boolean
  /** What a count counts, in the singular ("place"); records when left out. */
  noun?: string
}

/** "12 records", "1 venue", "42.5%". */
export function figureInWords (unit: IndicatorUnit, n: number, noun = 'record'): string {
  if (unit === 'percent') return `${n}%`
  return plural(n, unit === 'venues' ? 'venue' : noun)
}

/** A title inside a sentence: its first letter in lower case, unless it begins an abbreviation (NTE, A&E). */
const inSentence = (title: string) => /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title
const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1)
/** One decimal place at most, without a trailing ".0". */
const round1 = (n: number) => Math.round(n * 10) / 10

export function commentary (input: CommentaryInput): string {
  const { unit, value, lastYear, soFar } = input
  const subject = soFar ? `So far this quarter, ${inSentence(input.title)}` : input.title
  const verb = input.pluralTitle ? 'were' : 'was'
  const before = soFar ? 'the same months last year' : 'the same quarter last year'
  if (value === null) return `${capitalise(soFar ? `so far this quarter there are no figures for ${inSentence(input.title)}` : `there are no figures for ${inSentence(input.title)} this quarter`)}${lastYear === null ? '' : `; ${before} it was ${figureInWords(unit, lastYear, input.noun)}`}.`
  const now = figureInWords(unit, value, input.noun)
  if (lastYear === null) return `${subject} ${verb} ${now}, and there are no figures for ${before} to compare with.`
  if (value === lastYear) return `${subject} ${verb} the same as ${before} (${now}).`
  const direction = value > lastYear ? 'above' : 'below'
  if (unit === 'percent') {
    const points = round1(Math.abs(value - lastYear))
    return `${subject} ${verb} ${now}, ${plural(points, 'percentage point')} ${direction} ${before} (${figureInWords(unit, lastYear, input.noun)}).`
  }
  if (lastYear === 0) return `${subject} ${verb} ${now}, up from none in ${before}.`
  const change = Math.abs(value - lastYear) / lastYear * 100
  const percent = change < 1 ? 'less than 1%' : `${Math.round(change)}%`
  return `${subject} ${verb} ${percent} ${direction} ${before} (${now} against ${lastYear.toLocaleString('en-GB')}).`
}
