// HTTP routes of the incidents domain (schema, access, status codes); the rules live in the service.
import type { FastifyInstance } from 'fastify'

export default async function incidentsRoutes (app: FastifyInstance) {
  void app
}
