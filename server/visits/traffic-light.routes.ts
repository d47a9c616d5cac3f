// HTTP routes of the traffic-light scheme: a premises' light with its reasons (a venue manager its
// own premises, scoped in the service), remedy credits recorded by officers, the stored lights
// for the map and lists, and the points and thresholds an administrator sets. The premises
// timeline is registered here too: it gathers the events every domain contributes.
import { ALL_BUT_AUTHORITIES, OFFICERS, OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { idParams } from '../../shared/schemas/common.ts'
import { creditBody, creditSchema, lightListResponse, trafficLightQuery, trafficLightSchema, trafficLightSettingsBody, trafficLightSettingsSchema } from '../../shared/schemas/traffic-light.ts'
import { timelineQuery, timelineResponse } from '../../shared/schemas/timeline.ts'
import { getSettings, listLights, recordCredit, trafficLightFor, updateSettings } from './traffic-light.service.ts'
import { premisesTimeline } from './timeline.service.ts'
import { assertPremisesAccess } from '../auth/access.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['traffic light']

const trafficLightRoutes: RoutesPlugin = async function trafficLightRoutes (app) {
  const clock = app.clock

  app.get('/premises/:id/traffic-light', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'The premises\' traffic light: points with every reason, thresholds, history and what earns credit', params: idParams, querystring: trafficLightQuery, response: { 200: trafficLightSchema } }
  }, async request => trafficLightFor(app.db, request.user, request.params.id, request.query.asOf ?? clock.today(), clock.tz))

  app.post('/premises/:id/traffic-light/credits', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Record a remedy the venue put in place (credit points)', params: idParams, body: creditBody, response: { 201: creditSchema } }
  }, async (request, reply) => {
    reply.status(201)
    return recordCredit(app.db, request.user, request.params.id, request.body, clock)
  })

  app.get('/traffic-lights', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'The stored light of every premises (a venue manager: its own)', response: { 200: lightListResponse } }
  }, async request => listLights(app.db, request.user))

  app.get('/traffic-light/settings', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Penalty and credit points, the amber and red thresholds and the window', response: { 200: trafficLightSettingsSchema } }
  }, async () => getSettings(app.db))

  app.put('/traffic-light/settings', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Change the points, thresholds and window (every light is recomputed)', body: trafficLightSettingsBody, response: { 200: trafficLightSettingsSchema } }
  }, async request => updateSettings(app.db, request.user, request.body, clock))

  app.get('/premises/:id/timeline', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags: ['premises'], summary: 'The premises\' history: visits, findings, incidents, flags, traffic-light changes, plans and decisions, newest first', params: idParams, querystring: timelineQuery, response: { 200: timelineResponse } }
  }, async request => {
    assertPremisesAccess(request.user, request.params.id)
    return premisesTimeline(app.db, request.params.id, request.query, clock.tz)
  })
}

export default trafficLightRoutes
