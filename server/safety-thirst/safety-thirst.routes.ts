// HTTP routes of the safety-thirst domain (schema, access, status codes); the rules live in the service.
import type { FastifyInstance } from 'fastify'

export default async function safetyThirstRoutes (app: FastifyInstance) {
  void app
}
