// The audit log, for officers and administrators.
import { OFFICERS } from '../../shared/roles.ts'
import { auditListResponse, auditQuery } from '../../shared/schemas/audit.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { listAudit } from './audit.service.ts'

const auditRoutes: RoutesPlugin = async function auditRoutes (app) {
  app.get('/audit', {
    config: { access: OFFICERS },
    schema: { tags: ['audit'], summary: 'Who changed what and when', querystring: auditQuery, response: { 200: auditListResponse } }
  }, async request => listAudit(app.db, request.query))
}

export default auditRoutes
