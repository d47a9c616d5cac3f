// The API contract: every route declares what a 2xx answer is, and the OpenAPI document built
// from the route schemas is valid OpenAPI 3.0 (what client generators read).
//
// A JSON route declares a response schema (the serializer drops undeclared fields, so the schema
// is the answer's shape). A download (CSV, PDF, an uploaded file, a GeoJSON file) declares its
// media types instead, with fileResponse(): a 2xx entry whose `content` names only non-JSON
// media types. Anything else, no 2xx entry at all, or a `content` entry without a schema, fails.
import t from 'tap'
import { readFileSync } from 'node:fs'
import SwaggerParser from '@apidevtools/swagger-parser'
import { OPENAPI_TYPES_FILE, openApiTypes } from '../../server/cli/openapi-types.ts'
import { apiRoutes, buildWithRoutes, type RouteInfo } from './route-table.ts'

const isJsonMediaType = (type: string) => type === 'application/json' || type.endsWith('+json') && type !== 'application/geo+json'

/** Why a route's 2xx declaration is missing or incomplete, or undefined when it is declared. */
export function responseProblem (route: RouteInfo): string | undefined {
  const response = route.schema?.response ?? {}
  const success = Object.entries(response).filter(([status]) => /^2(\d\d|xx)$/.test(status))
  if (!success.length) return 'no 2xx response schema'
  for (const [status, entry] of success) {
    if (entry && typeof entry === 'object' && 'content' in entry) {
      const types = Object.entries(entry.content as Record<string, { schema?: unknown }>)
      if (!types.length) return `${status}: content names no media type`
      for (const [type, media] of types) {
        if (!media?.schema) return `${status}: ${type} has no schema`
        if (isJsonMediaType(type)) return `${status}: declare a JSON answer as a response schema, not as ${type} content`
      }
    } else if (!entry || typeof entry !== 'object' || !('type' in entry || '$ref' in entry || 'anyOf' in entry || 'oneOf' in entry)) {
      return `${status}: the response schema has no type`
    }
  }
  return undefined
}

t.test('every API route declares its 2xx answer: a JSON schema, or a download\'s media type', async t => {
  const { routes } = await buildWithRoutes(t)
  const api = apiRoutes(routes)
  t.ok(api.length > 80, `the route table has the API (${api.length} routes)`)
  const missing = api.map(route => ({ key: route.key, problem: responseProblem(route) })).filter(r => r.problem)
  t.same(missing, [], 'routes without a declared 2xx answer')
})

t.test('the check tells a missing or JSON-shaped download apart from a declared one', async t => {
  const route = (response?: Record<string, any>): RouteInfo => ({ method: 'GET', url: '/api/x', access: 'public', key: 'GET /api/x', schema: { response } })
  t.equal(responseProblem(route()), 'no 2xx response schema')
  t.equal(responseProblem(route({ 404: { $ref: 'Error#' } })), 'no 2xx response schema')
  t.equal(responseProblem(route({ 200: { type: 'object', properties: {} } })), undefined)
  t.equal(responseProblem(route({ 201: { $ref: 'User#' } })), undefined)
  t.equal(responseProblem(route({ 200: { content: { 'text/csv': { schema: { type: 'string' } } } } })), undefined)
  t.match(responseProblem(route({ 200: { content: { 'application/json': { schema: { type: 'object' } } } } })), /declare a JSON answer/)
  t.match(responseProblem(route({ 200: { description: 'A file' } })), /no type/)
})

t.test('GET /docs/json is a valid OpenAPI 3.0 document with every API path', async t => {
  const { app, routes } = await buildWithRoutes(t)
  const res = await app.inject({ method: 'GET', url: '/docs/json' })
  t.equal(res.statusCode, 200)
  const document = res.json()
  t.equal(document.openapi, '3.0.3')
  // validate() dereferences in place: give it a copy so the paths can be checked after.
  await t.resolves(SwaggerParser.validate(structuredClone(document)), 'swagger-parser accepts the document')
  const documented = new Set(Object.entries(document.paths as Record<string, object>)
    .flatMap(([path, methods]) => Object.keys(methods).map(method => `${method.toUpperCase()} ${path}`)))
  const undocumented = apiRoutes(routes).map(r => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).filter(key => !documented.has(key))
  t.same(undocumented, [], 'every API route is in the document')
  // The client's api() is typed from this file; a stale one would type-check calls against old routes.
  t.equal(readFileSync(OPENAPI_TYPES_FILE, 'utf8'), await openApiTypes(document),
    'client/src/api/openapi.ts matches the live document (run npm run openapi:types after changing a route schema)')
})
