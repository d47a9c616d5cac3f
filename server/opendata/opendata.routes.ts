// The open-data downloads of the public register (OpenAPI tag "opendata"), no login. Under
// /api/public/, so the transport plugin lets them be cached briefly and revalidated by ETag.
import { fileResponse } from '../../shared/schemas/common.ts'
import { OPEN_DATA_LICENCE, openDataJsonSchema, openDataQuery } from '../../shared/schemas/opendata.ts'
import { sendCsv } from '../http/csv.ts'
import { openDataCsv, openDataJson, openDataTable, PUBLISHER } from './opendata.service.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['opendata']

const opendataRoutes: RoutesPlugin = async function opendataRoutes (app) {
  app.get('/public/register.csv', {
    config: { access: 'public' },
    schema: { tags, summary: `One dataset of the public register (premises, applications or tens) as CSV, under the ${OPEN_DATA_LICENCE.name}`, security: [], querystring: openDataQuery, response: { 200: fileResponse('text/csv'), 400: { $ref: 'Error#' } } }
  }, async (request, reply) => {
    const dataset = request.query.dataset ?? 'premises'
    const data = await openDataTable(app.db, dataset, app.clock.today())
    reply.header('x-licence', `${OPEN_DATA_LICENCE.name} <${OPEN_DATA_LICENCE.url}>`)
      .header('x-publisher', PUBLISHER).header('x-generated-at', app.clock.now().toISOString())
    return sendCsv(reply, `register-${dataset}-${app.clock.today()}.csv`, openDataCsv(data))
  })

  app.get('/public/register.json', {
    config: { access: 'public' },
    schema: { tags, summary: `One dataset of the public register (premises, applications or tens) as JSON with a meta object (licence: ${OPEN_DATA_LICENCE.name}, generatedAt)`, security: [], querystring: openDataQuery, response: { 200: openDataJsonSchema, 400: { $ref: 'Error#' } } }
  }, async (request, reply) => {
    const dataset = request.query.dataset ?? 'premises'
    const data = await openDataTable(app.db, dataset, app.clock.today())
    reply.header('content-disposition', `attachment; filename="register-${dataset}-${app.clock.today()}.json"`)
    return openDataJson(dataset, data, app.clock.now())
  })
}

export default opendataRoutes
