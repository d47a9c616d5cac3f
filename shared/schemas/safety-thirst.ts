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
const nullable = (type: string) => ({ type: [type, 'null'] }) as const

const activeCriterionProperties = { code: { type: 'string' }, category: { type: 'string' }, level: { type: 'string', enum: ST_LEVELS }, text: { type: 'string' }, evidence: { type: 'string' } } as const
export const criterionSchema = {
  type: 'object',
  properties: { ...activeCriterionProperties, retired: { type: 'boolean' } },
  required: ['code', 'category', 'level', 'text', 'evidence', 'retired']
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

/** The tier thresholds as every criteria set answers them (all three, always). */
const rulesResponse = { type: 'object', properties: rulesSchema.properties, required: ['commendedDesiredPct', 'highlyCommendedDesiredPct', 'highlyCommendedBonus'] } as const
const categorySchema = { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } }, required: ['code', 'title'] } as const
const setProperties = {
  id: { type: 'integer' }, version: { type: 'string' }, status: { type: 'string', enum: CRITERIA_SET_STATUSES },
  categories: { type: 'array', items: categorySchema }, rules: rulesResponse,
  createdAt: { type: 'string', format: 'date-time' }, publishedAt: { ...nullable('string'), format: 'date-time' }
} as const
const setRequired = ['id', 'version', 'status', 'categories', 'rules', 'createdAt', 'publishedAt', 'criteria'] as const

/** The current set with its active criteria only (no retired flag). */
export const currentCriteriaResponse = {
  type: 'object',
  properties: {
    ...setProperties,
    criteria: { type: 'array', items: { type: 'object', properties: activeCriterionProperties, required: ['code', 'category', 'level', 'text', 'evidence'] } }
  },
  required: setRequired
} as const

export const criteriaSetSchema = {
  type: 'object',
  properties: { ...setProperties, criteria: { type: 'array', items: criterionSchema } },
  required: setRequired
} as const

export const criteriaSetSummary = {
  type: 'object',
  properties: { id: setProperties.id, version: setProperties.version, status: setProperties.status, createdAt: setProperties.createdAt, publishedAt: setProperties.publishedAt, criteriaCount: { type: 'integer' } },
  required: ['id', 'version', 'status', 'createdAt', 'publishedAt', 'criteriaCount']
} as const
export const criteriaSetList = {
  type: 'object',
  properties: { items: { type: 'array', items: criteriaSetSummary }, total: { type: 'integer' } },
  required: ['items', 'total']
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

const settingsProperties = { target: { type: 'integer', minimum: 0, maximum: 100000 }, moderationRequired: { type: 'boolean' } } as const
export const settingsSchema = { type: 'object', properties: settingsProperties, required: ['target', 'moderationRequired'] } as const
export const settingsBody = { type: 'object', properties: settingsProperties, additionalProperties: false } as const

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
const strings = { type: 'array', items: { type: 'string' } } as const
/** Why the tier is what it is (computeTier's reasons in shared/safety-thirst/tier.ts). */
const tierReasonsProperties = {
  failedEssential: strings, desiredMet: { type: 'integer' }, desiredTotal: { type: 'integer' }, desiredPercent: { type: 'number' },
  bonusMet: { type: 'integer' }, unmet: strings, explanation: strings
} as const
const tierReasonsRequired = ['failedEssential', 'desiredMet', 'desiredTotal', 'desiredPercent', 'bonusMet', 'unmet', 'explanation'] as const
/** What a venue refused an award is to put in place, one item per criterion not met. */
const actionPlanSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      criterionCode: { type: 'string' }, level: { type: 'string', enum: ST_LEVELS }, priority: { type: 'string' }, text: { type: 'string' }, evidence: { type: 'string' },
      result: { type: 'string', enum: ST_RESULTS }, note: { type: 'string' }, action: { type: 'string' }
    },
    required: ['criterionCode', 'level', 'priority', 'text', 'evidence', 'result', 'note', 'action']
  }
} as const
const tier = { type: 'string', enum: ST_TIERS } as const
export const decisionResponse = {
  type: 'object',
  properties: {
    tier, validUntil: { type: 'string' }, certificateNumber: nullable('string'),
    reasons: { type: 'object', properties: tierReasonsProperties, required: tierReasonsRequired },
    actionPlan: actionPlanSchema
  },
  required: ['tier', 'validUntil', 'certificateNumber', 'reasons', 'actionPlan']
} as const

export const applicationSummary = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, premisesId: { type: 'integer' }, premisesName: { type: 'string' }, year: { type: 'integer' },
    status: { type: 'string', enum: ST_STATUSES }, tier: { type: ['string', 'null'], enum: [...ST_TIERS, null] }, criteriaSetId: { type: 'integer' }, criteriaVersion: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' }, submittedAt: { ...nullable('string'), format: 'date-time' },
    validUntil: nullable('string'), certificateNumber: nullable('string'), answered: { type: 'integer' }, criteriaCount: { type: 'integer' }
  },
  required: [
    'id', 'premisesId', 'premisesName', 'year', 'status', 'tier', 'criteriaSetId', 'criteriaVersion', 'createdAt', 'updatedAt', 'submittedAt',
    'validUntil', 'certificateNumber', 'answered', 'criteriaCount'
  ]
} as const

