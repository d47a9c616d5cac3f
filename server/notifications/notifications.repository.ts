
import type { Db, Role } from '../db/types.ts'

export interface NewNotification {
  userId?: number | null
  role?: Role | null
  premisesId?: number | null
  kind: string
  title: string
  body?: string
  link?: string | null
  /** Same key twice is stored once (e.g. one reminder per document per review date). */
  dedupeKey?: string | null
}

export async function insertNotifications (db: Db, items: NewNotification[]): Promise<number> {
  if (!items.length) return 0
  const result = await db.insertInto('notifications').values(items.map(n => ({
    userId: n.userId ?? null,
    role: n.role ?? null,
    premisesId: n.premisesId ?? null,
    kind: n.kind,
    title: n.title,
    body: n.body ?? '',
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ?? null
  }))).onConflict(oc => oc.column('dedupeKey').where('dedupeKey', 'is not', null).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** Notifications addressed to this user directly, or to the user's role (for a venue manager, only about its premises). */
export function notificationsFor (db: Db, user: { id: number; role: Role; premisesIds: number[] }, onlyUnread: boolean, limit: number) {
  let query = db.selectFrom('notifications as n')
    .leftJoin('notificationReads as r', join => join.onRef('r.notificationId', '=', 'n.id').on('r.userId', '=', user.id))
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.link', 'n.premisesId', 'n.createdAt', 'r.readAt'])
    .where(eb => eb.or([
      eb('n.userId', '=', user.id),
      user.role === 'venue_manager'
        ? eb.and([eb('n.role', '=', user.role), eb('n.userId', 'is', null), eb('n.premisesId', 'in', user.premisesIds.length ? user.premisesIds : [-1])])
        : eb.and([eb('n.role', '=', user.role), eb('n.userId', 'is', null)])
    ]))
  if (onlyUnread) query = query.where('r.readAt', 'is', null)
  return query.orderBy('n.id', 'desc').limit(limit).execute()
}

export async function markRead (db: Db, userId: number, ids: number[]) {
  if (!ids.length) return
  await db.insertInto('notificationReads').values(ids.map(notificationId => ({ notificationId, userId })))
    .onConflict(oc => oc.columns(['notificationId', 'userId']).doNothing()).execute()
}

