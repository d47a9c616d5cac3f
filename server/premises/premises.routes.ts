// HTTP routes of the licensing register (OpenAPI tag "premises"): schema, access and status codes.
// The rules live in premises.service.ts; imports are in premises.import.routes.ts.
import { ALL_ROLES, OFFICERS, OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { fileResponse, idParams } from '../../shared/schemas/common.ts'
import {
  createPremisesBody, exportQuery, premisesDetailSchema, premisesListQuery, premisesListResponse,
  publicPremisesDetailSchema, updatePremisesBody
} from '../../shared/schemas/premises.ts'
import * as service from './premises.service.ts'
import { premisesCsv, toGeoJson } from './premises.export.ts'
import { sendCsv } from '../http/csv.ts'
import importRoutes from './premises.import.routes.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['premises']
const errors = { 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' }, 404: { $ref: 'Error#' } }
const publicQuery = { ...premisesListQuery, properties: { ...premisesListQuery.properties } }

const premisesRoutes: RoutesPlugin = async function premisesRoutes (app) {
  app.get('/premises', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'The register: search, bounding box, status, paging (a venue manager sees its own premises)', querystring: premisesListQuery, response: { 200: premisesListResponse } }
  }, async request => service.listForUser(app.db, request.user, request.query, app.clock.today()))

  for (const format of ['csv', 'geojson'] as const) {
    app.get(`/premises/export.${format}`, {
      config: { access: OFFICERS_AND_POLICE },
      schema: { tags, summary: `The register for the current filter as ${format === 'csv' ? 'CSV' : 'GeoJSON'}`, querystring: exportQuery, response: { 200: fileResponse(format === 'csv' ? 'text/csv' : 'application/geo+json') } }
    }, async (request, reply) => {
      const rows = await service.exportRows(app.db, request.user, request.query, app.clock.today())
      const fileName = `premises-${app.clock.today()}.${format}`
      if (format === 'csv') return sendCsv(reply, fileName, premisesCsv(rows))
      return reply.header('content-disposition', `attachment; filename="${fileName}"`).type('application/geo+json').send(JSON.stringify(toGeoJson(rows)))
    })
  }

  app.get('/premises/:id', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'One premises: licence, conditions, activities, hours, managers', params: idParams, response: { 200: premisesDetailSchema, ...errors } }
  }, async request => service.getForUser(app.db, request.user, request.params.id, app.clock.today()))

  app.post('/premises', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Add premises to the register', body: createPremisesBody, response: { 201: premisesDetailSchema, ...errors } }
  }, async (request, reply) => {
    const created = await service.createPremises(app.db, request.user.id, request.body, app.clock.today())
    return reply.status(201).send(created)
  })

  app.patch('/premises/:id', {
    config: { access: [...OFFICERS, 'venue_manager'] },
    schema: { tags, summary: 'Change premises (a venue manager: only contact and operating fields of its own)', params: idParams, body: updatePremisesBody, response: { 200: premisesDetailSchema, ...errors } }
  }, async request => service.updatePremises(app.db, request.user, request.params.id, request.body, app.clock.today()))

  app.get('/public/premises', {
    config: { access: 'public' },
    schema: { tags, summary: 'The public register (no login)', security: [], querystring: publicQuery, response: { 200: premisesListResponse } }
  }, async request => service.listRegister(app.db, request.query, app.clock.today()))

  app.get('/public/premises/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One entry of the public register, conditions included', security: [], params: idParams, response: { 200: publicPremisesDetailSchema, 404: { $ref: 'Error#' } } }
  }, async request => service.getPublic(app.db, request.params.id, app.clock.today()))

  await app.register(importRoutes)
}

export default premisesRoutes
