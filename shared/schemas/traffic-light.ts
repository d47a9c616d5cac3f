// JSON Schemas and types of the City's traffic-light scheme (api.md "Visits and traffic light"):
// penalty points for each relevant incident and each breach found on a visit, credit for each
// remedy, a light from the thresholds an administrator sets, and the history of changes.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate } from './common.ts'

export const TRAFFIC_LIGHTS = ['green', 'amber', 'red'] as const
export type TrafficLightColour = typeof TRAFFIC_LIGHTS[number]
export const TRAFFIC_LIGHT_LABELS: Record<TrafficLightColour, string> = { green: 'Green', amber: 'Amber', red: 'Red' }
/** What each light means for the venue (City of London scheme). */
export const TRAFFIC_LIGHT_MEANING: Record<TrafficLightColour, string> = {
  green: 'No action: the venue is below the amber threshold.',
  amber: 'Licensing officers work with the venue to reduce the problems.',
  red: 'The licence is open to review.'
}
export const REASON_KINDS = ['incident', 'breach', 'credit'] as const
export type ReasonKind = typeof REASON_KINDS[number]

const CRIME_GROUP = '^[a-z][a-z_-]{0,30}$'

export const reasonSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: REASON_KINDS },
    points: { type: 'integer' },
    at: { type: 'string', format: 'date' },
    title: { type: 'string' },
    detail: { type: 'string' },
    link: { type: ['string', 'null'] },
    incidentId: { type: ['integer', 'null'] },
    visitId: { type: ['string', 'null'] },
    creditId: { type: ['integer', 'null'] }
  },
  required: ['kind', 'points', 'at', 'title', 'detail', 'link', 'incidentId', 'visitId', 'creditId']
} as const

export const changeSchema = {
  type: 'object',
  properties: { at: { type: 'string', format: 'date-time' }, fromLight: { type: ['string', 'null'], enum: [...TRAFFIC_LIGHTS, null] }, toLight: { type: 'string', enum: TRAFFIC_LIGHTS }, points: { type: 'integer' } },
  required: ['at', 'fromLight', 'toLight', 'points']
} as const

const settingsProperties = {
  penaltyPoints: {
    type: 'object', maxProperties: 8, propertyNames: { pattern: CRIME_GROUP },
    additionalProperties: { type: 'integer', minimum: 0, maximum: 100, 'x-message': 'Give each crime group between 0 and 100 penalty points' }
  },
  breachPoints: { type: 'integer', minimum: 0, maximum: 100, 'x-message': 'Give a breach between 0 and 100 penalty points' },
  creditPoints: { type: 'integer', minimum: 0, maximum: 100, 'x-message': 'Give a remedy between 0 and 100 credit points' },
  amberAt: { type: 'integer', minimum: 1, maximum: 1000, 'x-message': 'Set amber at a whole number of points from 1 to 1000' },
  redAt: { type: 'integer', minimum: 2, maximum: 1000, 'x-message': 'Set red at a whole number of points from 2 to 1000' },
  windowDays: { type: 'integer', minimum: 28, maximum: 1095, 'x-message': 'Count points over 28 to 1095 days' }
} as const
const settingsRequired = ['penaltyPoints', 'breachPoints', 'creditPoints', 'amberAt', 'redAt', 'windowDays'] as const

export const trafficLightSettingsBody = { type: 'object', properties: settingsProperties, required: settingsRequired, additionalProperties: false } as const
export const trafficLightSettingsSchema = {
  type: 'object',
  properties: {
    penaltyPoints: { type: 'object', additionalProperties: { type: 'integer' } },
    breachPoints: { type: 'integer' }, creditPoints: { type: 'integer' }, amberAt: { type: 'integer' }, redAt: { type: 'integer' }, windowDays: { type: 'integer' },
    /** The crime groups in force (flag settings), so the form can offer a value for each. */
    groups: { type: 'array', items: { type: 'string' } }
  },
  required: [...settingsRequired, 'groups']
} as const

export const trafficLightSchema = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer' },
    premisesName: { type: 'string' },
    light: { type: 'string', enum: TRAFFIC_LIGHTS },
    points: { type: 'integer' },
    penalty: { type: 'integer' },
    credit: { type: 'integer' },
    reasons: { type: 'array', items: reasonSchema },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    amberAt: { type: 'integer' },
    redAt: { type: 'integer' },
    /** When the premises took its current light (null before the first recomputation). */
    since: { type: ['string', 'null'], format: 'date-time' },
    history: { type: 'array', items: changeSchema },
    /** What earns credit, in words for the venue. */
    earnsCredit: { type: 'string' },
    settings: trafficLightSettingsSchema
  },
  required: ['premisesId', 'premisesName', 'light', 'points', 'penalty', 'credit', 'reasons', 'from', 'to', 'amberAt', 'redAt', 'since', 'history', 'earnsCredit', 'settings']
} as const

export const trafficLightQuery = { type: 'object', properties: { asOf: localDate }, additionalProperties: false } as const

export const creditBody = {
  type: 'object',
  properties: {
    note: { type: 'string', minLength: 1, maxLength: 4000, pattern: '\\S', 'x-message': 'Describe the remedy the venue put in place' },
    recordedOn: { ...localDate, 'x-message': 'Enter the date of the remedy, such as 2024-12-06' }
  },
  required: ['note'],
  additionalProperties: false
} as const

export const creditSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, premisesId: { type: 'integer' }, recordedOn: { type: 'string', format: 'date' }, note: { type: 'string' },
    userId: { type: ['integer', 'null'] }, createdAt: { type: 'string', format: 'date-time' }
  },
  required: ['id', 'premisesId', 'recordedOn', 'note', 'userId', 'createdAt']
} as const

export const lightListResponse = {
  type: 'object',
  properties: {
    items: { type: 'array', items: { type: 'object', properties: { premisesId: { type: 'integer' }, light: { type: 'string', enum: TRAFFIC_LIGHTS }, points: { type: 'integer' }, since: { type: 'string', format: 'date-time' } }, required: ['premisesId', 'light', 'points', 'since'] } },
    total: { type: 'integer' }
  },
  required: ['items', 'total']
} as const

export type TrafficLight = FromSchema<typeof trafficLightSchema>
export type TrafficLightReason = FromSchema<typeof reasonSchema>
export type TrafficLightSettings = FromSchema<typeof trafficLightSettingsBody>
export type TrafficLightCredit = FromSchema<typeof creditSchema>

/** The light for a number of points under the thresholds. */
export function lightFor (points: number, thresholds: { amberAt: number; redAt: number }): TrafficLightColour {
  return points >= thresholds.redAt ? 'red' : points >= thresholds.amberAt ? 'amber' : 'green'
}
