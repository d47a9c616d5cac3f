// HTTP routes for the yearly progress dashboard, venues not taking part, CSV exports and the levy list.
import { OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { fileResponse, listOf } from '../../shared/schemas/common.ts'
import { progressQuery, progressResponse, venueRow } from '../../shared/schemas/safety-thirst.ts'
import * as progress from './progress.service.ts'
import { sendCsv } from '../http/csv.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['safety-thirst']

const progressRoutes: RoutesPlugin = async function progressRoutes (app) {
  const yearOf = (request: { query: { year?: number } }) => request.query.year ?? app.clock.year()
  app.get('/progress', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Applications by status and tier for the year against the target', querystring: progressQuery, response: { 200: progressResponse } }
  }, async request => progress.progress(app.db, yearOf(request)))

  app.get('/progress/not-taking-part', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Current premises with no application for the year', querystring: progressQuery, response: { 200: listOf(venueRow) } }
  }, async request => progress.notTakingPart(app.db, yearOf(request)))

  app.get('/progress/export.csv', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Every current premises and its application for the year, as CSV', querystring: progressQuery, produces: ['text/csv'], response: { 200: fileResponse('text/csv') } }
  }, async (request, reply) => {
    const year = yearOf(request)
    return sendCsv(reply, `safety-thirst-${year}.csv`, await progress.progressCsv(app.db, year))
  })

  app.get('/levy-reductions', {
    config: { access: OFFICERS_AND_POLICE },
    schema: {
      tags, summary: 'Venues currently at the Safety Thirst standard (late-night levy reduction); ?format=csv for a file',
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json', 'csv'], default: 'json' } }, additionalProperties: false },
      response: { 200: listOf(venueRow) }
    }
  }, async (request, reply) => {
    if (request.query.format === 'csv') {
      return sendCsv(reply.serializer((payload: unknown) => String(payload)), 'late-night-levy-reductions.csv', await progress.levyCsv(app.db, app.clock.today()))
    }
    return progress.levyReductions(app.db, app.clock.today())
  })
}

export default progressRoutes
