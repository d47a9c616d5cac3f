// JSON Schemas of the flags API (OpenAPI tag "flags"): they validate requests, serialise responses
// and type both sides.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate, pagingQuery } from './common.ts'
import { INCIDENT_SOURCES } from './incidents.ts'

export const CRIME_GROUP_PATTERN = '^[a-z][a-z-]{0,39}$'
export const FLAG_LEVELS = ['strong', 'rising', 'watch'] as const
export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved'] as const
export const FLAG_BASES = ['days', 'months'] as const
export const FLAG_EVENT_KINDS = ['raised', 'level_changed', 'reopened', 'acknowledged', 'resolved', 'notified'] as const

const num = { type: 'number' } as const
const numOrNull = { type: ['number', 'null'] } as const

const statsProperties = {
  premisesId: { type: 'integer' },
  crimeGroup: { type: 'string' },
  basis: { type: 'string', enum: FLAG_BASES },
  recent: { type: 'integer' },
  recentLinked: { type: 'integer' },
  recentProximate: { type: 'integer' },
  baseline: { type: 'integer' },
  cityRecent: { type: 'integer' },
  cityBaseline: { type: 'integer' },
  lastYear: { type: 'integer' },
  expected: numOrNull,
  ratio: numOrNull,
  p: num,
  q: numOrNull
} as const

export const flagSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    ...statsProperties,
    premisesName: { type: 'string' },
    location: { type: ['object', 'null'], properties: { lat: num, lng: num }, required: ['lat', 'lng'] },
    capacity: { type: ['integer', 'null'] },
    level: { type: 'string', enum: FLAG_LEVELS },
    status: { type: 'string', enum: FLAG_STATUSES },
    explanation: { type: 'string' },
    stillFlagged: { type: 'boolean' },
    firstRaisedAt: { type: 'string', format: 'date-time' },
    lastEvaluatedAt: { type: 'string', format: 'date-time' },
    lastRaisedAsOf: { type: 'string' },
    acknowledgedAt: { type: ['string', 'null'], format: 'date-time' },
    acknowledgeNote: { type: ['string', 'null'] },
    resolvedAt: { type: ['string', 'null'], format: 'date-time' },
    resolveNote: { type: ['string', 'null'] }
  },
  // Every property: a flag row always has them all (null where empty).
  required: [
    'id', 'premisesId', 'premisesName', 'crimeGroup', 'basis', 'level', 'status', 'recent', 'recentLinked', 'recentProximate',
    'baseline', 'cityRecent', 'cityBaseline', 'lastYear', 'expected', 'ratio', 'p', 'q', 'explanation', 'location', 'capacity',
    'stillFlagged', 'firstRaisedAt', 'lastEvaluatedAt', 'lastRaisedAsOf', 'acknowledgedAt', 'acknowledgeNote', 'resolvedAt', 'resolveNote'
  ]
} as const

export const flagListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: FLAG_STATUSES },
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    crimeGroup: { type: 'string', pattern: CRIME_GROUP_PATTERN, 'x-message': 'Give the crime group by its name, like theft or violence' },
    level: { type: 'string', enum: FLAG_LEVELS },
    ...pagingQuery
  },
  additionalProperties: false
} as const

export const runQuery = {
  type: 'object',
  properties: { asOf: localDate },
  additionalProperties: false
} as const

export const runResult = {
  type: 'object',
  properties: { runId: { type: 'integer' }, asOf: { type: 'string' }, evaluated: { type: 'integer' }, flagged: { type: 'integer' }, notified: { type: 'integer' } },
  required: ['runId', 'asOf', 'evaluated', 'flagged', 'notified']
} as const

export const evaluationSchema = {
  type: 'object',
  properties: { ...statsProperties, eligible: { type: 'boolean' }, level: { type: ['string', 'null'] }, explanation: { type: ['string', 'null'] } },
  required: ['premisesId', 'crimeGroup', 'eligible', 'recent', 'baseline', 'cityRecent', 'cityBaseline', 'expected', 'ratio', 'p', 'q', 'level']
} as const

export const latestRunSchema = {
  type: 'object',
  properties: {
    asOf: { type: ['string', 'null'] },
    params: {},
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    evaluations: { type: 'array', items: evaluationSchema }
  },
  required: ['asOf', 'evaluations']
} as const

export const noteBody = {
  type: 'object',
  properties: { note: { type: 'string', minLength: 1, maxLength: 4000 } },
  required: ['note'],
  additionalProperties: false
} as const

export const groupQuery = {
  type: 'object',
  properties: { group: { type: 'string', pattern: CRIME_GROUP_PATTERN, default: 'violence', 'x-message': 'Give the crime group by its name, like theft or violence' }, asOf: localDate },
  additionalProperties: false
} as const

