// JSON Schema of "Today": the work waiting on the caller, gathered from every domain (GET /api/me/work).
import type { FromSchema } from 'json-schema-to-ts'

/** Every kind of work item; a domain adding a kind adds it here and in its own workItems(). */
export const WORK_KINDS = [
  'safety_thirst_assessment', 'safety_thirst_decision', 'safety_thirst_self_assessment',
  'plan_review', 'plan_review_overdue', 'plan_review_due', 'plan_returned',
  'flag_open', 'flag_at_venue',
  'ten_objection_window',
  'case_representation_window', 'case_assess', 'case_hearing_to_schedule', 'case_hearing', 'case_decision',
  'concern_to_triage',
  'invitation_pending', 'job_failed'
] as const
export type WorkKind = typeof WORK_KINDS[number]

export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  safety_thirst_assessment: 'Safety Thirst assessment',
  safety_thirst_decision: 'Safety Thirst decision',
  safety_thirst_self_assessment: 'Safety Thirst self-assessment',
  plan_review: 'Plan to review',
  plan_review_overdue: 'Plan overdue for review',
  plan_review_due: 'Plan review due',
  plan_returned: 'Plan returned for changes',
  flag_open: 'Flag to follow up',
  flag_at_venue: 'Flag at your venue',
  ten_objection_window: 'Temporary Event Notice open to objection',
  case_representation_window: 'Licensing case open to representations',
  case_assess: 'Representations to assess',
  case_hearing_to_schedule: 'Hearing to schedule',
  case_hearing: 'Hearing',
  case_decision: 'Decision due',
  concern_to_triage: "Resident's concern to answer",
  invitation_pending: 'Invitation not yet accepted',
  job_failed: 'Scheduled job failed'
}

export const workItemSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: WORK_KINDS },
    title: { type: 'string' },
    premisesId: { type: 'integer' },
    /** The statutory or service deadline, a local date. */
    dueOn: { type: 'string', format: 'date' },
    overdue: { type: 'boolean' },
    /** The named officer it is assigned to, when it is. */
    assignee: { type: 'string' },
    assigneeId: { type: 'integer' },
    /** What names the item for an assignment: its kind and the screen that does it. */
    key: { type: 'string' },
    /** The screen that does the work. */
    link: { type: 'string' }
  },
  required: ['kind', 'title', 'overdue', 'link', 'key'],
  additionalProperties: false
} as const
/** An item as GET /api/me/work lists it. */
export type ListedWorkItem = FromSchema<typeof workItemSchema>
/** An item as a domain reports it (server/work adds the key and the assignment). */
export type WorkItem = Omit<ListedWorkItem, 'key' | 'assignee' | 'assigneeId'>

export const workListSchema = {
  type: 'object',
  properties: { items: { type: 'array', items: workItemSchema } },
  required: ['items'],
  additionalProperties: false
} as const
export type WorkList = FromSchema<typeof workListSchema>

/** "team": everything waiting on the caller's role; "mine": what is assigned to the caller. */
export const WORK_VIEWS = ['team', 'mine'] as const
export type WorkView = typeof WORK_VIEWS[number]

export const workQuerySchema = {
  type: 'object',
  properties: { view: { type: 'string', enum: WORK_VIEWS, default: 'team', 'x-message': 'Choose "team" or "mine"' } },
  additionalProperties: false
} as const

export const assignWorkSchema = {
  type: 'object',
  properties: {
    key: { type: 'string', minLength: 1, maxLength: 400, 'x-message': 'Say which piece of work to assign' },
    /** null takes the assignment off. */
    assigneeId: { type: ['integer', 'null'], minimum: 1, 'x-message': 'Choose an officer from the list' }
  },
  required: ['key', 'assigneeId'],
  additionalProperties: false
} as const
export type AssignWork = FromSchema<typeof assignWorkSchema>

const assigneeSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
  required: ['id', 'name'],
  additionalProperties: false
} as const

export const assignmentSchema = {
  type: 'object',
  properties: { key: { type: 'string' }, assignee: { anyOf: [assigneeSchema, { type: 'null' }] } },
  required: ['key', 'assignee'],
  additionalProperties: false
} as const

export const assigneesSchema = {
  type: 'object',
  properties: { assignees: { type: 'array', items: assigneeSchema } },
  required: ['assignees'],
  additionalProperties: false
} as const
