// JSON Schemas of in-app notifications: they validate requests, serialise answers and type both sides.
import type { FromSchema } from 'json-schema-to-ts'

export const notificationsQuery = {
  type: 'object',
  properties: { unread: { type: 'boolean', default: false } },
  additionalProperties: false
} as const

export const readNotificationsBody = {
  type: 'object',
  properties: { ids: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2147483647 }, maxItems: 1000 } },
  required: ['ids'],
  additionalProperties: false
} as const

export const notificationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string' },
    title: { type: 'string' },
    body: { type: 'string' },
    link: { type: ['string', 'null'] },
    premisesId: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    readAt: { type: ['string', 'null'], format: 'date-time' }
  },
  required: ['id', 'kind', 'title', 'body', 'link', 'premisesId', 'createdAt', 'readAt']
} as const

export const notificationListResponse = {
  type: 'object',
  properties: {
    items: { type: 'array', items: notificationSchema },
    total: { type: 'integer' },
    unread: { type: 'integer' }
  },
  required: ['items', 'total', 'unread']
} as const

export type Notification = FromSchema<typeof notificationSchema>
export type NotificationList = FromSchema<typeof notificationListResponse>
