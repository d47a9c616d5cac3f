// The officers' side of concerns (queue, case, triage, updates, merge, settings) and what a venue
// manager reads about its own premises (never the reporter's details or words).
import type { FromSchema } from 'json-schema-to-ts'
import { CLOSE_REASONS, CONCERN_KINDS, CONCERN_STATUSES, OFFICER_STATUSES, concernPatternSchema } from './concerns.ts'

const ref = { type: ['object', 'null'], properties: { id: { type: 'integer' }, reference: { type: 'string' } }, required: ['id', 'reference'] } as const
const point = { type: ['object', 'null'], properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] } as const

const concernProperties = {
  id: { type: 'integer' },
  reference: { type: 'string' },
  kind: { type: 'string', enum: CONCERN_KINDS },
  status: { type: 'string', enum: CONCERN_STATUSES },
  closeReason: { type: ['string', 'null'], enum: [...CLOSE_REASONS, null] },
  substantiated: { type: ['boolean', 'null'] },
  abusive: { type: 'boolean' },
  premisesId: { type: ['integer', 'null'] },
  premisesName: { type: ['string', 'null'] },
  location: point,
  accuracyM: { type: ['number', 'null'] },
  locationText: { type: ['string', 'null'] },
  happeningNow: { type: 'boolean' },
  occurredAt: { type: ['string', 'null'], format: 'date-time' },
  pattern: { ...concernPatternSchema, type: ['object', 'null'] },
  description: { type: 'string' },
  reporter: {
    type: 'object',
    properties: { name: { type: ['string', 'null'] }, email: { type: 'string' }, anonymousToVenue: { type: 'boolean' } },
    required: ['name', 'email', 'anonymousToVenue']
  },
  receivedAt: { type: ['string', 'null'], format: 'date-time' },
  duplicateOf: ref,
  repeatOf: ref,
  incidentId: { type: ['integer', 'null'] }
} as const

export const concernSchema = {
  type: 'object',
  properties: concernProperties,
  required: Object.keys(concernProperties) as (keyof typeof concernProperties)[]
} as const
export type Concern = FromSchema<typeof concernSchema>

export const concernUpdateSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    authorName: { type: ['string', 'null'] },
    status: { type: ['string', 'null'] },
    closeReason: { type: ['string', 'null'] },
    publicText: { type: ['string', 'null'] },
    internalNote: { type: ['string', 'null'] },
    emailed: { type: 'integer', description: 'How many reporters were emailed the public text' }
  },
  required: ['id', 'at', 'authorName', 'status', 'closeReason', 'publicText', 'internalNote', 'emailed']
} as const

export const suggestionSchema = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer' },
    name: { type: 'string' },
    address: { type: 'string' },
    distanceM: { type: 'integer' },
    trading: { type: ['boolean', 'null'], description: 'Open at the time of the concern (null: the time or the hours are not known)' },
    reason: { type: 'string' }
  },
  required: ['premisesId', 'name', 'address', 'distanceM', 'trading', 'reason']
} as const
export type Suggestion = FromSchema<typeof suggestionSchema>

export const concernDetailSchema = {
  type: 'object',
  properties: {
    ...concernProperties,
    updates: { type: 'array', items: concernUpdateSchema },
    duplicates: { type: 'array', items: ref },
    repeats: { type: 'array', items: ref },
    suggestions: { type: 'array', items: suggestionSchema }
  },
  required: [...concernSchema.required, 'updates', 'duplicates', 'repeats', 'suggestions']
} as const

export const concernListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...OFFICER_STATUSES, 'open'] },
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 100000000, default: 0 }
  },
  additionalProperties: false
} as const

export const concernListResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: concernSchema }, total: { type: 'integer' } },
  required: ['items', 'total']
} as const

export const triageBody = {
  type: 'object',
  properties: {
    premisesId: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 },
    substantiated: { type: ['boolean', 'null'] }
  },
  required: ['premisesId'],
  additionalProperties: false
} as const

export const concernUpdateBody = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: OFFICER_STATUSES },
    closeReason: { type: 'string', enum: CLOSE_REASONS },
    substantiated: { type: ['boolean', 'null'] },
    publicText: { type: 'string', maxLength: 5000 },
    internalNote: { type: 'string', maxLength: 5000 }
  },
  minProperties: 1,
  additionalProperties: false
} as const
export type ConcernUpdateInput = FromSchema<typeof concernUpdateBody>

export const mergeBody = {
  type: 'object',
  properties: { intoId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['intoId'],
  additionalProperties: false
} as const

export const abusiveBody = {
  type: 'object',
  properties: { note: { type: 'string', maxLength: 2000 } },
  required: ['note'],
  additionalProperties: false
} as const

export const concernSettingsSchema = {
  type: 'object',
  properties: {
    threshold: { type: 'integer', minimum: 1, maximum: 100 },
    periodDays: { type: 'integer', minimum: 7, maximum: 730 }
  },
  required: ['threshold', 'periodDays'],
  additionalProperties: false
} as const
export type ConcernSettings = FromSchema<typeof concernSettingsSchema>

/** A concern as the venue manager reads it: what, when and how it stands, never who or their words. */
export const venueConcernSchema = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    kind: { type: 'string', enum: CONCERN_KINDS },
    status: { type: 'string', enum: CONCERN_STATUSES },
    closeReason: { type: ['string', 'null'] },
    substantiated: { type: ['boolean', 'null'] },
    receivedAt: { type: 'string', format: 'date-time' },
    when: { type: 'string', description: 'When it happened, in words' },
    countsAgainst: { type: ['string', 'null'], enum: ['noise_management_plan', 'dispersal_policy', null] }
  },
  required: ['reference', 'kind', 'status', 'closeReason', 'substantiated', 'receivedAt', 'when', 'countsAgainst']
} as const

export const venueConcernsResponse = {
  type: 'object',
  properties: {
    items: { type: 'array', items: venueConcernSchema },
    total: { type: 'integer' },
    threshold: { type: 'integer' },
    periodDays: { type: 'integer' },
    substantiatedInPeriod: {
      type: 'object',
      properties: { noise_management_plan: { type: 'integer' }, dispersal_policy: { type: 'integer' } },
      required: ['noise_management_plan', 'dispersal_policy']
    }
  },
  required: ['items', 'total', 'threshold', 'periodDays', 'substantiatedInPeriod']
} as const

export const concernMapQuery = {
  type: 'object',
  properties: { status: { type: 'string', enum: [...OFFICER_STATUSES, 'open'], default: 'open' } },
  additionalProperties: false
} as const

export const concernMapResponse = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['Feature'] },
          geometry: { type: 'object', properties: { type: { type: 'string' }, coordinates: { type: 'array', items: { type: 'number' } } } },
          properties: {
            type: 'object',
            properties: { id: { type: 'integer' }, reference: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' }, premisesId: { type: ['integer', 'null'] }, accuracyM: { type: ['number', 'null'] } }
          }
        }
      }
    }
  },
  required: ['type', 'features']
} as const

export type ConcernDetail = FromSchema<typeof concernDetailSchema>
export type VenueConcerns = FromSchema<typeof venueConcernsResponse>
