// One-time links: email confirmation, invitations, password resets. The token travels only in
// the email; the database keeps its SHA-256, so a copy of the database opens no account.
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/types.ts'
import { queueMail, type MailMessage } from './mail.service.ts'

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/** Tokens are 32 random bytes in base64url (43 characters). */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$'

export interface LinkTokenRequest { purpose: string; subjectId: string | number; email: string; ttlMs: number; now?: Date }

/** Creates a token for a purpose and a subject (a user id, a concern id …); returns the token. */
export async function issueLinkToken (trx: Db, request: LinkTokenRequest): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = request.now ?? new Date()
  await trx.insertInto('linkTokens').values({
    purpose: request.purpose, subjectId: String(request.subjectId), email: request.email.trim(), tokenHash: hashOf(token),
    expiresAt: new Date(now.getTime() + request.ttlMs)
  }).execute()
  return token
}

export type TokenState = 'valid' | 'used' | 'expired' | 'unknown'

export interface TokenCheck { state: TokenState; subjectId?: string; email?: string }

/** What a token is, without using it (a page that asks before it acts). */
export async function checkLinkToken (db: Db, purpose: string, token: string, now = new Date()): Promise<TokenCheck> {
  const row = await db.selectFrom('linkTokens').select(['subjectId', 'email', 'usedAt', 'expiresAt'])
    .where('tokenHash', '=', hashOf(token)).where('purpose', '=', purpose).executeTakeFirst()
  if (!row) return { state: 'unknown' }
  const state: TokenState = row.usedAt ? 'used' : new Date(row.expiresAt) <= now ? 'expired' : 'valid'
  return { state, subjectId: row.subjectId, email: row.email }
}

/**
 * Uses a token once: the first caller gets state 'valid' (and the token is spent, in the same
 * statement, so two clicks at once cannot both succeed); later callers get 'used'.
 */
export async function useLinkToken (trx: Db, purpose: string, token: string, now = new Date()): Promise<TokenCheck> {
  const spent = await trx.updateTable('linkTokens').set({ usedAt: now })
    .where('tokenHash', '=', hashOf(token)).where('purpose', '=', purpose)
    .where('usedAt', 'is', null).where('expiresAt', '>', now)
    .returning(['subjectId', 'email']).executeTakeFirst()
  if (spent) return { state: 'valid', subjectId: spent.subjectId, email: spent.email }
  return checkLinkToken(trx, purpose, token, now)
}

/** Spends every open token of a subject (a newer invitation or reset replaces the older ones). */
export async function revokeLinkTokens (trx: Db, purpose: string, subjectId: string | number, now = new Date()) {
  await trx.updateTable('linkTokens').set({ usedAt: now })
    .where('purpose', '=', purpose).where('subjectId', '=', String(subjectId)).where('usedAt', 'is', null).execute()
}

export interface ConfirmationRequest {
  purpose: string
  subjectId: string | number
  email: string
  subject: string
  text: string
  /** The app page that takes the token, e.g. '/concerns/confirm'; `?token=…` is added. */
  path: string
  linkLabel?: string
  ttlHours?: number
  kind?: string
}

/** Issues a token and queues the email carrying its link, in the caller's transaction. */
export async function requestEmailConfirmation (trx: Db, request: ConfirmationRequest): Promise<void> {
  const token = await issueLinkToken(trx, { purpose: request.purpose, subjectId: request.subjectId, email: request.email, ttlMs: (request.ttlHours ?? 72) * 3600_000 })
  const message: MailMessage = {
    kind: request.kind ?? 'confirmation', to: request.email, subject: request.subject, text: request.text,
    link: `${request.path}?token=${token}`, linkLabel: request.linkLabel ?? 'Confirm your email address', secretLink: true
  }
  await queueMail(trx, message)
}

/** Links of a purpose not yet followed, issued since `since` (expired ones too: someone may need a new one), newest first. */
export function unusedLinkTokens (db: Db, purpose: string, since: Date) {
  return db.selectFrom('linkTokens').select(['subjectId', 'email', 'expiresAt', 'createdAt'])
    .where('purpose', '=', purpose).where('usedAt', 'is', null).where('createdAt', '>=', since)
    .orderBy('createdAt', 'desc').limit(200).execute()
}
