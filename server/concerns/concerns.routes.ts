// The officers' routes of concerns (queue, map, case, triage, updates, merge, abusive, settings)
// and what a venue manager reads about its own premises. Public routes: concerns.report.routes.ts.
import { ALL_ROLES, OFFICERS, OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { idParams } from '../../shared/schemas/common.ts'
import {
  abusiveBody, concernDetailSchema, concernListQuery, concernListResponse, concernMapQuery, concernMapResponse,
  concernSettingsSchema, concernUpdateBody, mergeBody, triageBody, venueConcernsResponse
} from '../../shared/schemas/concerns-triage.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { caseKeyFor } from './concerns.report.service.ts'
import * as triage from './concerns.triage.service.ts'
import * as venue from './concerns.venue.service.ts'
import concernsReportRoutes from './concerns.report.routes.ts'

const tags = ['concerns']
const error = { $ref: 'Error#' } as const

const concernsRoutes: RoutesPlugin = async function concernsRoutes (app) {
  const ctx = { clock: app.clock, caseKey: caseKeyFor(app.config.jwtSecret) }

  app.get('/concerns', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Confirmed concerns, newest first (status "open": all but closed)', querystring: concernListQuery, response: { 200: concernListResponse } }
  }, async request => triage.listConcerns(app.db, request.query))

  app.get('/concerns/map', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Concerns as GeoJSON points (their pin, or their premises)', querystring: concernMapQuery, response: { 200: concernMapResponse } }
  }, async request => venue.concernMap(app.db, request.query.status))

  app.get('/concerns/settings', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'How many substantiated concerns in how many days put a plan due for review', response: { 200: concernSettingsSchema } }
  }, async () => venue.getSettings(app.db))

  app.put('/concerns/settings', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Set the review threshold', body: concernSettingsSchema, response: { 200: concernSettingsSchema } }
  }, async request => venue.setSettings(app.db, request.user, request.body))

  app.get('/concerns/:id', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'One case: the report, its updates, linked reports and the venues it may be about', params: idParams, response: { 200: concernDetailSchema, 404: error } }
  }, async request => triage.getConcern(app.db, request.params.id, app.clock))

  app.post('/concerns/:id/triage', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Attach the concern to a premises (or none) and say whether it is substantiated', params: idParams, body: triageBody, response: { 200: concernDetailSchema, 404: error, 409: error } }
  }, async request => triage.triageConcern(app.db, request.user, request.params.id, request.body, ctx))

  app.post('/concerns/:id/updates', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Change the status, write to the reporter (emailed), or add a note', params: idParams, body: concernUpdateBody, response: { 200: concernDetailSchema, 404: error, 409: error } }
  }, async request => triage.updateConcern(app.db, request.user, request.params.id, request.body, ctx))

  app.post('/concerns/:id/merge', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Join a duplicate report into another case', params: idParams, body: mergeBody, response: { 200: concernDetailSchema, 404: error, 409: error } }
  }, async request => triage.mergeConcern(app.db, request.user, request.params.id, request.body.intoId, ctx))

  app.post('/concerns/:id/abusive', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Refuse an abusive or false report (not counted, reporter not told)', params: idParams, body: abusiveBody, response: { 200: concernDetailSchema, 404: error } }
  }, async request => triage.markAbusive(app.db, request.user, request.params.id, request.body.note, ctx))

  app.get('/premises/:id/concerns', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'Concerns about a premises and how many count against its plans (no reporter details)', params: idParams, response: { 200: venueConcernsResponse, 403: error } }
  }, async request => venue.premisesConcerns(app.db, request.user, request.params.id, app.clock))

  await app.register(concernsReportRoutes)
}

export default concernsRoutes
