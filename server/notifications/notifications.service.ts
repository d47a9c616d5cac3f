// In-app notifications. Domains call notify() inside their own transaction; the same
// transaction queues the email for each recipient who wants it at once (mail domain), so a
// notification and its email are stored together or not at all.
import type { Db, Role } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { queueNotificationMail } from '../mail/mail.public.ts'
import { insertNotifications, markRead, notificationsFor, recipientsOf, type NewNotification } from './notifications.repository.ts'

/** Stores notifications (a repeated dedupe key is skipped) and queues their emails; returns how many were new. */
export async function notify (db: Db, items: NewNotification | NewNotification[]): Promise<number> {
  const ids = await insertNotifications(db, Array.isArray(items) ? items : [items])
  if (ids.length) await queueNotificationMail(db, await recipientsOf(db, ids))
  return ids.length
}

/** What a user was notified of in a window (after, until]: the content of a daily digest. */
export function notificationsBetween (db: Db, user: { id: number; role: Role; premisesIds: number[] }, after: Date, until: Date) {
  return notificationsFor(db, user, false, 500, { after, until })
}

export async function listNotifications (db: Db, user: CurrentUser, onlyUnread: boolean) {
  const items = await notificationsFor(db, user, onlyUnread, 200)
  return { items, total: items.length, unread: items.filter(n => !n.readAt).length }
}

export async function readNotifications (db: Db, user: CurrentUser, ids: number[]) {
  // Only mark what the user can see, so ids of others' notifications are ignored.
  const visible = new Set((await notificationsFor(db, user, false, 1000)).map(n => n.id))
  await markRead(db, user.id, ids.filter(id => visible.has(id)))
}
