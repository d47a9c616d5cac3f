// Kysely row types for the auth domain's own tables (users live in db/core.tables.ts).
import type { Generated } from 'kysely'

export interface AuthThrottleTable {
  kind: string
  keyHash: string
  attempts: number
  lockedUntil: Date | null
  forgetAt: Date
}

export type SessionEndReason = 'logout' | 'password-changed' | 'deactivated' | 'role-changed' | 'password-reset'

export interface SessionsTable {
  id: string
  userId: number
  createdAt: Generated<Date>
  expiresAt: Date
  revokedAt: Date | null
  revokedReason: SessionEndReason | null
}

export interface AuthTables {
  authThrottle: AuthThrottleTable
  sessions: SessionsTable
}
