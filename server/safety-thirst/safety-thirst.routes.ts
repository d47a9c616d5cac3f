// HTTP routes of the safety-thirst domain (schema, access, status codes); the rules live in the services.
import criteriaRoutes from './criteria.routes.ts'
import applicationsRoutes from './applications.routes.ts'
import progressRoutes from './progress.routes.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const safetyThirstRoutes: RoutesPlugin = async function safetyThirstRoutes (app) {
  await app.register(criteriaRoutes, { prefix: '/safety-thirst' })
  await app.register(applicationsRoutes, { prefix: '/safety-thirst' })
  await app.register(progressRoutes, { prefix: '/safety-thirst' })
}

export default safetyThirstRoutes
