// One-click unsubscribe, no login: the token in an email's link is the permission. GET says
// what the link stops (the page asks before it acts, as mail scanners open links); POST stops
// it. Mail programs POST the form `List-Unsubscribe=One-Click` to the List-Unsubscribe URL
// (RFC 8058), so this route also reads form bodies (multipart ones are read by @fastify/multipart;
// their one field says nothing the token does not).
import { unsubscribeBody, unsubscribeQuery, unsubscribeStateSchema } from '../../shared/schemas/mail.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { UnsubscribeLinkInvalid } from './mail.errors.ts'
import { checkUnsubscribe, unsubscribe } from './mail.unsubscribe.service.ts'

const tags = ['mail']
const error = { $ref: 'Error#' } as const
const FORM_LIMIT = 4096

const mailUnsubscribeRoutes: RoutesPlugin = async function mailUnsubscribeRoutes (app) {
  // Only within this plugin: nowhere else takes a form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))))
  })

  const tokenOf = (query: { token?: string }, body?: { token?: string } | null) => {
    const token = query.token ?? body?.token
    if (!token) throw new UnsubscribeLinkInvalid()
    return token
  }

  app.get('/public/unsubscribe', {
    config: { access: 'public' },
    schema: { tags, security: [], summary: 'What an unsubscribe link from an email stops, and whether it already is', querystring: unsubscribeQuery, response: { 200: unsubscribeStateSchema, 400: error } }
  }, async request => checkUnsubscribe(app.db, app.mail.unsubscribeKey, tokenOf(request.query), app.clock.now()))

  app.post('/public/unsubscribe', {
    bodyLimit: FORM_LIMIT,
    config: { access: 'public' },
    // A multipart form is left unread (the token is in the query), so the body is empty.
    preValidation: async request => { if (request.isMultipart()) request.body = {} },
    schema: {
      tags, security: [], summary: 'Stop the emails an unsubscribe link names (RFC 8058 one-click: the token in the query, body List-Unsubscribe=One-Click)',
      querystring: unsubscribeQuery, body: unsubscribeBody, response: { 200: unsubscribeStateSchema, 400: error }
    }
  }, async request => unsubscribe(app.db, app.mail.unsubscribeKey, tokenOf(request.query, request.body), app.clock.now()))
}

export default mailUnsubscribeRoutes
