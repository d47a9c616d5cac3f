// Limits on guessing (login; "forgot password" uses the same). Each attempt is counted before the
// work it guards, under a row lock in the database: parallel requests and several app instances
// on one PostgreSQL see one count, and none slips past the limit between the check and the count.
// Up to `limit` attempts go through; after that each attempt must wait a delay that doubles
// (firstDelayMs, 2×, 4×, … up to maxDelayMs) until the key has been quiet for forgetAfterMs.
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import { deleteForgottenThrottleRows, deleteThrottleRow, forgiveThrottleAttempt, lockThrottleRow, saveThrottleRow } from './throttle.repository.ts'

export interface ThrottleRule {
  /** Attempts allowed before the delays begin. */
  limit: number
  /** The wait after the limit-th attempt; each further attempt doubles it, up to maxDelayMs. */
  firstDelayMs: number
  maxDelayMs: number
  /** A key with no attempt for this long starts again from nothing (longer than maxDelayMs). */
  forgetAfterMs: number
}

/** What is limited: a kind (such as 'login-email') and the key within it (a normalised email). */
export interface ThrottleKey { kind: string; key: string; rule: ThrottleRule }

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

export interface ThrottleState { attempts: number; lockedUntil: Date | null; forgetAt: Date }

const hashKey = (kind: string, key: string) => createHash('sha256').update(`${kind}\0${key}`).digest('hex')

/** The wait after the given number of attempts (at least the limit): doubling, capped. */
export function delayAfter (rule: ThrottleRule, attempts: number): number {
  const doublings = Math.min(Math.max(attempts - rule.limit, 0), 30)
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** doublings)
}

/** Pure: whether one more attempt may go ahead, and the key's state after it. */
export function nextAttempt (state: ThrottleState, rule: ThrottleRule, now: Date): { decision: ThrottleDecision; state: ThrottleState } {
  if (state.lockedUntil && state.lockedUntil > now) {
    return { decision: { allowed: false, retryAfterMs: state.lockedUntil.getTime() - now.getTime() }, state }
  }
  const attempts = (state.forgetAt > now ? state.attempts : 0) + 1
  const lockedUntil = attempts >= rule.limit ? new Date(now.getTime() + delayAfter(rule, attempts)) : null
  const forgetAt = new Date(now.getTime() + Math.max(rule.forgetAfterMs, rule.maxDelayMs))
  return { decision: { allowed: true }, state: { attempts, lockedUntil, forgetAt } }
}

/**
 * Counts one attempt against every key, or none if any key must still wait (then the longest
 * wait is returned). Keys are locked in a fixed order so concurrent attempts cannot deadlock.
 */
export function takeAttempt (db: Kysely<Database>, keys: ThrottleKey[], now = new Date()): Promise<ThrottleDecision> {
  const hashed = keys.map(k => ({ ...k, hash: hashKey(k.kind, k.key) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.hash.localeCompare(b.hash))
  return db.transaction().execute(async trx => {
    const next = []
    for (const key of hashed) next.push({ key, ...nextAttempt(await lockThrottleRow(trx, key.kind, key.hash, now), key.rule, now) })
    const waits = next.flatMap(n => n.decision.allowed ? [] : [n.decision.retryAfterMs])
    if (waits.length) return { allowed: false, retryAfterMs: Math.max(...waits) }
    for (const { key, state } of next) await saveThrottleRow(trx, key.kind, key.hash, state)
    return { allowed: true }
  })
}

/** Takes back one attempt that turned out to be genuine (a login from a shared office address). */
export function forgiveAttempt (db: Db, key: ThrottleKey): Promise<void> {
  return forgiveThrottleAttempt(db, key.kind, hashKey(key.kind, key.key), key.rule.limit)
}

/** Forgets a key altogether (an account's counter after its owner logged in). */
export function clearAttempts (db: Db, key: Pick<ThrottleKey, 'kind' | 'key'>): Promise<void> {
  return deleteThrottleRow(db, key.kind, hashKey(key.kind, key.key))
}

/** Housekeeping: drops counters that are forgotten and not locked. */
export function pruneAttempts (db: Db, now = new Date()): Promise<number> {
  return deleteForgottenThrottleRows(db, now)
}

/**
 * The address to count attempts against: IPv4 as it is (an IPv4-mapped IPv6 address as its
 * IPv4 form), IPv6 by its /64 network, since one subscriber is usually given a whole /64.
 */
export function addressKey (ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]!
  if (!ip.includes(':')) return ip
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::')
  const left = head ? head.split(':') : []
  const right = ip.includes('::') && tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right] : left
  return groups.slice(0, 4).map(g => g.replace(/^0+(?=.)/, '')).join(':') + '::/64'
}
