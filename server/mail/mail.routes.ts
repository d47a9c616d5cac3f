// Email preferences (everyone, for themselves) and the outbox (administrators): what was sent,
// what waits, what failed, with each message's text.
import { ALL_ROLES } from '../../shared/roles.ts'
import { idParams } from '../../shared/schemas/common.ts'
import { mailPreferencesBody, mailPreferencesResponse, outboxMessageSchema, outboxQuery, outboxResponse } from '../../shared/schemas/mail.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import * as mail from './mail.service.ts'

const tags = ['mail']

const mailRoutes: RoutesPlugin = async function mailRoutes (app) {
  app.get('/me/mail-preferences', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'How I get notifications by email', response: { 200: mailPreferencesResponse } }
  }, async request => mail.getPreferences(app.db, request.user))

  app.put('/me/mail-preferences', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'Choose email at once, a daily digest or no email, in general and per topic', body: mailPreferencesBody, response: { 200: mailPreferencesResponse } }
  }, async request => mail.setPreferences(app.db, request.user, request.body))

  app.get('/mail/outbox', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Email sent, queued and failed, newest first', querystring: outboxQuery, response: { 200: outboxResponse } }
  }, async request => mail.listOutbox(app.db, app.mail.transport, request.query))

  app.get('/mail/outbox/:id', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'One message as it is (or will be) sent', params: idParams, response: { 200: outboxMessageSchema, 404: { $ref: 'Error#' } } }
  }, async request => mail.getOutboxMessage(app.db, request.params.id, app.config.appUrl, app.mail.unsubscribeKey))

  app.post('/mail/outbox/:id/retry', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Send a failed message again', params: idParams, response: { 200: outboxMessageSchema, 404: { $ref: 'Error#' }, 409: { $ref: 'Error#' } } }
  }, async request => mail.retryOutboxMessage(app.db, request.user, request.params.id, app.config.appUrl, app.mail.unsubscribeKey))
}

export default mailRoutes
