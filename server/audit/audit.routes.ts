// The audit log, for officers and administrators.
import type { FastifyInstance } from 'fastify'
import { OFFICERS } from '../../shared/roles.ts'
import { pagingQuery } from '../../shared/schemas/common.ts'
import { listAudit } from './audit.repository.ts'

export default async function auditRoutes (app: FastifyInstance) {
  app.get('/audit', {
    config: { access: OFFICERS },
    schema: {
      tags: ['audit'],
      summary: 'Who changed what and when',
      querystring: {
        type: 'object',
        properties: {
          entity: { type: 'string', maxLength: 64 },
          entityId: { type: 'string', maxLength: 64 },
          userId: { type: 'integer', minimum: 1 },
          ...pagingQuery
        },
        additionalProperties: false
      }
    }
  }, async request => listAudit(app.db, request.query as Parameters<typeof listAudit>[1]))
}
