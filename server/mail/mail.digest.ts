// The daily digest: for each person who asked for one (for everything or for some topics), one
// email listing the notifications of those topics since the last digest. Nothing new, no email.
// The notifications come through a source function, so this domain does not depend on the
// notifications domain (which depends on this one to queue immediate emails).
import type { Db, Role } from '../db/types.ts'
import { MAIL_TOPICS, modeForKind, topicOfKind, type MailPreferences } from '../../shared/schemas/mail.ts'
import { localDate } from '../../shared/dates.ts'
import * as repo from './mail.repository.ts'
import { absoluteLink } from './mail.render.ts'
import { queueMail } from './mail.service.ts'

export interface DigestItem { kind: string; title: string; body: string; link: string | null; createdAt: Date }
export type DigestSource = (db: Db, user: { id: number; role: Role; premisesIds: number[] }, after: Date, until: Date) => Promise<DigestItem[]>

export interface DigestOptions { appUrl: string; tzLocal: string; now?: Date; source: DigestSource }

/** A digest never reaches further back than this (a person who just switched digests on). */
const LONGEST_WINDOW_MS = 48 * 3600_000

export async function runDailyDigest (db: Db, options: DigestOptions) {
  const now = options.now ?? new Date()
  const day = localDate(now, options.tzLocal)
  let queued = 0
  let people = 0
  for (const subscriber of await repo.digestSubscribers(db)) {
    people++
    const prefs: MailPreferences = { mode: subscriber.mode, topics: (subscriber.topics ?? {}) as MailPreferences['topics'] }
    // One transaction per person: the digest is queued and the window moved on together.
    queued += await db.transaction().execute(async trx => {
      const user = { id: subscriber.id, role: subscriber.role, premisesIds: subscriber.premisesIds }
      const after = new Date(Math.max(subscriber.digestSince.getTime(), now.getTime() - LONGEST_WINDOW_MS))
      const items = (await options.source(trx, user, after, now)).filter(n => modeForKind(prefs, n.kind) === 'digest')
      await repo.setDigestSince(trx, subscriber.id, now)
      if (!items.length) return 0
      const ids = await queueMail(trx, {
        kind: 'digest', to: subscriber.email, userId: subscriber.id,
        subject: `Nightsafe: ${items.length} new notification${items.length === 1 ? '' : 's'} (${day})`,
        text: digestText(subscriber.name, items, options.appUrl),
        link: '/notifications', linkLabel: 'See all your notifications',
        dedupeKey: `digest:${subscriber.id}:${day}`,
        unsubscribe: { topic: 'digest' }
      })
      return ids.length
    })
  }
  return { people, queued }
}

function digestText (name: string, items: DigestItem[], appUrl: string): string {
  const sections: string[] = [`Dear ${name},`, `Here is what happened in Nightsafe since your last digest.`]
  for (const topic of MAIL_TOPICS) {
    const ofTopic = items.filter(n => topicOfKind(n.kind) === topic.key)
    if (!ofTopic.length) continue
    const lines = ofTopic.map(n => `- ${n.title}${n.body ? `\n  ${n.body.replace(/\s+/g, ' ').slice(0, 300)}` : ''}${n.link ? `\n  ${absoluteLink(appUrl, n.link)}` : ''}`)
    sections.push(`${topic.label} (${ofTopic.length})\n${lines.join('\n')}`)
  }
  return sections.join('\n\n')
}
