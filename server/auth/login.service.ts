// Logging in under the guessing limits: per normalised email and per client address, counted in
// the database before the password is checked, so a limited account cannot log in even with the
// right password until its wait is over, whichever instance or address the attempt comes from.
import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import type { Database } from '../db/types.ts'
import type { UserRow } from './auth.repository.ts'
import { authenticate } from './auth.service.ts'
import { tooManyAttempts } from './auth.errors.ts'
import { addressKey, clearAttempts, forgiveAttempt, takeAttempt, type ThrottleKey, type ThrottleRule } from './throttle.ts'

const MINUTE = 60_000

/** The one form of an email that lookups and limits use: trimmed and lower-cased. */
export function normaliseEmail (email: string): string {
  return email.trim().toLowerCase()
}

/** First wait one minute, doubling with each further attempt up to an hour; forgotten after a quiet day. */
export function loginRules (config: Pick<Config, 'loginRateLimit' | 'loginAddressRateLimit'>): { email: ThrottleRule; address: ThrottleRule } {
  const delays = { firstDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE }
  return { email: { ...delays, limit: config.loginRateLimit }, address: { ...delays, limit: config.loginAddressRateLimit } }
}

export interface LoginAttempt { email: string; password: string; address: string }

export async function logIn (db: Kysely<Database>, attempt: LoginAttempt, rules: ReturnType<typeof loginRules>): Promise<UserRow> {
  const email = normaliseEmail(attempt.email)
  const byEmail: ThrottleKey = { kind: 'login-email', key: email, rule: rules.email }
  const byAddress: ThrottleKey = { kind: 'login-address', key: addressKey(attempt.address), rule: rules.address }
  const decision = await takeAttempt(db, [byEmail, byAddress])
  if (!decision.allowed) throw tooManyAttempts(decision.retryAfterMs)
  const user = await authenticate(db, email, attempt.password)
  // The owner got in: their account's count starts again; the address keeps the others' failures.
  await clearAttempts(db, byEmail)
  await forgiveAttempt(db, byAddress)
  return user
}
