// Authentication (JWT bearer, or an httpOnly cookie for the browser) and authorisation by
// declaration: every /api route states `config.access` ('public' or the roles allowed), a hook
// enforces it before the handler runs, and a route without a declaration fails at start-up.
// Scoping to a venue manager's own premises is a business rule and lives in the services.
import fp from 'fastify-plugin'
import fastifyCookie from '@fastify/cookie'
import fastifyJwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import type { Access, Role } from '../../shared/roles.ts'
import { CrossSiteRequest, findSessionUser, SessionCache } from '../auth/auth.public.ts'
import { Forbidden, NotAuthenticated } from '../errors.ts'

export const TOKEN_COOKIE = 'nightsafe_token'

export interface CurrentUser { id: number; email: string; name: string; role: Role; organisation: string | null; premisesIds: number[] }
/** What a token says: the user, the session it belongs to (checked per request) and the role at login. */
export interface TokenPayload { sub: number; sid: string; role: Role }

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenPayload
    user: CurrentUser
  }
}

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyInstance {
    /** Loads the user behind the request's token; throws 401 when there is none or it is bad. */
    currentUser: (request: FastifyRequest) => Promise<CurrentUser>
    /** Drops this instance's cached sessions of a user after they were ended. */
    forgetUser: (id: number) => void
    forgetSession: (sessionId: string) => void
  }
  interface FastifyRequest {
    /** The session behind the request's token, once authenticated. */
    sessionId?: string
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export default fp(async function authPlugin (app) {
  await app.register(fastifyCookie)
  await app.register(fastifyJwt, {
    secret: app.config.jwtSecret,
    sign: { expiresIn: app.config.jwtExpiresIn },
    cookie: { cookieName: TOKEN_COOKIE, signed: false }
  })

  // The token names a session; the session must still be live (not ended by logout, a password,
  // role or active change, nor expired) and its account active. Checked per request, cached briefly.
  const sessions = new SessionCache(async sessionId => {
    const user = await findSessionUser(app.db, sessionId, new Date())
    return user && { id: user.id, email: user.email, name: user.name, role: user.role, organisation: user.organisation, premisesIds: user.premisesIds }
  })
  app.decorateRequest('sessionId', undefined)
  app.decorate('forgetUser', (id: number) => sessions.forgetUser(id))
  app.decorate('forgetSession', (sessionId: string) => sessions.forgetSession(sessionId))

  app.decorate('currentUser', async function currentUser (request: FastifyRequest): Promise<CurrentUser> {
    let payload: TokenPayload
    try {
      payload = await request.jwtVerify<TokenPayload>()
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      const why = code.includes('EXPIRED') ? 'your session has expired' : code.includes('NO_AUTHORIZATION') ? 'no token was sent' : 'the token is not valid'
      throw new NotAuthenticated(why)
    }
    if (typeof payload.sid !== 'string') throw new NotAuthenticated('the token is not valid')
    const user = await sessions.get(payload.sid, Number(payload.sub))
    if (!user || user.id !== Number(payload.sub)) throw new NotAuthenticated('your session has ended')
    request.user = user
    request.sessionId = payload.sid
    return user
  })

  app.addHook('onRoute', route => {
    const url = route.url ?? route.path
    if (!url.startsWith('/api')) return
    if (route.config?.access === undefined) {
      throw new Error(`Route ${route.method} ${url} declares no config.access; every /api route must say who may call it`)
    }
  })

  // onRequest, before the body is read or validated: an anonymous or wrong-role caller gets
  // 401/403, never a 400 that describes the schema, and no upload is parsed for them.
  app.addHook('onRequest', async request => {
    const access = request.routeOptions.config?.access
    if (access === undefined || access === 'public') return
    const user = await app.currentUser(request)
    // Cross-site request forgery: the browser sends the cookie by itself, so a change made with
    // it must also carry a header no other site's form or plain request can add (SameSite=Strict
    // already keeps the cookie off cross-site requests; this holds if a browser gets that wrong).
    if (UNSAFE_METHODS.has(request.method) && !request.headers.authorization && !request.headers['x-requested-with']) {
      throw new CrossSiteRequest()
    }
    if (!access.includes(user.role)) {
      throw new Forbidden(`Your role (${user.role}) may not ${request.method} ${request.routeOptions.url}`)
    }
  })
}, { name: 'auth', dependencies: ['db'] })
