// Kysely row types for the mail domain's tables (migrations/*_create_mail.ts).
import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../db/core.tables.ts'
import type { MailMode, MailStatus, MailTransportKind } from '../../shared/schemas/mail.ts'

export interface MailOutboxTable {
  id: Generated<number>
  kind: string
  toAddress: string
  userId: number | null
  notificationId: number | null
  subject: string
  bodyText: string
  bodyHtml: string | null
  link: string | null
  linkLabel: string | null
  linkSecret: Generated<boolean>
  status: Generated<MailStatus>
  attempts: Generated<number>
  nextAttemptAt: Generated<Date>
  claimedAt: Date | null
  lastError: string | null
  sentAt: Date | null
  transport: MailTransportKind | null
  messageId: string | null
  dedupeKey: string | null
  /** What the message's unsubscribe link stops, as JSON (mail.unsubscribe.ts); null: no link. */
  unsubscribe: string | null
  createdAt: Generated<Date>
}

export interface MailPreferencesTable {
  userId: number
  mode: Generated<MailMode>
  topics: Json
  digestSince: Generated<Date>
  updatedAt: Generated<Date>
}

export interface LinkTokensTable {
  id: Generated<number>
  purpose: string
  subjectId: string
  email: string
  tokenHash: string
  expiresAt: Timestamp
  usedAt: Date | null
  createdAt: Generated<Date>
}

/** A stream of messages (one report's updates) that an address asked to stop. */
export interface MailStreamStopsTable {
  stream: string
  address: string
  createdAt: Generated<Date>
}

export interface MailTables {
  mailOutbox: MailOutboxTable
  mailPreferences: MailPreferencesTable
  linkTokens: LinkTokensTable
  mailStreamStops: MailStreamStopsTable
}
