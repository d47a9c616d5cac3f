// Queries of the mail domain: the outbox (queue, claim, settle), preferences and recipients.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'
import type { MailMode, MailStatus, MailTransportKind } from '../../shared/schemas/mail.ts'

export interface NewOutboxRow {
  kind: string
  toAddress: string
  userId?: number | null
  notificationId?: number | null
  subject: string
  bodyText: string
  bodyHtml?: string | null
  link?: string | null
  linkLabel?: string | null
  linkSecret?: boolean
  dedupeKey?: string | null
  unsubscribe?: string | null
}

/** Inserts messages; a dedupe key already queued is skipped. Returns the ids inserted. */
export async function insertOutbox (db: Db, rows: NewOutboxRow[]): Promise<number[]> {
  if (!rows.length) return []
  const inserted = await db.insertInto('mailOutbox').values(rows.map(r => ({
    kind: r.kind,
    toAddress: r.toAddress,
    userId: r.userId ?? null,
    notificationId: r.notificationId ?? null,
    subject: r.subject,
    bodyText: r.bodyText,
    bodyHtml: r.bodyHtml ?? null,
    link: r.link ?? null,
    linkLabel: r.linkLabel ?? null,
    linkSecret: r.linkSecret ?? false,
    dedupeKey: r.dedupeKey ?? null,
    unsubscribe: r.unsubscribe ?? null
  }))).onConflict(oc => oc.column('dedupeKey').where('dedupeKey', 'is not', null).doNothing())
    .returning('id').execute()
  return inserted.map(r => r.id)
}

/**
 * Claims up to `limit` messages that are due (queued and past their next attempt, or left
 * "sending" by a process that died), marking them sending. SKIP LOCKED keeps two senders from
 * claiming the same row even without the job's advisory lock.
 */
export async function claimDue (db: Db, now: Date, staleBefore: Date, limit: number) {
  const due = db.selectFrom('mailOutbox').select('id')
    .where(eb => eb.or([
      eb.and([eb('status', '=', 'queued'), eb('nextAttemptAt', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('claimedAt', '<', staleBefore)])
    ]))
    .orderBy('id').limit(limit).forUpdate().skipLocked()
  return db.updateTable('mailOutbox')
    .set(eb => ({ status: 'sending' as const, claimedAt: now, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute()
}

export type OutboxRow = Awaited<ReturnType<typeof claimDue>>[number]

export function markSent (db: Db, id: number, result: { at: Date; transport: MailTransportKind; messageId: string | null; forgetLink: boolean }) {
  return db.updateTable('mailOutbox').set({
    status: 'sent', sentAt: result.at, transport: result.transport, messageId: result.messageId, lastError: null, claimedAt: null,
    ...(result.forgetLink ? { link: null } : {})
  }).where('id', '=', id).where('status', '=', 'sending').execute()
}

export function markAttemptFailed (db: Db, id: number, failure: { error: string; nextAttemptAt: Date; giveUp: boolean; transport: MailTransportKind }) {
  return db.updateTable('mailOutbox').set({
    status: failure.giveUp ? 'failed' : 'queued', lastError: failure.error.slice(0, 2000), nextAttemptAt: failure.nextAttemptAt,
    transport: failure.transport, claimedAt: null
  }).where('id', '=', id).where('status', '=', 'sending').execute()
}

/** Puts a failed message back in the queue (an administrator's retry); attempts start again. */
export function requeue (db: Db, id: number, now: Date) {
  return db.updateTable('mailOutbox').set({ status: 'queued', attempts: 0, nextAttemptAt: now, lastError: null })
    .where('id', '=', id).where('status', '=', 'failed').returning('id').executeTakeFirst()
}

export function findOutbox (db: Db, id: number) {
  return db.selectFrom('mailOutbox').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listOutbox (db: Db, filter: { status?: MailStatus; limit: number; offset: number }) {
  let query = db.selectFrom('mailOutbox')
  if (filter.status) query = query.where('status', '=', filter.status)
  const [items, total, counts] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('mailOutbox').select(['status', eb => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  ])
  return { items, total: Number(total.n), counts: Object.fromEntries(counts.map(c => [c.status, Number(c.n)])) as Partial<Record<MailStatus, number>> }
}

export function findPreferences (db: Db, userId: number) {
  return db.selectFrom('mailPreferences').selectAll().where('userId', '=', userId).executeTakeFirst()
}

export function upsertPreferences (db: Db, userId: number, mode: MailMode, topics: Record<string, MailMode>) {
  const json = JSON.stringify(topics)
  return db.insertInto('mailPreferences').values({ userId, mode, topics: json })
    .onConflict(oc => oc.column('userId').doUpdateSet({ mode, topics: json, updatedAt: new Date() }))
    .execute()
}

/** The saved preferences of these users (users without a row keep the defaults). */
export function preferencesOf (db: Db, userIds: number[]) {
  if (!userIds.length) return Promise.resolve([])
  return db.selectFrom('mailPreferences').select(['userId', 'mode', 'topics']).where('userId', 'in', userIds).execute()
}

/** Users whose preferences send any topic by digest, with the moment their last digest covered. */
export function digestSubscribers (db: Db) {
  return db.selectFrom('mailPreferences as p').innerJoin('users as u', 'u.id', 'p.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'p.mode', 'p.topics', 'p.digestSince'])
    .select(eb => sql<number[]>`coalesce((select array_agg(pm.premises_id) from premises_managers pm where pm.user_id = ${eb.ref('u.id')}), '{}')`.as('premisesIds'))
    .where('u.active', '=', true)
    .where(eb => eb.or([eb('p.mode', '=', 'digest'), sql<boolean>`p.topics::text like '%"digest"%'`]))
    .orderBy('u.id')
    .execute()
}

export function setDigestSince (db: Db, userId: number, at: Date) {
  return db.updateTable('mailPreferences').set({ digestSince: at }).where('userId', '=', userId).execute()
}

export const streamKey = (stream: string, address: string) => `${stream}\n${address.trim().toLowerCase()}`

/** Which of these (stream, address) pairs were stopped by an unsubscribe link, as streamKey()s. */
export async function stoppedStreams (db: Db, pairs: { stream: string; address: string }[]): Promise<Set<string>> {
  if (!pairs.length) return new Set()
  const rows = await db.selectFrom('mailStreamStops').select(['stream', 'address'])
    .where('stream', 'in', [...new Set(pairs.map(p => p.stream))])
    .where('address', 'in', [...new Set(pairs.map(p => p.address.trim().toLowerCase()))]).execute()
  const stopped = new Set(rows.map(r => streamKey(r.stream, r.address)))
  return new Set(pairs.map(p => streamKey(p.stream, p.address)).filter(k => stopped.has(k)))
}

/** Records a stopped stream; false when it was already stopped. */
export async function stopStream (db: Db, stream: string, address: string): Promise<boolean> {
  const row = await db.insertInto('mailStreamStops').values({ stream, address: address.trim().toLowerCase() })
    .onConflict(oc => oc.columns(['stream', 'address']).doNothing()).returning('stream').executeTakeFirst()
  return row !== undefined
}

export async function activeUserExists (db: Db, userId: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).where('active', '=', true).executeTakeFirst()) !== undefined
}
