// The indicators of each priority of the Safer City Partnership's strategy that Nightsafe can
// compute from its own records (docs/indicators.md). Each says what it counts and where from, in
// words a Strategy Group member reads, and loads its monthly figures through the public modules
// of the domains that own the records. A new indicator is one entry here.
import type { Db } from '../db/types.ts'
import type { IndicatorUnit, PriorityKey } from '../../shared/schemas/indicators.ts'
import { categoryLabel } from '../../shared/incident-categories.ts'
import { listInWords } from '../../shared/plural.ts'
import { countIncidentsByMonth, countRepeatPlacesByMonth, type MonthlyCountQuery } from '../incidents/incidents.public.ts'
import { accreditedAtMonthEnds, accreditationTarget } from '../safety-thirst/safety-thirst.public.ts'
import { concernsAboutVenuesByMonth } from '../concerns/concerns.public.ts'

/** A month's figure: a number, or a share (numerator over denominator) shown as a percentage. */
export type Figures = Map<string, number> | Map<string, { part: number; whole: number }>

export interface LoadContext {
  db: Db
  /** First month and the month after the last, YYYY-MM-01. */
  from: string
  to: string
  tz: string
  /** The crime groups in force (flag settings): group → categories. */
  groups: Record<string, string[]>
}

export interface IndicatorDefinition {
  key: string
  title: string
  definition: (groups: Record<string, string[]>) => string
  sources: string[]
  unit: IndicatorUnit
  better: 'lower' | 'higher'
  /** The title is a plural noun, so the report's commentary says "were". */
  pluralTitle?: true
  /** What a count counts, in the singular, when not records ("place"). */
  noun?: string
  /** The target when no administrator has set one (the Safety Thirst scheme's own). */
  defaultTarget?: (db: Db) => Promise<number | undefined>
  load: (ctx: LoadContext) => Promise<Figures>
}

export interface PriorityDefinition {
  key: PriorityKey
  title: string
  aim: string
  indicators: IndicatorDefinition[]
  /** Why a priority has no indicators. */
  note?: string
}

/** Friday and Saturday nights, 22:00 to 04:00 (the hotspot map's night preset). */
const WEEKEND_NIGHTS = { days: [5, 6], hours: { start: 22, end: 4 } }
/** Every night, 22:00 to 04:00. */
const EVERY_NIGHT = { days: [1, 2, 3, 4, 5, 6, 7], hours: { start: 22, end: 4 } }
/** The hours within which a concern counts as answered in time. */
export const ANSWER_WITHIN_HOURS = 48
/** A repeat location: a 50 m square of the British National Grid with this many anti-social behaviour reports or more in a month. */
export const REPEAT_LOCATION = { cellMetres: 50, atLeast: 3 } as const

const NIGHT_RULE = 'A night runs from 06:00 to 06:00, so 01:30 on a Saturday belongs to Friday night, and it counts in the month of its night.'
const MONTH_ONLY_RULE = 'police.uk records are dated only by month and have no time, so they are not counted.'
const WINDOW_RULE = 'A record known only within a span of time is dated by the middle of the span.'

const SOURCE = {
  police: 'City of London Police crime records (force extracts imported by officers)',
  policeUk: 'police.uk street-level crime and anti-social behaviour (Open Government Licence v3.0)',
  hospital: 'A&E assault records shared with the partnership (hospital extracts)',
  local: 'Records made in Nightsafe: licensing officers, venue incident books, ambulance and council extracts',
  public: 'Concerns reported by the public through Nightsafe',
  safetyThirst: 'Safety Thirst awards decided in Nightsafe',
  attribution: 'Nightsafe\'s attribution of incidents to premises (linked, or within the radius of one venue)'
}

const labels = (categories: string[]) => listInWords(categories.map(categoryLabel))
const group = (groups: Record<string, string[]>, name: 'violence' | 'theft') => groups[name] ?? []

const incidents = (query: (ctx: LoadContext) => Omit<MonthlyCountQuery, 'from' | 'to' | 'tz'>) =>
  (ctx: LoadContext) => countIncidentsByMonth(ctx.db, { ...query(ctx), from: ctx.from, to: ctx.to, tz: ctx.tz })

/** Part of a whole per month, from two counts. */
async function share (part: Promise<Map<string, number>>, whole: Promise<Map<string, number>>) {
  const [p, w] = [await part, await whole]
  return new Map([...w].map(([month, n]) => [month, { part: p.get(month) ?? 0, whole: n }]))
}

