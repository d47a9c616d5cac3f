// The app's route table, collected with an onRoute hook added before the app is registered, so
// quality tests cover every route that exists, including routes added after they were written.
import Fastify, { type FastifyInstance } from 'fastify'
import app from '../../server/app.ts'
import { fastifyOptions } from '../../server/fastify-options.ts'
import type { Config } from '../../server/config.ts'
import type { Access } from '../../shared/roles.ts'
import { createTestDatabase, testConfig, type Tap } from '../helper.ts'

export interface RouteInfo {
  method: string
  url: string
  access: Access | undefined
  schema: { params?: any; querystring?: any; body?: any; consumes?: string[]; response?: Record<string, any> } | undefined
  key: string
}

export interface RoutedApp { app: FastifyInstance; routes: RouteInfo[]; handlerRan: Set<string> }

/** build(t) with the route table recorded and each handler instrumented (request ids that reached it). */
export async function buildWithRoutes (t: Tap, config: Partial<Config> = {}): Promise<RoutedApp> {
  const options = testConfig(config)
  const database = await createTestDatabase(t)
  const server = Fastify(fastifyOptions(options, false))
  const routes: RouteInfo[] = []
  const handlerRan = new Set<string>()
  server.addHook('onRoute', route => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const original = route.handler
    route.handler = function instrumented (request, reply) {
      handlerRan.add(request.id)
      return original.call(this, request, reply)
    }
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue
      routes.push({ method, url: route.url, access: route.config?.access, schema: route.schema as RouteInfo['schema'], key: `${method} ${route.url}` })
    }
  })
  await server.register(app, { config: options, database })
  await server.ready()
  t.teardown(() => server.close())
  return { app: server, routes, handlerRan }
}

/** Routes that end the session they are called with: a walk gives each call a session of its own. */
export const endsSession = (route: Pick<RouteInfo, 'key'>) => route.key === 'POST /api/auth/logout'

export const apiRoutes = (routes: RouteInfo[]) => routes.filter(r => r.url.startsWith('/api/'))

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The premises id parameter of a path, if the path is about one premises. */
export function premisesParam (url: string): string | undefined {
  const match = /\/premises\/:(\w+)/.exec(url) ?? /:(premisesId)\b/.exec(url)
  return match?.[1]
}

/** Fills path parameters: premises ids from the caller, enums with their first value, others with a missing id. */
export function fillPath (route: RouteInfo, premisesId: number, missingId = 999999): string {
  const props = (route.schema?.params?.properties ?? {}) as Record<string, { type?: string; enum?: unknown[] }>
  const premises = premisesParam(route.url)
  return route.url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === premises) return String(premisesId)
    const prop = props[name]
    if (prop?.enum?.length) return String(prop.enum[0])
    if (prop?.type === 'string') return 'no-such-thing'
    return String(missingId)
  })
}
