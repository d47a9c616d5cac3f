// The premises history (GET /api/premises/:id/timeline): one list of dated events that each
// domain contributes (visits and findings, incidents, flags, traffic-light changes, plans, Safety
// Thirst decisions, licensing decisions), filterable by kind and dates, newest first.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate } from './common.ts'

export const TIMELINE_KINDS = ['visit', 'finding', 'incident', 'flag', 'traffic_light', 'plan', 'safety_thirst', 'licensing'] as const
export type TimelineKind = typeof TIMELINE_KINDS[number]
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  visit: 'Visits', finding: 'Findings', incident: 'Incidents', flag: 'Flags', traffic_light: 'Traffic light',
  plan: 'Plans', safety_thirst: 'Safety Thirst', licensing: 'Licensing decisions'
}

export const timelineQuery = {
  type: 'object',
  properties: {
    kinds: {
      type: 'string', maxLength: 200, pattern: `^(${TIMELINE_KINDS.join('|')})(,(${TIMELINE_KINDS.join('|')}))*$`,
      'x-message': `Choose kinds from ${TIMELINE_KINDS.join(', ')}, separated by commas`
    },
    from: localDate,
    to: localDate
  },
  additionalProperties: false
} as const

export const timelineEventSchema = {
  type: 'object',
  properties: {
    at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: TIMELINE_KINDS },
    title: { type: 'string' },
    detail: { type: 'string' },
    link: { type: ['string', 'null'] }
  },
  required: ['at', 'kind', 'title', 'detail', 'link']
} as const

export const timelineResponse = {
  type: 'object',
  properties: { premisesId: { type: 'integer' }, items: { type: 'array', items: timelineEventSchema }, total: { type: 'integer' } },
  required: ['premisesId', 'items', 'total']
} as const

export type TimelineEvent = FromSchema<typeof timelineEventSchema>
export type TimelineQuery = FromSchema<typeof timelineQuery>
