// Queries for sessions: one row per login, checked on every authenticated request (cached briefly).
import type { Db } from '../db/types.ts'
import { usersWithPremises, type UserRow } from './auth.repository.ts'
import type { SessionEndReason } from './auth.tables.ts'

export async function insertSession (db: Db, session: { id: string; userId: number; expiresAt: Date }): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

/** The active user behind a live session (not revoked, not expired), in one query. */
export function findSessionUser (db: Db, sessionId: string, now: Date): Promise<UserRow | undefined> {
  return usersWithPremises(db)
    .innerJoin('sessions', 'sessions.userId', 'users.id')
    .where('sessions.id', '=', sessionId)
    .where('sessions.revokedAt', 'is', null)
    .where('sessions.expiresAt', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst()
}

export async function revokeSessionById (db: Db, sessionId: string, reason: SessionEndReason): Promise<void> {
  await db.updateTable('sessions').set({ revokedAt: new Date(), revokedReason: reason })
    .where('id', '=', sessionId).where('revokedAt', 'is', null).execute()
}

/** Ends every live session of a user, except the one named (the caller's own, where it should stay). */
export async function revokeSessionsOfUser (db: Db, userId: number, reason: SessionEndReason, except?: string): Promise<number> {
  let query = db.updateTable('sessions').set({ revokedAt: new Date(), revokedReason: reason })
    .where('userId', '=', userId).where('revokedAt', 'is', null)
  if (except) query = query.where('id', '!=', except)
  return Number((await query.executeTakeFirst()).numUpdatedRows)
}

export async function deleteSessionsExpiredBefore (db: Db, before: Date): Promise<number> {
  return Number((await db.deleteFrom('sessions').where('expiresAt', '<', before).executeTakeFirst()).numDeletedRows)
}
