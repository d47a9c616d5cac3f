// HTTP routes of the plans domain (schema, access, status codes); the rules live in the service.
import type { FastifyInstance } from 'fastify'

export default async function plansRoutes (app: FastifyInstance) {
  void app
}