export const evidenceFileSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, criterionCode: nullable('string'), filename: { type: 'string' }, mimeType: { type: 'string' }, sizeBytes: { type: 'integer' }, uploadedAt: { type: 'string', format: 'date-time' } },
  required: ['id', 'criterionCode', 'filename', 'mimeType', 'sizeBytes', 'uploadedAt']
} as const

export const applicationDetail = {
  type: 'object',
  properties: {
    ...applicationSummary.properties,
    criteriaSet: criteriaSetSchema,
    answers: {
      type: 'array',
      items: { type: 'object', properties: { criterionCode: { type: 'string' }, answer: { type: 'string', enum: ST_ANSWERS }, evidence: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } }, required: ['criterionCode', 'answer', 'evidence', 'updatedAt'] }
    },
    results: {
      type: 'array',
      items: { type: 'object', properties: { criterionCode: { type: 'string' }, result: { type: 'string', enum: ST_RESULTS }, note: { type: 'string' } }, required: ['criterionCode', 'result', 'note'] }
    },
    evidenceFiles: { type: 'array', items: evidenceFileSchema },
    assessment: {
      type: 'object',
      properties: {
        siteVisitDate: nullable('string'), assessors: strings, agenciesConsulted: strings, note: nullable('string'),
        assessedBy: nullable('integer'), assessedByName: nullable('string'), assessedAt: { ...nullable('string'), format: 'date-time' }
      },
      required: ['siteVisitDate', 'assessors', 'agenciesConsulted', 'note', 'assessedBy', 'assessedByName', 'assessedAt']
    },
    /** Once moderated, and only to those who may see the results. */
    moderation: {
      type: ['object', 'null'],
      properties: { confirmed: nullable('boolean'), note: nullable('string'), moderatedBy: nullable('integer'), moderatedByName: nullable('string'), moderatedAt: { type: 'string', format: 'date-time' } },
      required: ['confirmed', 'note', 'moderatedBy', 'moderatedByName', 'moderatedAt']
    },
    /** Once decided (or expired). */
    decision: {
      type: ['object', 'null'],
      properties: {
        tier, validUntil: { type: 'string' }, certificateNumber: nullable('string'),
        reasons: {
          type: 'object',
          properties: { ...tierReasonsProperties, rules: rulesResponse, criteriaVersion: { type: 'string' } },
          required: [...tierReasonsRequired, 'rules', 'criteriaVersion']
        },
        actionPlan: actionPlanSchema, decidedAt: { type: 'string', format: 'date-time' }, decidedByName: nullable('string')
      },
      required: ['tier', 'validUntil', 'certificateNumber', 'reasons', 'actionPlan', 'decidedAt', 'decidedByName']
    },
    withdrawal: {
      type: ['object', 'null'],
      properties: { at: { type: 'string', format: 'date-time' }, from: { type: 'string', enum: ST_STATUSES }, reason: nullable('string') },
      required: ['at', 'from', 'reason']
    },
    allowedActions: strings
  },
  required: [...applicationSummary.required, 'criteriaSet', 'answers', 'results', 'evidenceFiles', 'assessment', 'moderation', 'decision', 'withdrawal', 'allowedActions']
} as const

export const progressQuery = { type: 'object', properties: { year }, additionalProperties: false } as const
export const progressResponse = {
  type: 'object',
  properties: {
    year: { type: 'integer' }, target: { type: 'integer' }, accredited: { type: 'integer' }, applications: { type: 'integer' },
    byTier: { type: 'object', properties: Object.fromEntries(ST_TIERS.map(t => [t, { type: 'integer' }])) as Record<StTier, { type: 'integer' }>, required: ST_TIERS },
    byStatus: { type: 'object', properties: Object.fromEntries(ST_STATUSES.map(s => [s, { type: 'integer' }])) as Record<StStatus, { type: 'integer' }>, required: ST_STATUSES }
  },
  required: ['year', 'target', 'accredited', 'applications', 'byTier', 'byStatus']
} as const
/** A venue on the not-taking-part list (no award, so tier to status are null) or the levy list (status decided). */
export const venueRow = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer' }, name: { type: 'string' }, address: { type: 'string' }, postcode: nullable('string'), licenceNumber: nullable('string'),
    tier: applicationSummary.properties.tier, validUntil: nullable('string'), certificateNumber: nullable('string'), status: { type: ['string', 'null'], enum: [...ST_STATUSES, null] }
  },
  required: ['premisesId', 'name', 'address', 'postcode', 'licenceNumber', 'tier', 'validUntil', 'certificateNumber', 'status']
} as const

export type NewApplication = FromSchema<typeof createApplicationBody>
export type AssessmentInput = FromSchema<typeof assessmentBody>
export type ModerationInput = FromSchema<typeof moderationBody>
export type CriteriaSetChanges = FromSchema<typeof updateSetBody>
export type NewCriterion = FromSchema<typeof addCriterionBody>
export type CriterionChanges = FromSchema<typeof updateCriterionBody>
export type SchemeSettingsChanges = FromSchema<typeof settingsBody>
