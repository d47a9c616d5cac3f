// JSON Schemas and types of visits (api.md "Visits and traffic light"): a visit made on a phone
// with an id and revisions made on the device, its checklist built from the premises' own
// conditions, activities and hours, photos, follow-up actions and the Safety Thirst evidence seen.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate } from './common.ts'

export const VISIT_KINDS = ['compliance', 'safety_thirst', 'follow_up', 'complaint', 'joint_police'] as const
export type VisitKind = typeof VISIT_KINDS[number]
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  compliance: 'Compliance visit',
  safety_thirst: 'Safety Thirst assessment',
  follow_up: 'Follow-up',
  complaint: 'Complaint',
  joint_police: 'Joint visit with police'
}
export const VISIT_STATUSES = ['scheduled', 'in_progress', 'completed'] as const
export type VisitStatus = typeof VISIT_STATUSES[number]
export const CHECKLIST_RESULTS = ['complied', 'not_complied', 'not_seen'] as const
export type ChecklistResult = typeof CHECKLIST_RESULTS[number]
export const CHECKLIST_RESULT_LABELS: Record<ChecklistResult, string> = { complied: 'Complied', not_complied: 'Not complied', not_seen: 'Not seen' }
export const ASSESSMENT_RESULTS = ['met', 'partly', 'not_met'] as const
/** What a visit photo may be (checked by its first bytes on upload). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
export const uuid = { type: 'string', pattern: UUID, 'x-message': 'Use an id made on the device, a UUID such as 0b8e4f6a-2c1d-4e5f-9a7b-3c2d1e0f9a8b' } as const
const int = { type: 'integer', minimum: 1, maximum: 2147483647 } as const
const text = (max: number) => ({ type: 'string', maxLength: max }) as const
const nullableString = { type: ['string', 'null'] } as const
/** An instant with its offset, 1990 to 2100 (2024-12-06T23:15:00Z). */
const instant = {
  type: 'string', maxLength: 40,
  pattern: '^(199\\d|20\\d\\d|2100)-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$',
  'x-message': 'Enter a date and time between 1990 and 2100 with its offset, such as 2024-12-06T23:15:00Z'
} as const
/** A checklist item's key: condition:<id>, hours, dps, door-staff, capacity, activity:<name>, or a free one. */
const itemKey = { type: 'string', pattern: '^[a-z][a-z0-9_:-]{0,79}$', 'x-message': 'Use the item key from the checklist, such as condition:12 or hours' } as const

export const visitParams = { type: 'object', properties: { id: uuid }, required: ['id'], additionalProperties: false } as const
export const photoParams = { type: 'object', properties: { id: uuid, photoId: uuid }, required: ['id', 'photoId'], additionalProperties: false } as const

const attendee = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', 'x-message': 'Enter the name of each person who attended' }, organisation: text(200), userId: int },
  required: ['name'],
  additionalProperties: false
} as const

const checklistAnswer = {
  type: 'object',
  properties: { item: itemKey, label: text(2000), result: { type: 'string', enum: CHECKLIST_RESULTS, 'x-message': 'Choose complied, not complied or not seen' }, note: text(4000) },
  required: ['item', 'result'],
  additionalProperties: false
} as const

const action = {
  type: 'object',
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', 'x-message': 'Describe the action to be taken' },
    dueOn: { ...localDate, 'x-message': 'Enter the date the action is due, such as 2024-12-20' },
    owner: text(200)
  },
  required: ['text', 'dueOn'],
  additionalProperties: false
} as const

/** PUT /api/visits/:id: creates or updates the visit made on the device, idempotently. */
export const visitBody = {
  type: 'object',
  properties: {
    premisesId: int,
    kind: { type: 'string', enum: VISIT_KINDS, 'x-message': 'Choose the kind of visit' },
    status: { type: 'string', enum: VISIT_STATUSES },
    startedAt: instant,
    endedAt: { anyOf: [instant, { type: 'null' }] },
    attendees: { type: 'array', items: attendee, maxItems: 20 },
    assignedTo: { type: 'array', items: int, maxItems: 20, uniqueItems: true },
    checklist: { type: 'array', items: checklistAnswer, maxItems: 300 },
    findings: text(8000),
    actions: { type: 'array', items: action, maxItems: 50 },
    safetyThirstApplicationId: { anyOf: [int, { type: 'null' }] },
    /** The device's id for this saved state; the same revision twice is the same save. */
    revision: uuid,
    /** The revision this edit was made from (the last one the device had from the server). */
    baseRevision: { anyOf: [uuid, { type: 'null' }] },
    /** Revisions the device sent but never heard back about (a lost answer is not a conflict). */
    unconfirmedRevisions: { type: 'array', items: uuid, maxItems: 50 }
  },
  required: ['premisesId', 'kind', 'startedAt', 'checklist'],
  additionalProperties: false
} as const

const photoSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, visitId: { type: 'string' }, item: nullableString, caption: { type: 'string' },
    mimeType: { type: 'string' }, sizeBytes: { type: 'integer' }, sha256: { type: 'string' }, uploadedAt: { type: 'string', format: 'date-time' }
  },
  required: ['id', 'visitId', 'item', 'caption', 'mimeType', 'sizeBytes', 'sha256', 'uploadedAt']
} as const
export const visitPhotoSchema = photoSchema

