// The type provider every routes plugin uses: request params, querystring and body, and what a
// handler may return, are typed from the route's JSON Schemas (shared/schemas/), so the schema
// that validates and serialises a route is also the only declaration of its types.
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts'
import type { errorSchema } from '../shared/schemas/common.ts'
import type { userSchema } from '../shared/schemas/auth.ts'

/** Schemas added with app.addSchema (server/plugins/openapi.ts), so `$ref: 'User#'` resolves in types too. */
type SharedSchemas = [typeof errorSchema, typeof userSchema]

/**
 * A routes plugin typed from its schemas:
 * `const fooRoutes: RoutesPlugin = async app => { app.get('/foo', { schema }, async request => …) }`.
 * Responses may hold a Date where the schema says `format: 'date-time'` (the serializer writes it
 * as an ISO string), and a Buffer where a download says `format: 'binary'` (sent as it is).
 */
export type RoutesPlugin = FastifyPluginAsyncJsonSchemaToTs<{
  ValidatorSchemaOptions: { references: SharedSchemas }
  SerializerSchemaOptions: {
    references: SharedSchemas
    deserialize: [
      { pattern: { type: 'string'; format: 'date-time' }; output: Date | string },
      { pattern: { type: 'string'; format: 'binary' }; output: string | Buffer }
    ]
  }
}>

/** The instance a RoutesPlugin receives, for helpers that register routes on it. */
export type TypedApp = Parameters<RoutesPlugin>[0]
