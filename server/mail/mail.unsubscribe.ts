// One-click unsubscribe (RFC 8058). Each notification email, digest and report update carries a
// link that stops that kind of email without logging in. The link holds a JWT (HS256, by
// fast-jwt, the library behind the sessions' @fastify/jwt) signed with a key derived from
// JWT_SECRET, so it can never pass as a session token; nothing is stored per message and a
// changed token is refused; it says what it stops and until when it works.
import { createHmac } from 'node:crypto'
import { createSigner, createVerifier } from 'fast-jwt'
import { MAIL_TOPICS, MAIL_TOPIC_KEYS, type MailTopic } from '../../shared/schemas/mail.ts'
import { UnsubscribeLinkExpired, UnsubscribeLinkInvalid } from './mail.errors.ts'

/**
 * What a message's link stops: one topic of a person's notifications, their daily digest, or a
 * stream of messages to an address that has no account (a reporter's updates on one report).
 */
export type UnsubscribeTarget = { topic: MailTopic | 'digest' } | { stream: string; label: string }

export type UnsubscribeScope =
  | { topic: MailTopic | 'digest'; userId: number }
  | { stream: string; label: string; address: string }

/** Old emails keep working for a year; after that the person uses a newer email or their preferences. */
export const UNSUBSCRIBE_TTL_MS = 365 * 24 * 3600_000
export const UNSUBSCRIBE_PAGE = '/unsubscribe'
export const ONE_CLICK_PATH = '/api/public/unsubscribe'

export type UnsubscribeKey = Buffer

export function unsubscribeKeyFor (secret: string): UnsubscribeKey {
  return createHmac('sha256', secret).update('mail-unsubscribe').digest()
}

interface Payload { u?: number; t?: string; s?: string; l?: string; a?: string }

export function signUnsubscribe (key: UnsubscribeKey, scope: UnsubscribeScope, expiresAt: Date): string {
  const body: Payload = 'topic' in scope ? { u: scope.userId, t: scope.topic } : { s: scope.stream, l: scope.label, a: scope.address }
  return createSigner({ key, algorithm: 'HS256', noTimestamp: true })({ ...body, exp: Math.floor(expiresAt.getTime() / 1000) })
}

const TOPICS = new Set<string>([...MAIL_TOPIC_KEYS, 'digest'])

/** The scope of a token, or a 400 in words: changed or incomplete, or too old. */
export function readUnsubscribe (key: UnsubscribeKey, token: string, now: Date): UnsubscribeScope {
  let body: Payload
  try {
    body = createVerifier({ key, algorithms: ['HS256'], requiredClaims: ['exp'], clockTimestamp: now.getTime() })(token) as Payload
  } catch (error) {
    throw (error as { code?: string }).code === 'FAST_JWT_EXPIRED' ? new UnsubscribeLinkExpired() : new UnsubscribeLinkInvalid()
  }
  if (typeof body.u === 'number' && typeof body.t === 'string' && TOPICS.has(body.t)) return { topic: body.t as MailTopic | 'digest', userId: body.u }
  if (typeof body.s === 'string' && typeof body.l === 'string' && typeof body.a === 'string') return { stream: body.s, label: body.l, address: body.a }
  throw new UnsubscribeLinkInvalid()
}

/** What the link stops, in words that follow "Stop …". */
export function describeScope (scope: UnsubscribeScope | UnsubscribeTarget): string {
  if ('stream' in scope) return scope.label
  if (scope.topic === 'digest') return 'your daily digest email'
  const topic = MAIL_TOPICS.find(t => t.key === scope.topic)!
  return `emails about ${topic.key === 'other' ? 'everything else' : topic.label.toLowerCase()}`
}

export interface UnsubscribeLinks {
  /** The page a person opens from the email (it asks before it acts: mail scanners open links). */
  page: string
  /** The URL of the List-Unsubscribe header; a mail program POSTs `List-Unsubscribe=One-Click` to it. */
  oneClick: string
  /** The line for the footer of the message. */
  line: string
}

export function unsubscribeLinks (key: UnsubscribeKey, appUrl: string, target: UnsubscribeTarget, recipient: { userId: number | null; address: string }, now: Date): UnsubscribeLinks | null {
  let scope: UnsubscribeScope
  if ('stream' in target) scope = { ...target, address: recipient.address }
  else if (recipient.userId !== null) scope = { topic: target.topic, userId: recipient.userId }
  else return null
  const token = signUnsubscribe(key, scope, new Date(now.getTime() + UNSUBSCRIBE_TTL_MS))
  const page = `${appUrl}${UNSUBSCRIBE_PAGE}?token=${token}`
  return { page, oneClick: `${appUrl}${ONE_CLICK_PATH}?token=${token}`, line: `Stop ${describeScope(target)}: ${page}` }
}

export function parseTarget (stored: string | null): UnsubscribeTarget | null {
  if (!stored) return null
  try { return JSON.parse(stored) as UnsubscribeTarget } catch { return null }
}
