// Email delivery. A message is queued in the outbox inside the caller's transaction, so it is
// stored with the change that caused it or not at all; the mail-send job claims due messages
// and hands them to the transport. A failed attempt goes back in the queue with a growing
// delay; after MAX_ATTEMPTS the message is marked failed (never deleted) and an administrator
// can put it back.
import { EventEmitter } from 'node:events'
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { MailMessageNotFound, MailNotFailed } from './mail.errors.ts'
import { MAIL_TOPIC_KEYS, modeForKind, topicOfKind, type MailMode, type MailPreferences, type MailStatus } from '../../shared/schemas/mail.ts'
import * as repo from './mail.repository.ts'
import { renderMail } from './mail.render.ts'
import type { MailTransport } from './mail.transport.ts'
import { parseTarget, unsubscribeLinks, type UnsubscribeKey, type UnsubscribeTarget } from './mail.unsubscribe.ts'

export const MAX_ATTEMPTS = 12
const FIRST_RETRY_MS = 60_000
const LONGEST_RETRY_MS = 6 * 3600_000
/** A message left "sending" this long was claimed by a process that died; it is tried again. */
const SENDING_LEASE_MS = 10 * 60_000
const BATCH = 50
export const DIGEST_TIME = '07:00'

/** Delay before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs (attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS)
}

/** Tells the sender (in this process) that mail is waiting, so it need not wait for the minute. */
export const mailQueued = new EventEmitter()

export interface MailMessage {
  to: string
  subject: string
  /** Plain text; the link, its label and a footer are added when the message is sent. */
  text: string
  /** A whole HTML document to send instead of the one built from the text. */
  html?: string
  /** A path in the app (`/concerns/…`) or an absolute URL; paths get APP_URL in front. */
  link?: string
  linkLabel?: string
  /** The link holds a one-time token: it is dropped from the stored copy once sent by SMTP. */
  secretLink?: boolean
  /** What the message is (confirmation, invitation, password_reset, concern_update, …). */
  kind: string
  userId?: number | null
  notificationId?: number | null
  /** A key already queued is not queued again. */
  dedupeKey?: string
  /**
   * What the message's unsubscribe link stops (notifications and digests get their topic by
   * themselves). A stream an address has stopped is not queued to it again.
   */
  unsubscribe?: UnsubscribeTarget
}

const toRow = (m: MailMessage): repo.NewOutboxRow => ({
  kind: m.kind, toAddress: m.to.trim(), userId: m.userId, notificationId: m.notificationId, subject: m.subject.replace(/[\r\n]+/g, ' ').slice(0, 250),
  bodyText: m.text, bodyHtml: m.html, link: m.link, linkLabel: m.linkLabel, linkSecret: m.secretLink, dedupeKey: m.dedupeKey,
  unsubscribe: m.unsubscribe ? JSON.stringify(m.unsubscribe) : null
})

/** Queues messages inside the caller's transaction; returns the outbox ids. */
export async function queueMail (trx: Db, messages: MailMessage | MailMessage[]): Promise<number[]> {
  const all = Array.isArray(messages) ? messages : [messages]
  const streams = all.flatMap(m => m.unsubscribe && 'stream' in m.unsubscribe ? [{ stream: m.unsubscribe.stream, address: m.to }] : [])
  const stopped = await repo.stoppedStreams(trx, streams)
  const wanted = stopped.size ? all.filter(m => !(m.unsubscribe && 'stream' in m.unsubscribe && stopped.has(repo.streamKey(m.unsubscribe.stream, m.to)))) : all
  const ids = await repo.insertOutbox(trx, wanted.map(toRow))
  if (ids.length) mailQueued.emit('queued')
  return ids
}

export interface NotificationRecipient {
  notificationId: number
  kind: string
  title: string
  body: string
  link: string | null
  userId: number
  email: string
  name: string
}

export const DEFAULT_PREFERENCES: MailPreferences = { mode: 'immediate', topics: {} }

function preferencesFrom (row: { mode: MailMode; topics: unknown } | undefined): MailPreferences {
  if (!row) return DEFAULT_PREFERENCES
  return { mode: row.mode, topics: (row.topics ?? {}) as MailPreferences['topics'] }
}

/** Queues the email of each notification for each recipient who wants it at once. */
export async function queueNotificationMail (trx: Db, recipients: NotificationRecipient[]): Promise<number> {
  if (!recipients.length) return 0
  const saved = new Map((await repo.preferencesOf(trx, [...new Set(recipients.map(r => r.userId))])).map(p => [p.userId, p]))
  const messages = recipients
    .filter(r => modeForKind(preferencesFrom(saved.get(r.userId)), r.kind) === 'immediate')
    .map(r => ({
      kind: 'notification', to: r.email, userId: r.userId, notificationId: r.notificationId,
      subject: r.title, text: [`Dear ${r.name},`, r.title, r.body].filter(Boolean).join('\n\n'),
      link: r.link ?? '/notifications', linkLabel: 'Open it in Nightsafe',
      dedupeKey: `notification:${r.notificationId}:${r.userId}`,
      unsubscribe: { topic: topicOfKind(r.kind) }
    }))
  return (await queueMail(trx, messages)).length
}

export interface SendOptions {
  appUrl: string
  /** A fixed moment (tests): one batch is claimed as of then. */
  now?: Date
  /** Otherwise the app clock, read for each batch. */
  clock?: () => Date
}

