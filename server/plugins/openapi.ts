// The OpenAPI document at /docs/json (built from the route schemas) and Swagger UI at /docs.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { errorSchema } from '../../shared/schemas/common.ts'
import { userSchema } from '../../shared/schemas/auth.ts'
import { toOpenApi30 } from './openapi-30.ts'

export default fp(async function openapiPlugin (app) {
  app.addSchema(errorSchema)
  app.addSchema(userSchema)
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Nightsafe API',
        description: 'Licensed premises and night-time economy management: premises register, incidents, Safety Thirst, noise plans and dispersal policies, hotspots and flags.',
        version: '0.1.0'
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }]
    },
    transformObject: document => 'openapiObject' in document ? toOpenApi30(document.openapiObject) as typeof document.openapiObject : document.swaggerObject,
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) }
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
}, { name: 'openapi' })
