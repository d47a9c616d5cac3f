// JSON Schemas and types of licence applications (plans domain): the body with the operating
// schedule for the four licensing objectives, status changes, list query and the response.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate, pagingQuery } from './common.ts'

export const LICENCE_APPLICATION_STATUSES = ['received', 'under_consultation', 'granted', 'refused', 'withdrawn'] as const
export type LicenceApplicationStatus = typeof LICENCE_APPLICATION_STATUSES[number]
export const LICENCE_APPLICATION_KINDS = ['new', 'variation'] as const
export type LicenceApplicationKind = typeof LICENCE_APPLICATION_KINDS[number]
export const LICENSING_OBJECTIVES = ['crime_disorder', 'public_safety', 'public_nuisance', 'protection_of_children'] as const

const objectiveText = { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' } as const
/** How each objective's part of the operating schedule is named in messages and forms. */
const OBJECTIVE_LABELS: Record<typeof LICENSING_OBJECTIVES[number], string> = {
  crime_disorder: 'steps to prevent crime and disorder',
  public_safety: 'steps for public safety',
  public_nuisance: 'steps to prevent public nuisance',
  protection_of_children: 'steps to protect children from harm'
}

export const licenceApplicationBody = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    kind: { type: 'string', enum: LICENCE_APPLICATION_KINDS },
    applicantName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    activities: {
      type: 'array',
      minItems: 1,
      maxItems: 30,
      items: {
        type: 'object',
        properties: {
          activity: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
          hours: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' }
        },
        required: ['activity', 'hours'],
        additionalProperties: false
      }
    },
    operatingSchedule: {
      type: 'object',
      properties: Object.fromEntries(LICENSING_OBJECTIVES.map(o => [o, { ...objectiveText, 'x-label': OBJECTIVE_LABELS[o] }])),
      required: [...LICENSING_OBJECTIVES],
      additionalProperties: false
    },
    consultationStartDate: localDate
  },
  required: ['premisesId', 'kind', 'applicantName', 'activities', 'operatingSchedule', 'consultationStartDate'],
  additionalProperties: false
} as const

export const licenceStatusBody = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['under_consultation', 'granted', 'refused', 'withdrawn'] },
    note: { type: 'string', maxLength: 5000 }
  },
  required: ['status'],
  additionalProperties: false
} as const

export const licenceListQuery = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    status: { type: 'string', enum: LICENCE_APPLICATION_STATUSES },
    ...pagingQuery
  },
  additionalProperties: false
} as const

const planRef = { type: 'object', properties: { id: { type: 'integer' }, version: { type: 'integer' }, status: { type: 'string' } }, required: ['id', 'version'] } as const

export const licenceApplicationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    premisesId: { type: 'integer' },
    premisesName: { type: 'string' },
    kind: { type: 'string', enum: LICENCE_APPLICATION_KINDS },
    status: { type: 'string', enum: LICENCE_APPLICATION_STATUSES },
    applicantName: { type: 'string' },
    activities: { type: 'array', items: { type: 'object', properties: { activity: { type: 'string' }, hours: { type: 'string' } }, required: ['activity', 'hours'] } },
    operatingSchedule: { type: 'object', properties: Object.fromEntries(LICENSING_OBJECTIVES.map(o => [o, { type: 'string' }])) },
    consultationStartDate: { type: 'string' },
    representationPeriodEnds: { type: 'string' },
    noisePlan: planRef,
    dispersalPolicy: planRef,
    submittedBy: { type: ['integer', 'null'] },
    decidedBy: { type: ['integer', 'null'] },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
    decisionNote: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    /** Its licensing case (representations, hearing, decision). */
    caseId: { type: ['integer', 'null'] },
    /** When a hearing must start if relevant representations stand (Hearings Regs Sch. 1). */
    hearingWindow: { anyOf: [{ type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'] }, { type: 'null' }] },
    hearingNeeded: { type: 'boolean' },
    hearingOn: { type: ['string', 'null'] },
    /** Once decided: the last day to appeal (LA 2003 Sch. 5 para. 9(2)). */
    appealDeadline: { type: ['string', 'null'] }
  },
  required: [
    'id', 'premisesId', 'kind', 'status', 'applicantName', 'activities', 'operatingSchedule', 'consultationStartDate', 'representationPeriodEnds', 'noisePlan', 'dispersalPolicy',
    'submittedBy', 'decidedBy', 'decidedAt', 'decisionNote', 'createdAt', 'caseId', 'hearingWindow', 'hearingNeeded', 'hearingOn', 'appealDeadline'
  ]
} as const

export interface LicenceApplication {
  id: number
  premisesId: number
  premisesName?: string
  kind: LicenceApplicationKind
  status: LicenceApplicationStatus
  applicantName: string
  activities: { activity: string; hours: string }[]
  operatingSchedule: Record<typeof LICENSING_OBJECTIVES[number], string>
  consultationStartDate: string
  representationPeriodEnds: string
  noisePlan: { id: number; version: number; status?: string }
  dispersalPolicy: { id: number; version: number; status?: string }
  submittedBy: number | null
  decidedBy: number | null
  decidedAt: string | Date | null
  decisionNote: string | null
  createdAt: string | Date
  caseId: number | null
  hearingWindow: { from: string; to: string } | null
  hearingNeeded: boolean
  hearingOn: string | null
  appealDeadline: string | null
}

export type NewLicenceApplication = FromSchema<typeof licenceApplicationBody>
export type LicenceStatusChange = FromSchema<typeof licenceStatusBody>
export type LicenceListQuery = FromSchema<typeof licenceListQuery>
