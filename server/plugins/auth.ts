// Authentication (JWT bearer, or an httpOnly cookie for the browser) and authorisation by
// declaration: every /api route states `config.access` ('public' or the roles allowed), a hook
// enforces it before the handler runs, and a route without a declaration fails at start-up.
// Scoping to a venue manager's own premises is a business rule and lives in the services.
import fp from 'fastify-plugin'
import fastifyCookie from '@fastify/cookie'
import fastifyJwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import type { Access, Role } from '../../shared/roles.ts'
import { findUserById, type UserRow } from '../auth/auth.public.ts'
import { Forbidden, NotAuthenticated } from '../errors.ts'

export const TOKEN_COOKIE = 'nightsafe_token'

export interface CurrentUser { id: number; email: string; name: string; role: Role; organisation: string | null; premisesIds: number[] }

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: number; role: Role }
    user: CurrentUser
  }
}

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyInstance {
    /** Loads the user behind the request's token; throws 401 when there is none or it is bad. */
    currentUser: (request: FastifyRequest) => Promise<CurrentUser>
  }
}

const USER_CACHE_MS = 5000

export default fp(async function authPlugin (app) {
  await app.register(fastifyCookie)
  await app.register(fastifyJwt, {
    secret: app.config.jwtSecret,
    sign: { expiresIn: app.config.jwtExpiresIn },
    cookie: { cookieName: TOKEN_COOKIE, signed: false }
  })

  // A short cache keeps the per-request account check cheap; deactivation takes effect within seconds.
  const cache = new Map<number, { user: UserRow; until: number }>()
  async function loadUser (id: number): Promise<UserRow | undefined> {
    const hit = cache.get(id)
    if (hit && hit.until > Date.now()) return hit.user
    const user = await findUserById(app.db, id)
    if (user) cache.set(id, { user, until: Date.now() + USER_CACHE_MS })
    if (cache.size > 10000) cache.clear()
    return user
  }
  app.decorate('forgetUser', (id: number) => { cache.delete(id) })

  app.decorate('currentUser', async function currentUser (request: FastifyRequest): Promise<CurrentUser> {
    let payload: { sub: number; role: Role }
    try {
      payload = await request.jwtVerify<{ sub: number; role: Role }>()
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      const why = code.includes('EXPIRED') ? 'your session has expired' : code.includes('NO_AUTHORIZATION') ? 'no token was sent' : 'the token is not valid'
      throw new NotAuthenticated(why)
    }
    const user = await loadUser(Number(payload.sub))
    if (!user || !user.active) throw new NotAuthenticated('the account is not active')
    const current = { id: user.id, email: user.email, name: user.name, role: user.role, organisation: user.organisation, premisesIds: user.premisesIds }
    request.user = current
    return current
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
    if (!access.includes(user.role)) {
      throw new Forbidden(`Your role (${user.role}) may not ${request.method} ${request.routeOptions.url}`)
    }
  })
}, { name: 'auth', dependencies: ['db'] })

declare module 'fastify' {
  interface FastifyInstance { forgetUser: (id: number) => void }
}
