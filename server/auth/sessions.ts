// Sessions: a login opens one, the token carries its id, and every authenticated request checks
// it (plugins/auth.ts, with a cache of a few seconds). Ending a session ends its token at once on
// this instance and within the cache time on the others.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/types.ts'
import type { SessionEndReason } from './auth.tables.ts'
import { deleteSessionsExpiredBefore, insertSession, revokeSessionById, revokeSessionsOfUser } from './sessions.repository.ts'

/** 144 random bits, URL-safe: the token's `sid`. */
export function newSessionId (): string {
  return randomBytes(18).toString('base64url')
}

export function openSession (db: Db, session: { id: string; userId: number; expiresAt: Date }): Promise<void> {
  return insertSession(db, session)
}

export function endSession (db: Db, sessionId: string, reason: SessionEndReason = 'logout'): Promise<void> {
  return revokeSessionById(db, sessionId, reason)
}

/**
 * Ends every session of a user (a password, role or active change, a password reset). Call it in
 * the transaction that makes the change, then `app.forgetUser(id)` once it has committed.
 */
export function endSessionsOfUser (db: Db, userId: number, reason: SessionEndReason, options: { keep?: string } = {}): Promise<number> {
  return revokeSessionsOfUser(db, userId, reason, options.keep)
}

/** Housekeeping: sessions past their expiry are of no further use. */
export function pruneSessions (db: Db, now = new Date()): Promise<number> {
  return deleteSessionsExpiredBefore(db, now)
}
