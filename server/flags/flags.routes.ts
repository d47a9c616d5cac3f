// HTTP routes of the flags domain (schema, access, status codes); the rules live in the service.
import type { FastifyInstance } from 'fastify'

export default async function flagsRoutes (app: FastifyInstance) {
  void app
}