/** What sends: this instance's transport, and the key that signs unsubscribe links. */
export interface MailSender { transport: MailTransport; unsubscribeKey: UnsubscribeKey }

/** The mail-send job's work: claims due messages and sends each, settling it as sent, retried or failed. */
export async function sendDueMail (db: Db, { transport, unsubscribeKey }: MailSender, options: SendOptions) {
  const stats = { claimed: 0, sent: 0, retried: 0, failed: 0 }
  for (;;) {
    const now = options.now ?? options.clock?.() ?? new Date()
    const batch = await repo.claimDue(db, now, new Date(now.getTime() - SENDING_LEASE_MS), BATCH)
    stats.claimed += batch.length
    for (const row of batch) {
      const target = parseTarget(row.unsubscribe)
      const unsubscribe = target ? unsubscribeLinks(unsubscribeKey, options.appUrl, target, { userId: row.userId, address: row.toAddress }, now) : null
      const rendered = renderMail(row, options.appUrl, unsubscribe?.line)
      // RFC 8058: a mail program offers "unsubscribe" and POSTs to the header's URL, no login needed.
      const headers = unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined
      try {
        const { messageId } = await transport.send({ id: row.id, to: row.toAddress, ...rendered, headers })
        await repo.markSent(db, row.id, { at: options.now ?? options.clock?.() ?? new Date(), transport: transport.kind, messageId, forgetLink: row.linkSecret && transport.kind === 'smtp' })
        stats.sent++
      } catch (error) {
        const giveUp = row.attempts >= MAX_ATTEMPTS
        await repo.markAttemptFailed(db, row.id, {
          error: describeError(error), giveUp, transport: transport.kind,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts))
        })
        if (giveUp) stats.failed++
        else stats.retried++
      }
    }
    // A fixed `now` (tests) claims once; otherwise keep going while full batches arrive.
    if (batch.length < BATCH || options.now) break
  }
  return stats
}

function describeError (error: unknown): string {
  const e = error as { message?: string; responseCode?: number; code?: string }
  return [e.code, e.responseCode, e.message ?? String(error)].filter(v => v !== undefined && v !== '').join(' ')
}

export async function getPreferences (db: Db, user: CurrentUser) {
  const prefs = preferencesFrom(await repo.findPreferences(db, user.id))
  return { email: user.email, mode: prefs.mode, topics: prefs.topics, digestTime: DIGEST_TIME }
}

export async function setPreferences (db: Db, user: CurrentUser, input: { mode: MailMode; topics?: Partial<Record<string, MailMode>> }) {
  const topics: Record<string, MailMode> = {}
  // A topic set to the general mode is not an exception; store only real overrides.
  for (const key of MAIL_TOPIC_KEYS) {
    const mode = input.topics?.[key]
    if (mode && mode !== input.mode) topics[key] = mode
  }
  await db.transaction().execute(async trx => {
    const before = await repo.findPreferences(trx, user.id)
    await repo.upsertPreferences(trx, user.id, input.mode, topics)
    await recordAudit(trx, {
      userId: user.id, action: 'mail.preferences', entity: 'user', entityId: user.id,
      before: before ? { mode: before.mode, topics: before.topics } : null, after: { mode: input.mode, topics }
    })
  })
  return getPreferences(db, user)
}

const iso = (d: Date | null) => d ? d.toISOString() : null
function outboxItem (row: NonNullable<Awaited<ReturnType<typeof repo.findOutbox>>>) {
  return {
    id: row.id, kind: row.kind, to: row.toAddress, subject: row.subject, status: row.status, attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(), lastError: row.lastError, sentAt: iso(row.sentAt), transport: row.transport,
    createdAt: row.createdAt.toISOString()
  }
}

export async function listOutbox (db: Db, transport: MailTransport, filter: { status?: MailStatus; limit: number; offset: number }) {
  const { items, total, counts } = await repo.listOutbox(db, filter)
  return {
    items: items.map(outboxItem), total,
    counts: { queued: counts.queued ?? 0, sending: counts.sending ?? 0, sent: counts.sent ?? 0, failed: counts.failed ?? 0 },
    transport: transport.kind, folder: transport.folder
  }
}

/** A message as it is (or will be) sent: without SMTP this page is how a new installation reads its mail. */
export async function getOutboxMessage (db: Db, id: number, appUrl: string, unsubscribeKey: UnsubscribeKey) {
  const row = await repo.findOutbox(db, id)
  if (!row) throw new MailMessageNotFound(String(id))
  const target = parseTarget(row.unsubscribe)
  const unsubscribe = target ? unsubscribeLinks(unsubscribeKey, appUrl, target, { userId: row.userId, address: row.toAddress }, new Date()) : null
  const { text, html } = renderMail(row, appUrl, unsubscribe?.line)
  return { ...outboxItem(row), text, html }
}

export async function retryOutboxMessage (db: Db, user: CurrentUser, id: number, appUrl: string, unsubscribeKey: UnsubscribeKey) {
  await db.transaction().execute(async trx => {
    const row = await repo.findOutbox(trx, id)
    if (!row) throw new MailMessageNotFound(String(id))
    if (!(await repo.requeue(trx, id, new Date()))) throw new MailNotFailed(String(id), row.status)
    await recordAudit(trx, { userId: user.id, action: 'mail.retry', entity: 'mail_outbox', entityId: id, before: { status: row.status, attempts: row.attempts }, after: { status: 'queued' } })
  })
  mailQueued.emit('queued')
  return getOutboxMessage(db, id, appUrl, unsubscribeKey)
}
