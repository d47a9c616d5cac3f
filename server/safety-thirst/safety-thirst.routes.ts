// HTTP routes of the safety-thirst domain (schema, access, status codes); the rules live in the services.
import type { FastifyInstance } from 'fastify'
import criteriaRoutes from './criteria.routes.ts'
import applicationsRoutes from './applications.routes.ts'
import progressRoutes from './progress.routes.ts'

export default async function safetyThirstRoutes (app: FastifyInstance) {
  await app.register(criteriaRoutes, { prefix: '/safety-thirst' })
  await app.register(applicationsRoutes, { prefix: '/safety-thirst' })
  await app.register(progressRoutes, { prefix: '/safety-thirst' })
}
