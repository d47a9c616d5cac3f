// Email: preferences (how each person hears about notifications) and the administrator's view
// of the outbox. Notification kinds fall into topics by their prefix, so a new kind lands in
// its topic (or "other") without a change here.
import type { FromSchema } from 'json-schema-to-ts'

export const MAIL_MODES = ['immediate', 'digest', 'off'] as const
export type MailMode = typeof MAIL_MODES[number]

export const MAIL_MODE_LABELS: Record<MailMode, string> = {
  immediate: 'Email me each one as it happens',
  digest: 'One email a day with everything new',
  off: 'No email (I will read them in Nightsafe)'
}

export const MAIL_TOPICS = [
  { key: 'plans', label: 'Noise management plans and dispersal policies', prefixes: ['plan_'] },
  { key: 'licence_applications', label: 'Licence applications', prefixes: ['licence_application'] },
  { key: 'casework', label: 'Temporary event notices, representations and hearings', prefixes: ['ten_', 'representation', 'hearing', 'review_'] },
  { key: 'safety_thirst', label: 'Safety Thirst accreditation', prefixes: ['safety_thirst'] },
  { key: 'flags', label: 'Flags for rising theft or violence', prefixes: ['flag'] },
  { key: 'concerns', label: 'Concerns reported by residents and businesses', prefixes: ['concern'] },
  { key: 'other', label: 'Everything else', prefixes: [] }
] as const
export type MailTopic = typeof MAIL_TOPICS[number]['key']
export const MAIL_TOPIC_KEYS = MAIL_TOPICS.map(t => t.key) as MailTopic[]

/** The topic a notification kind belongs to (by prefix; "other" when none matches). */
export function topicOfKind (kind: string): MailTopic {
  for (const topic of MAIL_TOPICS) {
    if (topic.prefixes.some(prefix => kind.startsWith(prefix))) return topic.key
  }
  return 'other'
}

export interface MailPreferences { mode: MailMode; topics: Partial<Record<MailTopic, MailMode>> }

/** How a notification of this kind reaches a person with these preferences. */
export function modeForKind (preferences: MailPreferences, kind: string): MailMode {
  return preferences.topics[topicOfKind(kind)] ?? preferences.mode
}

const modeSchema = { type: 'string', enum: MAIL_MODES } as const

export const mailPreferencesBody = {
  type: 'object',
  properties: {
    mode: modeSchema,
    topics: {
      type: 'object',
      properties: Object.fromEntries(MAIL_TOPIC_KEYS.map(key => [key, modeSchema])),
      additionalProperties: false
    }
  },
  required: ['mode'],
  additionalProperties: false
} as const

export const mailPreferencesResponse = {
  type: 'object',
  properties: {
    email: { type: 'string' },
    mode: modeSchema,
    topics: { type: 'object', additionalProperties: modeSchema },
    digestTime: { type: 'string', description: 'Local time the daily digest is sent (HH:MM)' }
  },
  required: ['email', 'mode', 'topics', 'digestTime']
} as const

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const
export type MailStatus = typeof MAIL_STATUSES[number]
export const MAIL_TRANSPORTS = ['smtp', 'folder', 'log'] as const
export type MailTransportKind = typeof MAIL_TRANSPORTS[number]

const outboxItemProperties = {
  id: { type: 'integer' },
  kind: { type: 'string' },
  to: { type: 'string' },
  subject: { type: 'string' },
  status: { type: 'string', enum: MAIL_STATUSES },
  attempts: { type: 'integer' },
  nextAttemptAt: { type: 'string', format: 'date-time' },
  lastError: { type: ['string', 'null'] },
  sentAt: { type: ['string', 'null'], format: 'date-time' },
  transport: { type: ['string', 'null'], enum: [...MAIL_TRANSPORTS, null] },
  createdAt: { type: 'string', format: 'date-time' }
} as const

export const outboxItemSchema = {
  type: 'object',
  properties: outboxItemProperties,
  required: ['id', 'kind', 'to', 'subject', 'status', 'attempts', 'nextAttemptAt', 'lastError', 'sentAt', 'transport', 'createdAt']
} as const

export const outboxMessageSchema = {
  type: 'object',
  properties: { ...outboxItemProperties, text: { type: 'string' }, html: { type: 'string' } },
  required: [...outboxItemSchema.required, 'text', 'html']
} as const

export const outboxQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: MAIL_STATUSES },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 100000000, default: 0 }
  },
  additionalProperties: false
} as const

export const outboxResponse = {
  type: 'object',
  properties: {
    items: { type: 'array', items: outboxItemSchema },
    total: { type: 'integer' },
    counts: { type: 'object', properties: { queued: { type: 'integer' }, sending: { type: 'integer' }, sent: { type: 'integer' }, failed: { type: 'integer' } }, required: MAIL_STATUSES },
    transport: { type: 'string', enum: MAIL_TRANSPORTS },
    folder: { type: ['string', 'null'] }
  },
  required: ['items', 'total', 'counts', 'transport', 'folder']
} as const

export type Outbox = FromSchema<typeof outboxResponse>

// One-click unsubscribe (RFC 8058): the token is in the link's query (the List-Unsubscribe
// header's URL, which mail programs POST `List-Unsubscribe=One-Click` to) or in a JSON body (the
// page a person opens from the email).
const unsubscribeToken = { type: 'string', minLength: 1, maxLength: 2000, description: 'The token from the email\'s unsubscribe link' } as const

export const unsubscribeQuery = {
  type: 'object',
  properties: { token: unsubscribeToken },
  additionalProperties: false
} as const

export const unsubscribeBody = {
  type: 'object',
  properties: { token: unsubscribeToken, 'List-Unsubscribe': { type: 'string', maxLength: 100 } },
  additionalProperties: true
} as const

export const unsubscribeStateSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['topic', 'digest', 'stream'], description: 'A topic of notifications, the daily digest, or one report\'s updates' },
    stops: { type: 'string', description: 'What the link stops, in words that follow "Stop", e.g. "emails about flags for rising theft or violence"' },
    stopped: { type: 'boolean', description: 'Whether those emails are already stopped' }
  },
  required: ['kind', 'stops', 'stopped']
} as const
export type UnsubscribeState = FromSchema<typeof unsubscribeStateSchema>
