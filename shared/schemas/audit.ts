// JSON Schemas of the audit log (who changed what and when): they validate the query, serialise
// the answer and type both sides.
import type { FromSchema } from 'json-schema-to-ts'
import { listOf, pagingQuery } from './common.ts'

export const auditQuery = {
  type: 'object',
  properties: {
    entity: { type: 'string', maxLength: 64 },
    entityId: { type: 'string', maxLength: 64 },
    userId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    ...pagingQuery
  },
  additionalProperties: false
} as const

export const auditEntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    userId: { type: ['integer', 'null'] },
    userEmail: { type: ['string', 'null'] },
    action: { type: 'string' },
    entity: { type: 'string' },
    entityId: { type: ['string', 'null'] },
    /** The record before and after the change, as the service stored it (any JSON). */
    before: {},
    after: {}
  },
  required: ['id', 'at', 'userId', 'userEmail', 'action', 'entity', 'entityId', 'before', 'after']
} as const

export const auditListResponse = listOf(auditEntrySchema)

export type AuditQuery = FromSchema<typeof auditQuery>
export type AuditEntry = FromSchema<typeof auditEntrySchema>