const assessmentItem = {
  type: 'object',
  properties: { criterionCode: { type: 'string' }, result: { type: 'string', enum: ASSESSMENT_RESULTS }, evidenceSeen: { type: 'string' }, note: { type: 'string' } },
  required: ['criterionCode', 'result', 'evidenceSeen', 'note']
} as const

export const visitSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    premisesId: { type: 'integer' },
    premisesName: { type: 'string' },
    kind: { type: 'string', enum: VISIT_KINDS },
    status: { type: 'string', enum: VISIT_STATUSES },
    startedAt: { type: 'string', format: 'date-time' },
    endedAt: { type: ['string', 'null'], format: 'date-time' },
    attendees: { type: 'array', items: { type: 'object', properties: attendee.properties, required: ['name'] } },
    assignedTo: { type: 'array', items: { type: 'integer' } },
    checklist: { type: 'array', items: { type: 'object', properties: { item: { type: 'string' }, label: { type: 'string' }, result: { type: 'string', enum: CHECKLIST_RESULTS }, note: { type: 'string' } }, required: ['item', 'label', 'result', 'note'] } },
    findings: { type: 'string' },
    actions: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, dueOn: { type: 'string', format: 'date' }, owner: { type: 'string' } }, required: ['text', 'dueOn', 'owner'] } },
    breaches: { type: 'integer' },
    safetyThirstApplicationId: { type: ['integer', 'null'] },
    assessment: { type: 'array', items: assessmentItem },
    photos: { type: 'array', items: photoSchema },
    revision: { type: 'string' },
    version: { type: 'integer' },
    createdBy: { type: ['integer', 'null'] },
    createdByName: nullableString,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' }
  },
  required: ['id', 'premisesId', 'premisesName', 'kind', 'status', 'startedAt', 'endedAt', 'attendees', 'assignedTo', 'checklist', 'findings', 'actions', 'breaches',
    'safetyThirstApplicationId', 'assessment', 'photos', 'revision', 'version', 'createdBy', 'createdByName', 'createdAt', 'updatedAt']
} as const

export const visitListResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: visitSchema }, total: { type: 'integer' } },
  required: ['items', 'total']
} as const

export const CHECKLIST_SOURCES = ['condition', 'hours', 'activity', 'dps', 'door_staff', 'capacity'] as const
export const checklistItemSchema = {
  type: 'object',
  properties: {
    item: { type: 'string' },
    label: { type: 'string' },
    source: { type: 'string', enum: CHECKLIST_SOURCES },
    annex: { type: ['integer', 'null'] },
    guidance: { type: 'string' }
  },
  required: ['item', 'label', 'source', 'annex', 'guidance']
} as const
export const checklistResponse = {
  type: 'object',
  properties: { premisesId: { type: 'integer' }, items: { type: 'array', items: checklistItemSchema } },
  required: ['premisesId', 'items']
} as const

/** PUT /api/visits/:id/assessment: the Safety Thirst results and the evidence seen per criterion. */
export const visitAssessmentBody = {
  type: 'object',
  properties: {
    applicationId: int,
    /** The application's updatedAt when the device downloaded it: a later edit elsewhere is a conflict. */
    baseUpdatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
    items: {
      type: 'array', maxItems: 500,
      items: {
        type: 'object',
        properties: {
          criterionCode: { type: 'string', pattern: '^[A-Z]{1,4}[0-9]{1,3}$', 'x-message': 'Use the criterion code, such as SP1' },
          result: { type: 'string', enum: ASSESSMENT_RESULTS, 'x-message': 'Choose met, partly or not met' },
          evidenceSeen: text(4000),
          note: text(4000)
        },
        required: ['criterionCode', 'result'],
        additionalProperties: false
      }
    }
  },
  required: ['applicationId', 'baseUpdatedAt', 'items'],
  additionalProperties: false
} as const

export const visitAssessmentResponse = {
  type: 'object',
  properties: { visitId: { type: 'string' }, applicationId: { type: 'integer' }, updatedAt: { type: 'string', format: 'date-time' }, items: { type: 'array', items: assessmentItem }, changed: { type: 'boolean' } },
  required: ['visitId', 'applicationId', 'updatedAt', 'items', 'changed']
} as const

export const photoQuery = {
  type: 'object',
  properties: { caption: text(500), item: itemKey },
  additionalProperties: false
} as const

export const tonightQuery = { type: 'object', properties: { night: localDate }, additionalProperties: false } as const

export type VisitInput = FromSchema<typeof visitBody>
export type Visit = FromSchema<typeof visitSchema>
export type VisitPhoto = FromSchema<typeof photoSchema>
export type ChecklistItem = FromSchema<typeof checklistItemSchema>
export type VisitAssessmentInput = FromSchema<typeof visitAssessmentBody>
export type VisitAssessment = FromSchema<typeof visitAssessmentResponse>
