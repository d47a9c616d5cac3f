// What an unsubscribe link does: a topic or the digest is turned off in the person's email
// preferences (so Email preferences shows it, and it can be turned back on there); a stream
// (a report's updates) is stopped for that address. Notifications still appear in the app.
import type { Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import type { MailMode, MailTopic, UnsubscribeState } from '../../shared/schemas/mail.ts'
import * as repo from './mail.repository.ts'
import { UnsubscribeLinkInvalid } from './mail.errors.ts'
import { describeScope, readUnsubscribe, type UnsubscribeKey, type UnsubscribeScope } from './mail.unsubscribe.ts'

type Prefs = { mode: MailMode; topics: Partial<Record<MailTopic, MailMode>> }

/** The preferences once the scope is turned off. */
function withoutScope (prefs: Prefs, topic: MailTopic | 'digest'): Prefs {
  const topics = { ...prefs.topics }
  if (topic === 'digest') {
    // Every part sent by digest (the general choice or a topic's) becomes "no email".
    for (const key of Object.keys(topics) as MailTopic[]) if (topics[key] === 'digest') topics[key] = 'off'
    const mode = prefs.mode === 'digest' ? 'off' : prefs.mode
    for (const key of Object.keys(topics) as MailTopic[]) if (topics[key] === mode) delete topics[key]
    return { mode, topics }
  }
  if (prefs.mode === 'off') delete topics[topic]
  else topics[topic] = 'off'
  return { mode: prefs.mode, topics }
}

async function currentPrefs (db: Db, userId: number): Promise<Prefs> {
  const row = await repo.findPreferences(db, userId)
  return row ? { mode: row.mode, topics: (row.topics ?? {}) as Prefs['topics'] } : { mode: 'immediate', topics: {} }
}

const same = (a: Prefs, b: Prefs) => a.mode === b.mode && JSON.stringify(Object.entries(a.topics).sort()) === JSON.stringify(Object.entries(b.topics).sort())

async function stateOf (db: Db, scope: UnsubscribeScope): Promise<UnsubscribeState> {
  if ('stream' in scope) {
    return { kind: 'stream', stops: describeScope(scope), stopped: (await repo.stoppedStreams(db, [{ stream: scope.stream, address: scope.address }])).size > 0 }
  }
  if (!(await repo.activeUserExists(db, scope.userId))) throw new UnsubscribeLinkInvalid()
  const prefs = await currentPrefs(db, scope.userId)
  return { kind: scope.topic === 'digest' ? 'digest' : 'topic', stops: describeScope(scope), stopped: same(prefs, withoutScope(prefs, scope.topic)) }
}

/** What the link would stop, and whether it already is (the page asks before it acts). */
export async function checkUnsubscribe (db: Db, key: UnsubscribeKey, token: string, now: Date): Promise<UnsubscribeState> {
  return stateOf(db, readUnsubscribe(key, token, now))
}

/** Stops what the link names; doing it twice changes nothing more. */
export async function unsubscribe (db: Db, key: UnsubscribeKey, token: string, now: Date): Promise<UnsubscribeState> {
  const scope = readUnsubscribe(key, token, now)
  await db.transaction().execute(async trx => {
    if ('stream' in scope) {
      if (await repo.stopStream(trx, scope.stream, scope.address)) {
        await recordAudit(trx, { userId: null, action: 'mail.unsubscribe', entity: 'mail_stream', entityId: scope.stream, before: null, after: { stopped: scope.label } })
      }
      return
    }
    if (!(await repo.activeUserExists(trx, scope.userId))) throw new UnsubscribeLinkInvalid()
    const before = await currentPrefs(trx, scope.userId)
    const after = withoutScope(before, scope.topic)
    if (same(before, after)) return
    await repo.upsertPreferences(trx, scope.userId, after.mode, after.topics as Record<string, MailMode>)
    await recordAudit(trx, { userId: scope.userId, action: 'mail.unsubscribe', entity: 'user', entityId: scope.userId, before, after })
  })
  return stateOf(db, scope)
}
