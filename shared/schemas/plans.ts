// JSON Schemas and types of the plans domain: plan documents (built per kind from the shared
// templates, so unknown section keys are a 400 naming the field) and licence applications.
import { PLAN_FIELD_LABELS, PLAN_KINDS, PLAN_STATUSES, PLAN_TEMPLATES, templateFields, type PlanFields, type PlanKind, type PlanStatus } from '../plans/templates.ts'
import { DIFF_OPS } from '../plans/diff.ts'
import type { FromSchema } from 'json-schema-to-ts'
import { localDate } from './common.ts'

export * from './licence-applications.ts'

const SECTION_TEXT = { type: 'string', maxLength: 20000 } as const
const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const

function fieldSchema (field: keyof typeof PLAN_FIELD_LABELS) {
  if (field === 'reviewDate') return { anyOf: [localDate, { type: 'null' }] } as const
  if (field === 'complaintContactNumber') return { type: ['string', 'null'], maxLength: 40, pattern: '^$|^[0-9+() -]{6,40}$', 'x-message': 'Enter a phone number of at least 6 digits, like 020 7606 3030' } as const
  return nullableText(500)
}

/** Body of PUT /premises/:id/noise-plan or /dispersal-policy for one kind. */
export function planBody (kind: PlanKind) {
  const sectionKeys = PLAN_TEMPLATES[kind].sections.map(s => s.key)
  return {
    type: 'object',
    properties: {
      sections: {
        type: 'object',
        properties: Object.fromEntries(sectionKeys.map(key => [key, SECTION_TEXT])),
        additionalProperties: false
      },
      fields: {
        type: 'object',
        properties: Object.fromEntries(templateFields(kind).map(field => [field, fieldSchema(field)])),
        additionalProperties: false
      },
      draft: { type: 'boolean', default: false }
    },
    required: ['sections'],
    additionalProperties: false
  } as const
}

export const planKindParams = {
  type: 'object',
  properties: { kind: { type: 'string', enum: PLAN_KINDS } },
  required: ['kind'],
  additionalProperties: false
} as const

export const versionParams = {
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1, maximum: 2147483647 },
    version: { type: 'integer', minimum: 1, maximum: 2147483647 }
  },
  required: ['id', 'version'],
  additionalProperties: false
} as const

export const approveBody = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 2147483647 },
    reviewDue: localDate,
    note: { type: 'string', maxLength: 2000 }
  },
  additionalProperties: false
} as const

export function returnBody (kind: PlanKind) {
  const sectionKeys = PLAN_TEMPLATES[kind].sections.map(s => s.key)
  return {
    type: 'object',
    properties: {
      version: { type: 'integer', minimum: 1, maximum: 2147483647 },
      comments: {
        type: 'object',
        properties: Object.fromEntries([...sectionKeys, 'general'].map(key => [key, { type: 'string', maxLength: 5000 } as const])),
        additionalProperties: false,
        minProperties: 1,
        'x-message': 'Write a comment on at least one section, or a general comment'
      }
    },
    required: ['comments'],
    additionalProperties: false
  } as const
}

export const templateResponse = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    title: { type: 'string' },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: { type: 'string' }, title: { type: 'string' }, guidance: { type: 'string' }, required: { type: 'boolean' }, fields: { type: 'array', items: { type: 'string' } } },
        required: ['key', 'title', 'guidance', 'required']
      }
    }
  },
  required: ['kind', 'sections']
} as const

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const

