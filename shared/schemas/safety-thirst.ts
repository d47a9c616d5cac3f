// JSON Schemas and types of the Safety Thirst API (criteria sets, applications, progress).
// The statuses and legal transitions live here so the client shows only the actions allowed.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate } from './common.ts'
export const ST_STATUSES = ['draft', 'submitted', 'under_assessment', 'moderated', 'decided', 'expired', 'withdrawn'] as const
export type StStatus = typeof ST_STATUSES[number]
export const ST_TIERS = ['not_accredited', 'pass', 'commended', 'highly_commended'] as const
export const ST_LEVELS = ['essential', 'desired', 'bonus'] as const
export const ST_ANSWERS = ['yes', 'partly', 'no', 'na'] as const
export const ST_RESULTS = ['met', 'partly', 'not_met'] as const
export const CRITERIA_SET_STATUSES = ['draft', 'published', 'superseded'] as const
export type StTier = typeof ST_TIERS[number]
export type StLevel = typeof ST_LEVELS[number]
export type StAnswer = typeof ST_ANSWERS[number]
export type StResult = typeof ST_RESULTS[number]
export type CriteriaSetStatus = typeof CRITERIA_SET_STATUSES[number]
/** What an evidence file may be (checked by its first bytes on upload). */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain'] as const

/** The legal moves of the life cycle (the database holds the same list in st_transitions). */
export const ST_TRANSITIONS: Record<StStatus, StStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['under_assessment', 'withdrawn'],
  under_assessment: ['moderated', 'decided', 'withdrawn'],
  moderated: ['decided', 'withdrawn'],
  decided: ['expired'],
  expired: [],
  withdrawn: []
}

export const STATUS_LABELS: Record<StStatus, string> = {
  draft: 'Draft', submitted: 'Submitted', under_assessment: 'Under assessment', moderated: 'Moderated',
  decided: 'Decided', expired: 'Expired', withdrawn: 'Withdrawn'
}

const text = (max: number) => ({ type: 'string', maxLength: max }) as const
const code = { type: 'string', pattern: '^[A-Z]{1,4}[0-9]{1,3}$', 'x-message': 'Enter a criterion code of capital letters then numbers, like SP3' } as const
const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const
const anyObject = { type: 'object', additionalProperties: true } as const
const nullable = (type: string) => ({ type: [type, 'null'] }) as const

export const criterionSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, category: { type: 'string' }, level: { type: 'string', enum: ST_LEVELS }, text: { type: 'string' }, evidence: { type: 'string' }, retired: { type: 'boolean' } },
  required: ['code', 'category', 'level', 'text', 'evidence']
} as const

const rulesSchema = {
  type: 'object',
  properties: {
    commendedDesiredPct: { type: 'integer', minimum: 0, maximum: 100 },
    highlyCommendedDesiredPct: { type: 'integer', minimum: 0, maximum: 100 },
    highlyCommendedBonus: { type: 'integer', minimum: 0, maximum: 100 }
  },
  additionalProperties: false
} as const

const categorySchema = { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } } as const

export const currentCriteriaResponse = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, version: { type: 'string' },
    categories: { type: 'array', items: categorySchema },
    rules: rulesSchema,
    criteria: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, category: { type: 'string' }, level: { type: 'string' }, text: { type: 'string' }, evidence: { type: 'string' } }, required: ['code', 'category', 'level', 'text', 'evidence'] } }
  },
  required: ['version', 'criteria']
} as const

export const criteriaSetSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, version: { type: 'string' }, status: { type: 'string' },
    categories: { type: 'array', items: categorySchema }, rules: rulesSchema,
    createdAt: { type: 'string', format: 'date-time' }, publishedAt: { ...nullable('string'), format: 'date-time' },
    criteria: { type: 'array', items: criterionSchema }
  }
} as const

export const criteriaSetSummary = {
  type: 'object',
  properties: { id: { type: 'integer' }, version: { type: 'string' }, status: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, publishedAt: { ...nullable('string'), format: 'date-time' }, criteriaCount: { type: 'integer' } }
} as const

export const createSetBody = { type: 'object', properties: { version: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' } }, required: ['version'], additionalProperties: false } as const
export const updateSetBody = { type: 'object', properties: { version: createSetBody.properties.version, rules: rulesSchema }, additionalProperties: false } as const
export const addCriterionBody = {
  type: 'object',
  properties: { code, category: { type: 'string', minLength: 1, maxLength: 10 }, level: { type: 'string', enum: ST_LEVELS }, text: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' }, evidence: text(1000) },
  required: ['code', 'category', 'level', 'text'],
  additionalProperties: false
} as const
export const updateCriterionBody = {
  type: 'object',
  properties: { category: addCriterionBody.properties.category, level: addCriterionBody.properties.level, text: addCriterionBody.properties.text, evidence: text(1000), retired: { type: 'boolean' } },
  additionalProperties: false
} as const
export const setCodeParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, code }, required: ['id', 'code'], additionalProperties: false } as const
export const fileParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, fileId: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id', 'fileId'], additionalProperties: false } as const

export const settingsSchema = { type: 'object', properties: { target: { type: 'integer', minimum: 0, maximum: 100000 }, moderationRequired: { type: 'boolean' } } } as const
export const settingsBody = { ...settingsSchema, additionalProperties: false } as const

export const createApplicationBody = { type: 'object', properties: { premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 }, year }, required: ['premisesId'], additionalProperties: false } as const
export const listApplicationsQuery = {
  type: 'object',
  properties: { year, status: { type: 'string', enum: ST_STATUSES }, premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, maximum: 100000000, default: 0 } },
  additionalProperties: false
} as const

