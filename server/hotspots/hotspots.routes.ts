// HTTP routes of the hotspots domain (schema, access, status codes); the rules live in the service.
import type { FastifyInstance } from 'fastify'

export default async function hotspotsRoutes (app: FastifyInstance) {
  void app
}
