import type { FastifyInstance } from 'fastify'
import { ALL_ROLES } from '../../shared/roles.ts'
import { listNotifications, readNotifications } from './notifications.service.ts'

export default async function notificationsRoutes (app: FastifyInstance) {
  app.get('/notifications', {
    config: { access: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'My notifications, newest first',
      querystring: { type: 'object', properties: { unread: { type: 'boolean', default: false } }, additionalProperties: false }
    }
  }, async request => listNotifications(app.db, request.user, (request.query as { unread: boolean }).unread))

  app.post('/notifications/read', {
    config: { access: ALL_ROLES },
    schema: {
      tags: ['notifications'],
      summary: 'Mark notifications as read',
      body: { type: 'object', properties: { ids: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 1000 } }, required: ['ids'], additionalProperties: false }
    }
  }, async request => {
    await readNotifications(app.db, request.user, (request.body as { ids: number[] }).ids)
    return { ok: true }
  })
}
