// Kysely row types for the auth domain's own tables (users live in db/core.tables.ts).
export interface AuthThrottleTable {
  kind: string
  keyHash: string
  attempts: number
  lockedUntil: Date | null
  forgetAt: Date
}

export interface AuthTables {
  authThrottle: AuthThrottleTable
}
