// HTTP routes of the premises domain (schema, access, status codes); the rules live in the service.
import type { FastifyInstance } from 'fastify'

export default async function premisesRoutes (app: FastifyInstance) {
  void app
}
