// HTTP routes of the partnership's indicators (docs/indicators.md): the figures for officers,
// police and administrators; targets are an administrator's.
import { OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { fileResponse } from '../../shared/schemas/common.ts'
import * as schemas from '../../shared/schemas/indicators.ts'
import { sendCsv } from '../http/csv.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { indicatorsCsv, indicatorsFileName, quarterCsv } from './indicators.export.ts'
import { quarterlyReportPdf, reportFileName } from './indicators.report.ts'
import { indicatorsFor, quarterReport, setTarget } from './indicators.service.ts'

const tags = ['indicators']

const indicatorsRoutes: RoutesPlugin = async function indicatorsRoutes (app) {
  const yearOf = (query: schemas.IndicatorsQuery) => query.year ?? Number(app.clock.today().slice(0, 4))

  app.get('/indicators', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'The Safer City Partnership\'s indicators per priority for a year (this year when left out)', querystring: schemas.indicatorsQuery, response: { 200: schemas.indicatorsResponse } }
  }, async request => indicatorsFor(app.db, yearOf(request.query), app.clock.today(), app.clock.tz))

  app.get('/indicators/export.csv', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'The indicators\' monthly figures for a year as CSV', querystring: schemas.indicatorsQuery, response: { 200: fileResponse('text/csv') } }
  }, async (request, reply) => {
    const year = yearOf(request.query)
    return sendCsv(reply, indicatorsFileName(year), indicatorsCsv(await indicatorsFor(app.db, year, app.clock.today(), app.clock.tz)))
  })

  const report = (query: schemas.ReportQuery) => quarterReport(app.db, query.year, query.quarter, app.clock.today(), app.clock.tz)

  app.get('/indicators/report.pdf', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'The quarterly report to the Strategy Group as a PDF: each priority\'s indicators for the quarter against the same quarter last year, with charts and commentary', querystring: schemas.reportQuery, produces: ['application/pdf'], response: { 200: fileResponse('application/pdf') } }
  }, async (request, reply) => {
    const bytes = await quarterlyReportPdf(await report(request.query))
    reply.type('application/pdf').header('content-disposition', `attachment; filename="${reportFileName(request.query.year, request.query.quarter, 'pdf')}"`).header('cache-control', 'private, no-store')
    return reply.send(Buffer.from(bytes))
  })

  app.get('/indicators/report.csv', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'The quarterly report\'s figures as CSV: each indicator\'s quarter and its months, against the same period last year', querystring: schemas.reportQuery, response: { 200: fileResponse('text/csv') } }
  }, async (request, reply) => sendCsv(reply, reportFileName(request.query.year, request.query.quarter, 'csv'), quarterCsv(await report(request.query))))

  app.put('/indicators/:key/target', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Set an indicator\'s target, or clear it (null) to go back to the default', params: schemas.indicatorKeyParams, body: schemas.targetBody, response: { 200: schemas.targetResponse } }
  }, async request => setTarget(app.db, request.params.key, request.body.target, request.user))
}

export default indicatorsRoutes