const settingsProperties = {
  groups: {
    type: 'object', minProperties: 1, maxProperties: 8, 'x-label': 'crime groups',
    'x-message': 'Give one to eight crime groups, each a name like theft with a list of police.uk categories',
    propertyNames: { pattern: CRIME_GROUP_PATTERN },
    additionalProperties: { type: 'array', minItems: 1, maxItems: 30, items: { type: 'string', pattern: '^[a-z][a-z-]*$' } }
  },
  sources: {
    type: 'array', minItems: 1, maxItems: INCIDENT_SOURCES.length, 'x-label': 'sources of incidents',
    'x-message': 'Choose at least one source of incidents for flags',
    description: 'The sources of incidents flags count; every source when left out of a change, it keeps the sources in force',
    items: { type: 'string', enum: INCIDENT_SOURCES, 'x-message': `Choose sources of incidents from: ${INCIDENT_SOURCES.join(', ')}` }
  }
} as const
const settingsRequired = ['groups'] as const

export const settingsBody = {
  type: 'object',
  properties: settingsProperties,
  required: settingsRequired,
  additionalProperties: false
} as const

/** Crime groups (group → police.uk categories) and the sources of incidents counted; the attribution radius is the incidents settings', the traffic-light points the visits domain's. */
export const settingsSchema = {
  type: 'object',
  properties: {
    groups: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    sources: { type: 'array', items: { type: 'string', enum: INCIDENT_SOURCES } }
  },
  required: ['groups', 'sources']
} as const

export const flagListResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: flagSchema }, total: { type: 'integer' } },
  required: ['items', 'total']
} as const

const flagEventSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: FLAG_EVENT_KINDS },
    level: { type: ['string', 'null'] },
    asOf: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
    userName: { type: ['string', 'null'] }
  },
  required: ['id', 'at', 'kind', 'level', 'asOf', 'note', 'userName']
} as const

/** The monthly counts on a flag's page: the venue's, the rest of the City's, and what its baseline share predicts. */
export const chartPointSchema = {
  type: 'object',
  properties: { month: { type: 'string' }, count: { type: 'integer' }, city: { type: 'integer' }, expected: num },
  required: ['month', 'count', 'city', 'expected']
} as const

/** A flag with its history (acknowledge and resolve answer this; GET /flags/:id adds the chart). */
export const flagDetailSchema = {
  type: 'object',
  properties: {
    ...flagSchema.properties,
    lastRunId: { type: ['integer', 'null'] },
    acknowledgedBy: { type: ['integer', 'null'] },
    resolvedBy: { type: ['integer', 'null'] },
    events: { type: 'array', items: flagEventSchema },
    chart: { type: 'array', items: chartPointSchema }
  },
  required: [...flagSchema.required, 'events']
} as const

/** GET /flags/:id: the flag with its history and its chart. */
export const flagWithChartSchema = {
  ...flagDetailSchema,
  required: [...flagDetailSchema.required, 'chart']
} as const

const venueCountProperties = {
  premisesId: { type: 'integer' },
  premisesName: { type: 'string' },
  capacity: { type: ['integer', 'null'] },
  incidents: { type: 'integer' }
} as const
const venueCountRequired = ['premisesId', 'premisesName', 'capacity', 'incidents'] as const

export const concentrationSchema = {
  type: 'object',
  properties: {
    group: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    venues: { type: 'integer' },
    incidents: { type: 'integer' },
    venuesWithIncidents: { type: 'integer' },
    top10Share: num,
    top20Share: num,
    gini: num,
    lorenz: {
      type: 'array',
      items: { type: 'object', properties: { venues: num, incidents: num }, required: ['venues', 'incidents'] }
    },
    top: { type: 'array', items: { type: 'object', properties: venueCountProperties, required: venueCountRequired } },
    rates: {
      type: 'array',
      items: { type: 'object', properties: { ...venueCountProperties, per100Capacity: num }, required: [...venueCountRequired, 'per100Capacity'] }
    }
  },
  required: ['group', 'from', 'to', 'venues', 'incidents', 'venuesWithIncidents', 'top10Share', 'top20Share', 'gini', 'lorenz', 'top', 'rates']
} as const

export type FlagLevel = typeof FLAG_LEVELS[number]
export type FlagStatus = typeof FLAG_STATUSES[number]
export type FlagBasis = typeof FLAG_BASES[number]
export type FlagEventKind = typeof FLAG_EVENT_KINDS[number]
export type Flag = FromSchema<typeof flagSchema>
export type FlagDetail = FromSchema<typeof flagDetailSchema>
export type FlagWithChart = FromSchema<typeof flagWithChartSchema>
export type ChartPoint = FromSchema<typeof chartPointSchema>
export type RunResult = FromSchema<typeof runResult>
export type FlagListQuery = FromSchema<typeof flagListQuery>
export type FlagSettingsBody = FromSchema<typeof settingsBody>
export type FlagSettings = FromSchema<typeof settingsSchema>
export type Concentration = FromSchema<typeof concentrationSchema>
