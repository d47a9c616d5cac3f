
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

/** Inserts notifications (a dedupe key already stored is skipped); returns the ids inserted. */
export async function insertNotifications (db: Db, items: NewNotification[]): Promise<number[]> {
  if (!items.length) return []
  const rows = await db.insertInto('notifications').values(items.map(n => ({
    userId: n.userId ?? null,
    role: n.role ?? null,
    premisesId: n.premisesId ?? null,
    kind: n.kind,
    title: n.title,
    body: n.body ?? '',
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ?? null
  }))).onConflict(oc => oc.column('dedupeKey').where('dedupeKey', 'is not', null).doNothing()).returning('id').execute()
  return rows.map(r => r.id)
}

/** Notifications addressed to this user directly, or to the user's role (for a venue manager, only about its premises). */
export function notificationsFor (db: Db, user: { id: number; role: Role; premisesIds: number[] }, onlyUnread: boolean, limit: number, window?: { after: Date; until: Date }) {
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
  if (window) query = query.where('n.createdAt', '>', window.after).where('n.createdAt', '<=', window.until)
  return query.orderBy('n.id', 'desc').limit(limit).execute()
}

export async function markRead (db: Db, userId: number, ids: number[]) {
  if (!ids.length) return
  await db.insertInto('notificationReads').values(ids.map(notificationId => ({ notificationId, userId })))
    .onConflict(oc => oc.columns(['notificationId', 'userId']).doNothing()).execute()
}


/**
 * Who receives each of these notifications: the addressed user, or every active holder of the
 * addressed role, a venue manager only when it manages the premises the notification is about
 * (the rule of notificationsFor, seen from the notification's side).
 */
export function recipientsOf (db: Db, notificationIds: number[]) {
  if (!notificationIds.length) return Promise.resolve([])
  return db.selectFrom('notifications as n')
    .innerJoin('users as u', join => join.on(eb => eb.or([
      eb('u.id', '=', eb.ref('n.userId')),
      eb.and([
        eb('n.userId', 'is', null),
        eb('u.role', '=', eb.ref('n.role')),
        eb.or([
          eb('u.role', '<>', 'venue_manager'),
          eb.exists(eb.selectFrom('premisesManagers as pm').select('pm.userId')
            .whereRef('pm.userId', '=', 'u.id').whereRef('pm.premisesId', '=', 'n.premisesId'))
        ])
      ])
    ])))
    .select(['n.id as notificationId', 'n.kind', 'n.title', 'n.body', 'n.link', 'u.id as userId', 'u.email', 'u.name'])
    .where('n.id', 'in', notificationIds)
    .where('u.active', '=', true)
    .orderBy('n.id').orderBy('u.id')
    .execute()
}
