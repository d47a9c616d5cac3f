// JSON Schemas of the flags API (api.md "Flags"): they validate requests, serialise responses
// and type both sides.
import { localDate, pagingQuery } from './common.ts'

export const CRIME_GROUP_PATTERN = '^[a-z][a-z-]{0,39}$'
export const FLAG_LEVELS = ['strong', 'rising', 'watch'] as const
export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved'] as const

const num = { type: 'number' } as const
const numOrNull = { type: ['number', 'null'] } as const

const statsProperties = {
  premisesId: { type: 'integer' },
  crimeGroup: { type: 'string' },
  basis: { type: 'string', enum: ['days', 'months'] },
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
    location: { type: ['object', 'null'], properties: { lat: num, lng: num } },
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
  required: ['id', 'premisesId', 'crimeGroup', 'level', 'status', 'recent', 'baseline', 'cityRecent', 'cityBaseline', 'expected', 'ratio', 'p', 'q', 'explanation']
} as const

export const flagListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: FLAG_STATUSES },
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    crimeGroup: { type: 'string', pattern: CRIME_GROUP_PATTERN },
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
  required: ['evaluated', 'flagged']
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

export const remedyBody = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    note: { type: 'string', minLength: 1, maxLength: 4000 },
    recordedOn: localDate
  },
  required: ['premisesId', 'note'],
  additionalProperties: false
} as const

export const groupQuery = {
  type: 'object',
  properties: { group: { type: 'string', pattern: CRIME_GROUP_PATTERN, default: 'violence' }, asOf: localDate },
  additionalProperties: false
} as const

export const trafficLightQuery = {
  type: 'object',
  properties: { premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 }, asOf: localDate },
  required: ['premisesId'],
  additionalProperties: false
} as const

export const settingsBody = {
  type: 'object',
  properties: {
    groups: {
      type: 'object', minProperties: 1, maxProperties: 8,
      propertyNames: { pattern: CRIME_GROUP_PATTERN },
      additionalProperties: { type: 'array', minItems: 1, maxItems: 30, items: { type: 'string', pattern: '^[a-z][a-z-]*$' } }
    },
    radiusM: { type: 'integer', minimum: 10, maximum: 50 },
    monthRadiusM: { type: 'integer', minimum: 10, maximum: 100 },
    penaltyPoints: { type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 100 } },
    creditPoints: { type: 'integer', minimum: 0, maximum: 100 },
    amberAt: { type: 'integer', minimum: 1, maximum: 1000 },
    redAt: { type: 'integer', minimum: 2, maximum: 1000 },
    pointsWindowDays: { type: 'integer', minimum: 28, maximum: 1095 }
  },
  required: ['groups', 'radiusM', 'monthRadiusM', 'penaltyPoints', 'creditPoints', 'amberAt', 'redAt', 'pointsWindowDays'],
  additionalProperties: false
} as const

export type FlagLevel = typeof FLAG_LEVELS[number]
export type FlagStatus = typeof FLAG_STATUSES[number]

export interface Flag {
  id: number; premisesId: number; premisesName: string; crimeGroup: string; basis: 'days' | 'months'
  level: FlagLevel; status: FlagStatus; recent: number; recentLinked: number; recentProximate: number
  baseline: number; cityRecent: number; cityBaseline: number; lastYear: number
  expected: number | null; ratio: number | null; p: number; q: number | null; explanation: string
  stillFlagged: boolean; firstRaisedAt: string; lastEvaluatedAt: string; lastRaisedAsOf: string
  location: { lat: number; lng: number } | null; capacity: number | null
  acknowledgedAt: string | null; acknowledgeNote: string | null; resolvedAt: string | null; resolveNote: string | null
}

export interface TrafficLight {
  premisesId: number; light: 'green' | 'amber' | 'red'; points: number; penalty: number; credit: number
  incidents: Record<string, number>; remedies: number; from: string; to: string; amberAt: number; redAt: number
}
