// GET /health: ok once migrations and demo seeding are done (the app is not listening before),
// 503 while the database cannot be reached.
import type { FastifyInstance } from 'fastify'
import { ping } from './db/connect.ts'

export default async function healthRoutes (app: FastifyInstance) {
  app.get('/health', {
    schema: {
      tags: ['health'],
      security: [],
      response: {
        200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } },
        503: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' }, message: { type: 'string' } } }
      }
    }
  }, async (_request, reply) => {
    if (!(await ping(app.db))) {
      return reply.status(503).send({ status: 'unavailable', database: app.dbMode, message: 'The database cannot be reached' })
    }
    return { status: 'ok', database: app.dbMode }
  })
}
