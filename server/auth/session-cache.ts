// The per-request session check, cached for a few seconds so that an authenticated request costs
// a map lookup, not a query. A revocation made on this instance drops the entries at once; other
// instances notice within the cache time. Lookups in flight are shared, so a burst of requests on
// one token after the entry expires makes one query.
import type { CurrentUser } from '../plugins/auth.ts'

export const SESSION_CACHE_MS = 5000
const MAX_ENTRIES = 10000

interface Entry { userId: number; until: number; user: Promise<CurrentUser | undefined> }

export class SessionCache {
  private readonly entries = new Map<string, Entry>()

  constructor (private readonly load: (sessionId: string) => Promise<CurrentUser | undefined>, private readonly ttlMs = SESSION_CACHE_MS) {}

  /** The live session's user, or undefined when the session is unknown, ended or expired. */
  get (sessionId: string, userId: number, now = Date.now()): Promise<CurrentUser | undefined> {
    const hit = this.entries.get(sessionId)
    if (hit && hit.until > now && hit.userId === userId) return hit.user
    if (this.entries.size >= MAX_ENTRIES) this.dropExpired(now)
    const user = this.load(sessionId)
    this.entries.set(sessionId, { userId, until: now + this.ttlMs, user })
    user.catch(() => this.entries.delete(sessionId))
    return user
  }

  forgetSession (sessionId: string): void {
    this.entries.delete(sessionId)
  }

  forgetUser (userId: number): void {
    for (const [sessionId, entry] of this.entries) if (entry.userId === userId) this.entries.delete(sessionId)
  }

  private dropExpired (now: number): void {
    for (const [sessionId, entry] of this.entries) if (entry.until <= now) this.entries.delete(sessionId)
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
  }
}
