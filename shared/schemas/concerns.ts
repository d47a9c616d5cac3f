// Concerns reported by residents and businesses: the public report (api.md "Concerns, mail and
// accounts"), the public case page, and the officers' triage. The schemas bound every field; the
// service checks the rules a person can get wrong and answers in plain words.
import type { FromSchema } from 'json-schema-to-ts'
import { DAYS } from './premises.ts'

export const CONCERN_KINDS = ['noise_music', 'noise_people', 'noise_deliveries', 'noise_plant', 'anti_social_behaviour', 'other'] as const
export type ConcernKind = typeof CONCERN_KINDS[number]

export const CONCERN_KIND_LABELS: Record<ConcernKind, string> = {
  noise_music: 'Noise: music',
  noise_people: 'Noise: people outside',
  noise_deliveries: 'Noise: deliveries or collections',
  noise_plant: 'Noise: plant or machinery',
  anti_social_behaviour: 'Anti-social behaviour',
  other: 'Something else'
}

/** The plan a substantiated concern counts against (noise plans cover music, deliveries and plant; dispersal covers people leaving and outside). */
export const PLAN_OF_KIND: Record<ConcernKind, 'noise_management_plan' | 'dispersal_policy' | null> = {
  noise_music: 'noise_management_plan',
  noise_deliveries: 'noise_management_plan',
  noise_plant: 'noise_management_plan',
  noise_people: 'dispersal_policy',
  anti_social_behaviour: 'dispersal_policy',
  other: null
}

/** unconfirmed until the reporter follows the email link; nobody but the reporter sees it before. */
export const CONCERN_STATUSES = ['unconfirmed', 'received', 'investigating', 'action_taken', 'closed'] as const
export type ConcernStatus = typeof CONCERN_STATUSES[number]
export const OFFICER_STATUSES = ['received', 'investigating', 'action_taken', 'closed'] as const
export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  unconfirmed: 'Waiting for email confirmation',
  received: 'Received',
  investigating: 'Being investigated',
  action_taken: 'Action taken',
  closed: 'Closed'
}

export const CLOSE_REASONS = ['resolved', 'no_further_action', 'not_substantiated', 'not_licensing', 'duplicate', 'abusive', 'withdrawn'] as const
export type CloseReason = typeof CLOSE_REASONS[number]
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  resolved: 'Resolved',
  no_further_action: 'No further action needed',
  not_substantiated: 'Could not be substantiated',
  not_licensing: 'Not a licensing matter (passed on)',
  duplicate: 'Joined with another report',
  abusive: 'Not accepted (abusive or false)',
  withdrawn: 'Withdrawn by the reporter'
}

const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', 'x-message': 'Enter a time on the 24-hour clock, like 23:30' } as const

export const concernPatternSchema = {
  type: 'object',
  properties: {
    days: { type: 'array', items: { type: 'string', enum: DAYS }, uniqueItems: true, minItems: 1, maxItems: 7, 'x-message': 'Choose the days it happens on' },
    from: time,
    to: time
  },
  required: ['days', 'from', 'to'],
  additionalProperties: false
} as const

export const reportConcernBody = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: CONCERN_KINDS, 'x-message': 'Choose what the concern is about' },
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647, 'x-message': 'Choose a venue from the list' },
    location: {
      type: 'object',
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90, 'x-message': 'Put the pin on the map where it happens' },
        lng: { type: 'number', minimum: -180, maximum: 180, 'x-message': 'Put the pin on the map where it happens' },
        accuracyM: { type: 'number', minimum: 0, maximum: 100000, 'x-message': 'Say how sure you are of the place, in metres' }
      },
      required: ['lat', 'lng'],
      additionalProperties: false
    },
    locationText: { type: 'string', maxLength: 500, 'x-message': 'Keep the description of the place to 300 characters or fewer' },
    happeningNow: { type: 'boolean' },
    occurredAt: { type: 'string', maxLength: 40, 'x-message': 'Enter the date and time, for example 6 December 2026 at 01:00' },
    pattern: concernPatternSchema,
    description: { type: 'string', maxLength: 20000, 'x-message': 'Keep the description to 5,000 characters or fewer' },
    reporter: {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 500, 'x-message': 'Keep your name to 200 characters or fewer' },
        email: { type: 'string', maxLength: 500, 'x-message': 'Enter an email address like name@example.com' },
        anonymousToVenue: { type: 'boolean' }
      },
      required: ['email'],
      additionalProperties: false
    },
    /** A field people never see: a form that fills it in was filled by a program. */
    website: { type: 'string', maxLength: 2000 }
  },
  required: ['kind', 'description', 'reporter'],
  additionalProperties: false
} as const
export type ReportConcernInput = FromSchema<typeof reportConcernBody>

export const referenceSchema = { type: 'object', properties: { reference: { type: 'string' } }, required: ['reference'] } as const

export const tokenBody = {
  type: 'object',
  properties: { token: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['token'],
  additionalProperties: false
} as const

export const confirmResponse = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    alreadyConfirmed: { type: 'boolean' },
    /** The case page (with its reading key), for following the report. */
    caseLink: { type: 'string' }
  },
  required: ['reference', 'alreadyConfirmed', 'caseLink']
} as const

export const caseParams = {
  type: 'object',
  properties: { reference: { type: 'string', pattern: '^NS-[A-Z0-9]{6}$' } },
  required: ['reference'],
  additionalProperties: false
} as const

export const caseQuery = {
  type: 'object',
  properties: { key: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['key'],
  additionalProperties: false
} as const

const publicUpdate = {
  type: 'object',
  properties: { at: { type: 'string', format: 'date-time' }, status: { type: ['string', 'null'] }, text: { type: 'string' } },
  required: ['at', 'status', 'text']
} as const

/** What the holder of the case link reads: no description, no reporter details. */
export const publicCaseSchema = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    kind: { type: 'string', enum: CONCERN_KINDS },
    status: { type: 'string', enum: CONCERN_STATUSES },
    closeReason: { type: ['string', 'null'] },
    receivedAt: { type: 'string', format: 'date-time' },
    premisesName: { type: ['string', 'null'] },
    joinedWith: { type: ['string', 'null'] },
    updates: { type: 'array', items: publicUpdate }
  },
  required: ['reference', 'kind', 'status', 'closeReason', 'receivedAt', 'premisesName', 'joinedWith', 'updates']
} as const
export type PublicCase = FromSchema<typeof publicCaseSchema>
