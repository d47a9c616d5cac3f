// The public routes of concerns (no login): report, confirm by the emailed link, and read one's
// own case by the link in later emails.
import { caseParams, caseQuery, confirmResponse, publicCaseSchema, referenceSchema, reportConcernBody, tokenBody } from '../../shared/schemas/concerns.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { caseKeyFor, confirmConcern, publicCase, reportConcern } from './concerns.report.service.ts'

const tags = ['concerns']
const error = { $ref: 'Error#' } as const

const concernsReportRoutes: RoutesPlugin = async function concernsReportRoutes (app) {
  const ctx = { clock: app.clock, caseKey: caseKeyFor(app.config.jwtSecret) }

  app.post('/public/concerns', {
    // A report is small: 64 KB is far more than the largest description allowed.
    bodyLimit: 64 * 1024,
    config: { access: 'public' },
    schema: {
      tags, security: [], summary: 'Report a concern (noise, anti-social behaviour) about a venue or a place; confirmed by an emailed link',
      body: reportConcernBody, response: { 202: referenceSchema, 400: error, 429: error }
    }
  }, async (request, reply) => reply.status(202).send(await reportConcern(app.db, request.body, { address: request.ip, addressLimit: app.config.concernRateLimit }, ctx)))

  app.post('/public/concerns/confirm', {
    config: { access: 'public' },
    schema: { tags, security: [], summary: 'Confirm a report with the token from its email', body: tokenBody, response: { 200: confirmResponse, 404: error, 410: error } }
  }, async request => confirmConcern(app.db, request.body.token, ctx))

  app.get('/public/concerns/:reference', {
    config: { access: 'public' },
    schema: { tags, security: [], summary: 'The status and updates of a report, for the holder of its link', params: caseParams, querystring: caseQuery, response: { 200: publicCaseSchema, 404: error } }
  }, async request => publicCase(app.db, request.params.reference, request.query.key, ctx.caseKey))
}

export default concernsReportRoutes
