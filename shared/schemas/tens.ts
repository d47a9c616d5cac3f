// JSON Schemas and types of Temporary Event Notices (casework domain). Times are local
// wall-clock 'YYYY-MM-DDTHH:mm' in TZ_LOCAL; the service checks them and answers in words.
import type { FromSchema } from 'json-schema-to-ts'
import { LICENSING_OBJECTIVES } from './licence-applications.ts'
import { pagingQuery } from './common.ts'
import { hearingSchema } from './cases.ts'

export const TEN_ACTIVITIES = ['alcohol', 'regulated_entertainment', 'late_night_refreshment'] as const
export type TenActivity = typeof TEN_ACTIVITIES[number]
export const TEN_STATUSES = ['received', 'objected', 'counter_notice', 'cleared', 'withdrawn'] as const

const localTime = { type: 'string', minLength: 1, maxLength: 25 } as const

export const tenBody = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    premisesUser: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
        personalLicenceHolder: { type: 'boolean' }
      },
      required: ['name', 'personalLicenceHolder'],
      additionalProperties: false
    },
    givenOn: { type: 'string', maxLength: 10 },
    startsAt: localTime,
    endsAt: localTime,
    // The 499 limit is a 422 naming it (TEN_LIMIT_REACHED), not a schema error.
    maxPeople: { type: 'integer', minimum: 1, maximum: 1000000 },
    activities: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { type: 'string', enum: TEN_ACTIVITIES } }
  },
  required: ['premisesId', 'premisesUser', 'startsAt', 'endsAt', 'maxPeople', 'activities'],
  additionalProperties: false
} as const

export const tenObjectionBody = {
  type: 'object',
  properties: {
    objectives: { type: 'array', minItems: 1, maxItems: 4, uniqueItems: true, items: { type: 'string', enum: LICENSING_OBJECTIVES } },
    text: { type: 'string', minLength: 1, maxLength: 10000, pattern: '\\S' }
  },
  required: ['objectives', 'text'],
  additionalProperties: false
} as const

export const tenOutcomeBody = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['counter_notice', 'cleared'] },
    reasons: { type: 'string', minLength: 1, maxLength: 10000, pattern: '\\S' },
    // The premises user, the objector and the authority agreed a hearing is unnecessary (s.105(2)(a)).
    hearingDispensed: { type: 'boolean' }
  },
  required: ['outcome', 'reasons'],
  additionalProperties: false
} as const

export const tenWithdrawalBody = {
  type: 'object',
  properties: { note: { type: 'string', maxLength: 5000 } },
  additionalProperties: false
} as const

export const tenListQuery = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    status: { type: 'string', enum: TEN_STATUSES },
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
    ...pagingQuery
  },
  additionalProperties: false
} as const

const objectionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, organisation: { type: 'string' }, objectives: { type: 'array', items: { type: 'string' } },
    text: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }
  },
  required: ['id', 'organisation', 'objectives', 'text', 'createdAt'],
  additionalProperties: false
} as const

export const tenSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    premisesId: { type: 'integer' },
    premisesName: { type: 'string' },
    premisesAddress: { type: 'string' },
    lat: { type: ['number', 'null'] },
    lng: { type: ['number', 'null'] },
    premisesUser: { type: 'object', properties: { name: { type: 'string' }, personalLicenceHolder: { type: 'boolean' } }, required: ['name', 'personalLicenceHolder'], additionalProperties: false },
    kind: { type: 'string', enum: ['standard', 'late'] },
    status: { type: 'string', enum: TEN_STATUSES },
    givenOn: { type: 'string' },
    startsAt: { type: 'string' },
    endsAt: { type: 'string' },
    maxPeople: { type: 'integer' },
    activities: { type: 'array', items: { type: 'string', enum: TEN_ACTIVITIES } },
    objectionDeadline: { type: 'string' },
    counterNoticeDeadline: { type: 'string' },
    objectionPeriodOpen: { type: 'boolean' },
    objections: { type: 'array', items: objectionSchema },
    outcomeReasons: { type: ['string', 'null'] },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
    /** The last moment the premises user may withdraw it (24 hours before the event, s.103). */
    withdrawalDeadline: { type: 'string' },
    withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
    /** After an objection to a standard notice: when the hearing must be (s.105, Hearings Regs Sch. 1), and the hearing once set. */
    hearingWindow: { anyOf: [{ type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'], additionalProperties: false }, { type: 'null' }] },
    hearing: { anyOf: [hearingSchema, { type: 'null' }] }
  },
  required: ['id', 'premisesId', 'premisesName', 'premisesAddress', 'lat', 'lng', 'premisesUser', 'kind', 'status', 'givenOn', 'startsAt', 'endsAt', 'maxPeople', 'activities', 'objectionDeadline', 'counterNoticeDeadline', 'objectionPeriodOpen', 'objections', 'outcomeReasons', 'decidedAt', 'withdrawalDeadline', 'withdrawnAt', 'hearingWindow', 'hearing'],
  additionalProperties: false
} as const

export type Ten = FromSchema<typeof tenSchema>
export type NewTen = FromSchema<typeof tenBody>
export type TenObjectionBody = FromSchema<typeof tenObjectionBody>
export type TenOutcomeBody = FromSchema<typeof tenOutcomeBody>
export type TenWithdrawal = FromSchema<typeof tenWithdrawalBody>
export type TenListQuery = FromSchema<typeof tenListQuery>
