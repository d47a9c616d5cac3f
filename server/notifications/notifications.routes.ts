import { ALL_ROLES } from '../../shared/roles.ts'
import { okSchema } from '../../shared/schemas/common.ts'
import { notificationListResponse, notificationsQuery, readNotificationsBody } from '../../shared/schemas/notifications.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { listNotifications, readNotifications } from './notifications.service.ts'

const notificationsRoutes: RoutesPlugin = async function notificationsRoutes (app) {
  app.get('/notifications', {
    config: { access: ALL_ROLES },
    schema: { tags: ['notifications'], summary: 'My notifications, newest first', querystring: notificationsQuery, response: { 200: notificationListResponse } }
  }, async request => listNotifications(app.db, request.user, request.query.unread))

  app.post('/notifications/read', {
    config: { access: ALL_ROLES },
    schema: { tags: ['notifications'], summary: 'Mark notifications as read', body: readNotificationsBody, response: { 200: okSchema } }
  }, async request => {
    await readNotifications(app.db, request.user, request.body.ids)
    return { ok: true }
  })
}

export default notificationsRoutes
