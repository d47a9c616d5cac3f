// The casework domain's routes: the statutory clock, Temporary Event Notices, representations,
// hearings and decisions, each in its own file.
import type { FastifyInstance } from 'fastify'
import clockRoutes from './clock.routes.ts'
import tensRoutes from './tens.routes.ts'
import casesRoutes from './cases.routes.ts'

export default async function caseworkRoutes (app: FastifyInstance) {
  await app.register(clockRoutes)
  await app.register(tensRoutes)
  await app.register(casesRoutes)
}