export const PRIORITIES: PriorityDefinition[] = [
  {
    key: 'prevent',
    title: 'Prevent',
    aim: 'Supporting the Counter Terrorism Strategy through the Prevent Strategy: challenging the radicalisation of vulnerable people.',
    indicators: [],
    note: 'Nightsafe holds no Prevent data: referrals and training are recorded by the Prevent partners, not here. The Strategy Group reports this priority from their own figures.'
  },
  {
    key: 'violence',
    title: 'Violence against the person',
    aim: 'Protecting those who live, work, study or socialise in the City from violent crime, abuse or exploitation.',
    indicators: [
      {
        key: 'violence-recorded',
        title: 'Violence recorded',
        definition: groups => `Every record of ${labels(group(groups, 'violence'))} (the violence group in force) from any source, counted in its local month. ${WINDOW_RULE}`,
        sources: [SOURCE.policeUk, SOURCE.police, SOURCE.hospital, SOURCE.local],
        unit: 'count',
        better: 'lower',
        load: incidents(ctx => ({ categories: group(ctx.groups, 'violence') }))
      }
    ]
  },
  {
    key: 'acquisitive',
    title: 'Acquisitive crime',
    aim: 'Protecting residents, workers, businesses and visitors from theft and fraud.',
    indicators: [
      {
        key: 'theft-from-person-at-venues',
        title: 'Theft from the person in and around licensed premises',
        definition: () => `Theft from the person recorded against a licensed premises or within the attribution radius of one or more current premises (linked, proximate or ambiguous), from any source, counted in its local month. ${WINDOW_RULE}`,
        sources: [SOURCE.policeUk, SOURCE.police, SOURCE.local, SOURCE.attribution],
        unit: 'count',
        better: 'lower',
        load: incidents(() => ({ categories: ['theft-from-the-person'], attributions: ['linked', 'proximate', 'ambiguous'] }))
      },
      {
        key: 'theft-recorded',
        title: 'Theft recorded',
        definition: groups => `Every record of ${labels(group(groups, 'theft'))} (the theft group in force) from any source, counted in its local month. Fraud is recorded by Action Fraud, not in Nightsafe. ${WINDOW_RULE}`,
        sources: [SOURCE.policeUk, SOURCE.police, SOURCE.local],
        unit: 'count',
        better: 'lower',
        load: incidents(ctx => ({ categories: group(ctx.groups, 'theft') }))
      }
    ]
  },
  {
    key: 'night-time-economy',
    title: 'Night-time economy crime and nuisance',
    aim: 'Ensuring the City remains a safe place to socialise and visit.',
    indicators: [
      {
        key: 'nte-violence-weekend-nights',
        title: 'Violence on Friday and Saturday nights',
        definition: groups => `${labels(group(groups, 'violence'))} (the violence group in force) recorded by the police or by A&E on a Friday or Saturday night between 22:00 and 04:00. ${NIGHT_RULE} ${MONTH_ONLY_RULE} ${WINDOW_RULE}`,
        sources: [SOURCE.police, SOURCE.hospital],
        unit: 'count',
        better: 'lower',
        load: incidents(ctx => ({ categories: group(ctx.groups, 'violence'), sources: ['police', 'hospital'], nights: WEEKEND_NIGHTS }))
      },
      {
        key: 'night-incidents-at-venues',
        title: 'Share of night-time incidents attributed to venues',
        definition: () => `Of all incidents with a time recorded between 22:00 and 04:00 on any night, the percentage recorded against a licensed premises or within the radius of exactly one (linked or proximate). ${NIGHT_RULE} ${MONTH_ONLY_RULE} ${WINDOW_RULE}`,
        sources: [SOURCE.police, SOURCE.hospital, SOURCE.local, SOURCE.attribution],
        unit: 'percent',
        better: 'lower',
        load: ctx => share(
          countIncidentsByMonth(ctx.db, { attributions: ['linked', 'proximate'], nights: EVERY_NIGHT, from: ctx.from, to: ctx.to, tz: ctx.tz }),
          countIncidentsByMonth(ctx.db, { nights: EVERY_NIGHT, from: ctx.from, to: ctx.to, tz: ctx.tz }))
      },
      {
        key: 'safety-thirst-venues',
        title: 'Venues accredited by Safety Thirst',
        pluralTitle: true,
        definition: () => 'Venues holding a Safety Thirst award (pass, commended or highly commended) on the last day of the month: decided by then and valid until that day or later. The target is the scheme\'s own unless an administrator sets another here.',
        sources: [SOURCE.safetyThirst],
        unit: 'venues',
        better: 'higher',
        defaultTarget: accreditationTarget,
        load: ctx => accreditedAtMonthEnds(ctx.db, { from: ctx.from, to: ctx.to, tz: ctx.tz })
      },
      {
        key: 'venue-concerns',
        title: 'Concerns about venues',
        pluralTitle: true,
        definition: () => 'Concerns the public reported about a licensed premises and confirmed by email, counted in the local month they were confirmed; those closed as abusive or as a duplicate of another report are left out.',
        sources: [SOURCE.public],
        unit: 'count',
        better: 'lower',
        load: async ctx => {
          const months = await concernsAboutVenuesByMonth(ctx.db, { from: ctx.from, to: ctx.to, tz: ctx.tz, withinHours: ANSWER_WITHIN_HOURS })
          return new Map([...months].map(([month, m]) => [month, m.reports]))
        }
      },
      {
        key: 'venue-concerns-answered',
        title: 'Concerns about venues answered within 2 days',
        pluralTitle: true,
        definition: () => `Of the concerns about venues confirmed in the month (as counted above), the percentage an officer first answered (a reply or a change of status the reporter sees) within ${ANSWER_WITHIN_HOURS} hours of confirmation.`,
        sources: [SOURCE.public],
        unit: 'percent',
        better: 'higher',
        load: async ctx => {
          const months = await concernsAboutVenuesByMonth(ctx.db, { from: ctx.from, to: ctx.to, tz: ctx.tz, withinHours: ANSWER_WITHIN_HOURS })
          return new Map([...months].map(([month, m]) => [month, { part: m.answered, whole: m.reports }]))
        }
      }
    ]
  },
  {
    key: 'anti-social-behaviour',
    title: 'Anti-social behaviour',
    aim: 'Responding effectively to problems, keeping the City a pleasant place to live and enjoy.',
    indicators: [
      {
        key: 'asb-reports',
        title: 'Anti-social behaviour reports',
        pluralTitle: true,
        definition: () => `Records of anti-social behaviour from any source (police.uk, force and council extracts, and public concerns about anti-social behaviour), counted in their local month. ${WINDOW_RULE}`,
        sources: [SOURCE.policeUk, SOURCE.police, SOURCE.local, SOURCE.public],
        unit: 'count',
        better: 'lower',
        load: incidents(() => ({ categories: ['anti-social-behaviour'] }))
      },
      {
        key: 'asb-repeat-locations',
        title: 'Anti-social behaviour repeat locations',
        pluralTitle: true,
        noun: 'place',
        definition: () => `Places with ${REPEAT_LOCATION.atLeast} or more records of anti-social behaviour (counted as in the indicator above) in the same local month. A place is a ${REPEAT_LOCATION.cellMetres} m square of the British National Grid, whichever premises the records are near; records without a location are not counted. police.uk places its records at anonymised points, so its reports at one point share a square. ${WINDOW_RULE}`,
        sources: [SOURCE.policeUk, SOURCE.police, SOURCE.local, SOURCE.public],
        unit: 'count',
        better: 'lower',
        load: ctx => countRepeatPlacesByMonth(ctx.db, { categories: ['anti-social-behaviour'], ...REPEAT_LOCATION, from: ctx.from, to: ctx.to, tz: ctx.tz })
      },
      {
        key: 'noise-reports',
        title: 'Noise reports',
        pluralTitle: true,
        definition: () => `Records of noise from any source (council extracts, venue incident books and public concerns about noise), counted in their local month. ${WINDOW_RULE}`,
        sources: [SOURCE.local, SOURCE.public],
        unit: 'count',
        better: 'lower',
        load: incidents(() => ({ categories: ['noise'] }))
      }
    ]
  }
]

export const INDICATOR_KEYS = PRIORITIES.flatMap(p => p.indicators.map(i => i.key))

export function findIndicator (key: string): IndicatorDefinition | undefined {
  return PRIORITIES.flatMap(p => p.indicators).find(i => i.key === key)
}
