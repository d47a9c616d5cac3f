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
    /** The screen that does the work. */
    link: { type: 'string' }
  },
  required: ['kind', 'title', 'overdue', 'link'],
  additionalProperties: false
} as const
export type WorkItem = FromSchema<typeof workItemSchema>

export const workListSchema = {
  type: 'object',
  properties: { items: { type: 'array', items: workItemSchema } },
  required: ['items'],
  additionalProperties: false
} as const
export type WorkList = FromSchema<typeof workListSchema>
