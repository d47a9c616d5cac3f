// Login, the current user, and account administration.
import { ALL_ROLES, ROLES } from '../../shared/roles.ts'
import { createUserBody, loginBody, loginResponse, updateUserBody } from '../../shared/schemas/auth.ts'
import { idParams, okSchema } from '../../shared/schemas/common.ts'
import { TOKEN_COOKIE, type TokenPayload } from '../plugins/auth.ts'
import * as auth from './auth.service.ts'
import { logIn, loginRules } from './login.service.ts'
import { endSession, newSessionId, openSession } from './sessions.ts'
import type { Role } from '../db/types.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const publicUser = (u: { id: number; email: string; name: string; role: Role; organisation: string | null; premisesIds: number[]; active?: boolean }) =>
  ({ id: u.id, email: u.email, name: u.name, role: u.role, organisation: u.organisation, premisesIds: u.premisesIds, active: u.active })

const authRoutes: RoutesPlugin = async function authRoutes (app) {
  const rules = loginRules(app.config)
  app.post('/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Log in and receive a token', security: [], body: loginBody, response: { 200: loginResponse } }
  }, async (request, reply) => {
    const { email, password } = request.body
    const user = await logIn(app.db, { email, password, address: request.ip }, rules)
    const sessionId = newSessionId()
    const token = await reply.jwtSign({ sub: user.id, sid: sessionId, role: user.role })
    const { exp } = app.jwt.decode<{ exp: number }>(token)!
    await openSession(app.db, { id: sessionId, userId: user.id, expiresAt: new Date(exp * 1000) })
    reply.setCookie(TOKEN_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', expires: new Date(exp * 1000)
    })
    return { token, expiresAt: new Date(exp * 1000).toISOString(), user: publicUser(user) }
  })

  app.post('/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'End the session: its token (bearer or cookie) stops working and the cookie is cleared', security: [], response: { 200: okSchema } }
  }, async (request, reply) => {
    // Public, so a browser with an expired or broken token can still clear its cookie.
    const sessionId = await request.jwtVerify<TokenPayload>().then(payload => payload.sid, () => undefined)
    if (typeof sessionId === 'string') {
      await endSession(app.db, sessionId, 'logout')
      app.forgetSession(sessionId)
    }
    reply.clearCookie(TOKEN_COOKIE, { path: '/' })
    return { ok: true }
  })

  app.get('/me', {
    config: { access: ALL_ROLES },
    schema: { tags: ['auth'], summary: 'The current user', response: { 200: { $ref: 'User#' } } }
  }, async request => publicUser(request.user))

  app.get('/users', {
    config: { access: ['admin'] },
    schema: {
      tags: ['auth'], summary: 'All accounts',
      querystring: { type: 'object', properties: { role: { type: 'string', enum: ROLES } }, additionalProperties: false },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'User#' } }, total: { type: 'integer' } }, required: ['items', 'total'] } }
    }
  }, async request => {
    const items = await auth.listUsers(app.db, request.query)
    return { items: items.map(publicUser), total: items.length }
  })

  app.post('/users', {
    config: { access: ['admin'] },
    schema: { tags: ['auth'], summary: 'Create an account', body: createUserBody, response: { 201: { $ref: 'User#' } } }
  }, async (request, reply) => {
    const user = await auth.createUser(app.db, request.user.id, request.body)
    return reply.status(201).send(publicUser(user))
  })

  app.patch('/users/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['auth'], summary: 'Change an account (role, premises, active, password)', params: idParams, body: updateUserBody, response: { 200: { $ref: 'User#' } } }
  }, async request => {
    const { id } = request.params
    const user = await auth.updateUser(app.db, { id: request.user.id, sessionId: request.sessionId }, id, request.body)
    app.forgetUser(id)
    return publicUser(user)
  })
}

export default authRoutes