export const selfAssessmentBody = {
  type: 'object',
  properties: {
    answers: {
      type: 'array', maxItems: 500,
      items: { type: 'object', properties: { criterionCode: code, answer: { type: 'string', enum: ST_ANSWERS }, evidence: text(4000) }, required: ['criterionCode', 'answer'], additionalProperties: false }
    }
  },
  required: ['answers'],
  additionalProperties: false
} as const

const resultItem = { type: 'object', properties: { criterionCode: code, result: { type: 'string', enum: ST_RESULTS }, note: text(4000) }, required: ['criterionCode', 'result'], additionalProperties: false } as const
export const assessmentBody = {
  type: 'object',
  properties: {
    siteVisitDate: localDate,
    assessors: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 20 },
    agenciesConsulted: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 20 },
    note: text(4000),
    results: { type: 'array', items: resultItem, maxItems: 500 }
  },
  required: ['results'],
  additionalProperties: false
} as const
export const moderationBody = {
  type: 'object',
  properties: { confirm: { type: 'boolean' }, note: text(4000), results: { type: 'array', items: resultItem, maxItems: 500 } },
  required: ['confirm'],
  additionalProperties: false
} as const
export const withdrawBody = { type: 'object', properties: { reason: text(2000) }, additionalProperties: false } as const
export const decisionResponse = {
  type: 'object',
  properties: { tier: { type: 'string', enum: ST_TIERS }, validUntil: { type: 'string' }, certificateNumber: nullable('string'), reasons: anyObject, actionPlan: { type: 'array', items: anyObject } },
  required: ['tier', 'validUntil']
} as const

export const applicationSummary = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, premisesId: { type: 'integer' }, premisesName: { type: 'string' }, year: { type: 'integer' },
    status: { type: 'string', enum: ST_STATUSES }, tier: nullable('string'), criteriaSetId: { type: 'integer' }, criteriaVersion: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' }, submittedAt: { ...nullable('string'), format: 'date-time' },
    validUntil: nullable('string'), certificateNumber: nullable('string'), answered: { type: 'integer' }, criteriaCount: { type: 'integer' }
  },
  required: ['id', 'premisesId', 'year', 'status']
} as const

export const applicationDetail = {
  type: 'object',
  properties: {
    ...applicationSummary.properties,
    criteriaSet: criteriaSetSchema,
    answers: { type: 'array', items: { type: 'object', properties: { criterionCode: { type: 'string' }, answer: { type: 'string' }, evidence: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } } } },
    results: { type: 'array', items: { type: 'object', properties: { criterionCode: { type: 'string' }, result: { type: 'string' }, note: { type: 'string' } } } },
    evidenceFiles: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, criterionCode: nullable('string'), filename: { type: 'string' }, mimeType: { type: 'string' }, sizeBytes: { type: 'integer' }, uploadedAt: { type: 'string', format: 'date-time' } } } },
    assessment: anyObject,
    moderation: { ...anyObject, type: ['object', 'null'] },
    decision: { ...anyObject, type: ['object', 'null'] },
    withdrawal: { ...anyObject, type: ['object', 'null'] },
    allowedActions: { type: 'array', items: { type: 'string' } }
  },
  required: ['id', 'premisesId', 'year', 'status']
} as const

export const progressQuery = { type: 'object', properties: { year }, additionalProperties: false } as const
export const progressResponse = {
  type: 'object',
  properties: {
    year: { type: 'integer' }, target: { type: 'integer' }, accredited: { type: 'integer' }, applications: { type: 'integer' },
    byTier: { type: 'object', additionalProperties: { type: 'integer' } },
    byStatus: { type: 'object', additionalProperties: { type: 'integer' } }
  },
  required: ['year', 'target', 'accredited', 'byTier', 'byStatus']
} as const
export const venueRow = {
  type: 'object',
  properties: { premisesId: { type: 'integer' }, name: { type: 'string' }, address: { type: 'string' }, postcode: nullable('string'), licenceNumber: nullable('string'), tier: nullable('string'), validUntil: nullable('string'), certificateNumber: nullable('string'), status: nullable('string') }
} as const

export type NewApplication = FromSchema<typeof createApplicationBody>
export type AssessmentInput = FromSchema<typeof assessmentBody>
export type ModerationInput = FromSchema<typeof moderationBody>
export type CriteriaSetChanges = FromSchema<typeof updateSetBody>
export type NewCriterion = FromSchema<typeof addCriterionBody>
export type CriterionChanges = FromSchema<typeof updateCriterionBody>
export type SchemeSettingsChanges = FromSchema<typeof settingsBody>