export const planDocumentSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    premisesId: { type: 'integer' },
    kind: { type: 'string', enum: PLAN_KINDS },
    version: { type: 'integer' },
    status: { type: 'string', enum: PLAN_STATUSES },
    current: { type: 'boolean' },
    sections: stringMap,
    fields: {
      type: 'object',
      properties: Object.fromEntries(Object.keys(PLAN_FIELD_LABELS).map(f => [f, { type: ['string', 'null'] }]))
    },
    reviewComments: stringMap,
    submittedBy: { type: ['integer', 'null'] },
    submittedByName: { type: ['string', 'null'] },
    submittedAt: { type: ['string', 'null'], format: 'date-time' },
    reviewedBy: { type: ['integer', 'null'] },
    reviewedByName: { type: ['string', 'null'] },
    reviewedAt: { type: ['string', 'null'], format: 'date-time' },
    reviewDue: { type: ['string', 'null'] },
    overdue: { type: 'boolean' },
    overdueSince: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' }
  },
  required: [
    'id', 'premisesId', 'kind', 'version', 'status', 'current', 'sections', 'fields', 'reviewComments', 'submittedBy', 'submittedByName', 'submittedAt',
    'reviewedBy', 'reviewedByName', 'reviewedAt', 'reviewDue', 'overdue', 'overdueSince', 'createdAt'
  ]
} as const

export const premisesPlansResponse = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer' },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: PLAN_KINDS },
          current: { anyOf: [planDocumentSchema, { type: 'null' }] },
          latest: { anyOf: [planDocumentSchema, { type: 'null' }] }
        },
        required: ['kind', 'current', 'latest']
      }
    }
  },
  required: ['premisesId', 'documents']
} as const

export const diffResponse = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: PLAN_KINDS },
    version: { type: 'integer' },
    previousVersion: { type: ['integer', 'null'] },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          title: { type: 'string' },
          changed: { type: 'boolean' },
          parts: { type: 'array', items: { type: 'object', properties: { op: { type: 'string', enum: DIFF_OPS }, text: { type: 'string' } }, required: ['op', 'text'] } }
        },
        required: ['key', 'title', 'changed', 'parts']
      }
    },
    fields: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, before: { type: ['string', 'null'] }, after: { type: ['string', 'null'] } }, required: ['field', 'before', 'after'] }
    }
  },
  required: ['kind', 'version', 'previousVersion', 'sections', 'fields']
} as const

export const queueResponse = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['plan', 'licence_application'] },
          id: { type: 'integer' },
          premisesId: { type: 'integer' },
          premisesName: { type: 'string' },
          kind: { type: 'string' },
          version: { type: ['integer', 'null'] },
          status: { type: 'string' },
          since: { type: 'string', format: 'date-time' }
        },
        required: ['type', 'id', 'premisesId', 'premisesName', 'kind', 'version', 'status', 'since']
      }
    },
    total: { type: 'integer' }
  },
  required: ['items', 'total']
} as const

export const overdueResponse = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          premisesId: { type: 'integer' },
          premisesName: { type: 'string' },
          location: { anyOf: [{ type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] }, { type: 'null' }] },
          documents: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, kind: { type: 'string', enum: PLAN_KINDS }, version: { type: 'integer' }, reviewDue: { type: 'string' } }, required: ['id', 'kind', 'version', 'reviewDue'] } }
        },
        required: ['premisesId', 'premisesName', 'location', 'documents']
      }
    },
    total: { type: 'integer' }
  },
  required: ['items', 'total']
} as const

// ---- Types both sides use ----------------------------------------------------------------

export type PlanDocument = {
  id: number
  premisesId: number
  kind: PlanKind
  version: number
  status: PlanStatus
  current: boolean
  sections: Record<string, string>
  fields: PlanFields
  reviewComments: Record<string, string>
  submittedBy: number | null
  submittedByName: string | null
  submittedAt: string | Date | null
  reviewedBy: number | null
  reviewedByName: string | null
  reviewedAt: string | Date | null
  reviewDue: string | null
  overdue: boolean
  overdueSince: string | null
  createdAt: string | Date
}

export type PlanDiff = FromSchema<typeof diffResponse>


export type PlanApproval = FromSchema<typeof approveBody>
export type PlanSave = FromSchema<ReturnType<typeof planBody>>
export type PlanReturn = FromSchema<ReturnType<typeof returnBody>>
