// In-app notifications. Domains call notify() inside their own transaction; an email adapter
// can be added later behind the same function.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { insertNotifications, markRead, notificationsFor, type NewNotification } from './notifications.repository.ts'

export function notify (db: Db, items: NewNotification | NewNotification[]): Promise<number> {
  return insertNotifications(db, Array.isArray(items) ? items : [items])
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
