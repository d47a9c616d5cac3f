// HTTP routes of the incidents domain (schema, access, status codes); the rules live in the
// services. Responses are serialised with a schema chosen by role: venue managers get
// VenueIncident, which has no police-only fields.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ALL_BUT_AUTHORITIES, OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { fileResponse, idParams } from '../../shared/schemas/common.ts'
import {
  createIncidentBody, exportIncidentsQuery, incidentList, incidentSchema, incidentSettingsSchema, listIncidentsQuery, trendQuery, trendResponse,
  updateIncidentBody, updateIncidentSettingsBody, venueIncidentList, venueIncidentSchema
} from '../../shared/schemas/incidents.ts'
import { isVenueManager } from '../auth/access.ts'
import { fieldError } from '../errors.ts'
import * as service from './incidents.service.ts'
import { exportCsv, trend } from './incidents.reports.ts'
import { sendCsv } from '../http/csv.ts'
import { incidentSettings, updateAttributionSettings } from './attribution.service.ts'
import importsRoutes from './imports.routes.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const RECORDERS = [...OFFICERS_AND_POLICE, 'venue_manager'] as const

function sendAs (request: FastifyRequest, reply: FastifyReply, status: number, data: object, full: object, venue: object) {
  const schema = (isVenueManager(request.user) ? venue : full) as Record<string, unknown>
  const body = reply.serializeInput(data as Record<string, unknown>, schema)
  return reply.status(status).type('application/json; charset=utf-8').send(body)
}

const incidentsRoutes: RoutesPlugin = async function incidentsRoutes (app) {
  if (await service.syncAggregateZone(app.db, app.config.tzLocal)) app.log.info({ tz: app.config.tzLocal }, 'incident aggregates rebuilt in the local zone')
  app.addSchema(incidentSchema)
  app.addSchema(venueIncidentSchema)
  const tz = app.config.tzLocal
  const editWindow = () => ({ hours: app.config.incidentEditWindowHours, now: app.clock.now(), tz })
  const one = (request: FastifyRequest, reply: FastifyReply, status: number, data: object) =>
    sendAs(request, reply, status, data, { $ref: 'Incident#' }, { $ref: 'VenueIncident#' })

  app.get('/incidents', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags: ['incidents'], summary: 'Incidents (a venue manager: only its own premises\', without police-only notes)', querystring: listIncidentsQuery, response: { 200: incidentList } }
  }, async (request, reply) => {
    const data = await service.listIncidents(app.db, request.user, request.query, editWindow())
    return sendAs(request, reply, 200, data, incidentList, venueIncidentList)
  })

  app.get('/incidents/export.csv', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags: ['incidents'], summary: 'The filtered incidents as CSV', querystring: exportIncidentsQuery, response: { 200: fileResponse('text/csv') } }
  }, async (request, reply) => {
    const csv = await exportCsv(app.db, request.user, request.query, tz)
    return sendCsv(reply, 'incidents.csv', csv)
  })

  app.get('/incidents/trend', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags: ['incidents'], summary: 'Monthly counts by category, with the same months a year earlier', querystring: trendQuery, response: { 200: trendResponse } }
  }, async request => {
    const q = request.query
    if (isVenueManager(request.user) && !q.premisesId) {
      throw fieldError('premisesId', 'Choose which of your premises to show')
    }
    return trend(app.db, request.user, q, app.clock)
  })

  app.get('/incidents/settings', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags: ['incidents'], summary: 'Attribution radii and harm weights', response: { 200: incidentSettingsSchema } }
  }, async () => incidentSettings(app.db))

  app.put('/incidents/settings', {
    config: { access: ['admin'] },
    schema: { tags: ['incidents'], summary: 'Change the attribution radii (recomputes attribution)', body: updateIncidentSettingsBody, response: { 200: incidentSettingsSchema } }
  }, async request => updateAttributionSettings(app.db, request.user.id, request.body))

  app.get('/incidents/:id', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags: ['incidents'], summary: 'One incident', params: idParams, response: { 200: { $ref: 'Incident#' } } }
  }, async (request, reply) => one(request, reply, 200, await service.getIncident(app.db, request.user, request.params.id, editWindow())))

  app.post('/incidents', {
    config: { access: RECORDERS },
    schema: { tags: ['incidents'], summary: 'Record an incident (a venue manager: in its own premises\' incident book)', body: createIncidentBody, response: { 201: { $ref: 'Incident#' } } }
  }, async (request, reply) => {
    const incident = await service.createIncident(app.db, request.user, request.body, app.clock, editWindow())
    return one(request, reply, 201, incident)
  })

  app.patch('/incidents/:id', {
    config: { access: RECORDERS },
    schema: { tags: ['incidents'], summary: 'Change an incident (audited; a venue manager only its own incident-book entries, within INCIDENT_EDIT_WINDOW_HOURS of recording)', params: idParams, body: updateIncidentBody, response: { 200: { $ref: 'Incident#' } } }
  }, async (request, reply) => {
    const incident = await service.updateIncident(app.db, request.user, request.params.id, request.body, app.clock, editWindow())
    return one(request, reply, 200, incident)
  })

  app.delete('/incidents/:id', {
    config: { access: RECORDERS },
    schema: {
      tags: ['incidents'],
      summary: 'Delete an incident recorded in error, within INCIDENT_EDIT_WINDOW_HOURS of recording (audited; its recorder, or a venue manager its own incident-book entries)',
      params: idParams,
      response: { 204: { type: 'null' }, 403: { $ref: 'Error#' }, 404: { $ref: 'Error#' }, 409: { $ref: 'Error#' } }
    }
  }, async (request, reply) => {
    await service.deleteIncident(app.db, request.user, request.params.id, app.clock, editWindow())
    return reply.status(204).send(null)
  })

  await app.register(importsRoutes)
}

export default incidentsRoutes
