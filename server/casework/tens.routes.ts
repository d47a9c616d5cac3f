// HTTP routes for Temporary Event Notices (api.md "Casework"): give, list, read, object, outcome.
import { idParams, listOf } from '../../shared/schemas/common.ts'
import { tenBody, tenListQuery, tenObjectionBody, tenOutcomeBody, tenSchema, tenWithdrawalBody } from '../../shared/schemas/tens.ts'
import { hearingBody } from '../../shared/schemas/cases.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import * as tens from './tens.service.ts'
import { scheduleTenHearing, withdrawTen } from './tens.hearing.service.ts'

const GIVERS = ['venue_manager', 'licensing_officer', 'admin'] as const
const READERS = ['venue_manager', 'licensing_officer', 'admin', 'police', 'responsible_authority'] as const
const OBJECTORS = ['police', 'responsible_authority'] as const
const DECIDERS = ['licensing_officer', 'admin'] as const
const tags = ['temporary event notices']

const tensRoutes: RoutesPlugin = async function tensRoutes (app) {
  const clock = (): tens.Clock => { const now = app.clock.now(); return { now, today: app.clock.today(), tz: app.clock.tz } }

  app.post('/tens', {
    config: { access: GIVERS },
    schema: { tags, summary: 'Give a Temporary Event Notice (a venue manager for its own premises; an officer on a premises user\'s behalf)', body: tenBody, response: { 201: tenSchema } }
  }, async (request, reply) => reply.status(201).send(await tens.giveTen(app.db, request.user, request.body, clock())))

  app.get('/tens', {
    config: { access: READERS },
    schema: { tags, summary: 'Temporary Event Notices by event date (a venue manager sees its own premises only)', querystring: tenListQuery, response: { 200: listOf(tenSchema) } }
  }, async request => tens.listTens(app.db, request.user, request.query, clock()))

  app.get('/tens/:id', {
    config: { access: READERS },
    schema: { tags, summary: 'One Temporary Event Notice with its objections', params: idParams, response: { 200: tenSchema } }
  }, async request => tens.getTen(app.db, request.user, request.params.id, clock()))

  app.post('/tens/:id/objections', {
    config: { access: OBJECTORS },
    schema: { tags, summary: 'Object to a TEN (police, environmental health) within three working days', params: idParams, body: tenObjectionBody, response: { 201: tenSchema } }
  }, async (request, reply) => reply.status(201).send(await tens.objectToTen(app.db, request.user, request.params.id, request.body, clock())))

  app.post('/tens/:id/outcome', {
    config: { access: DECIDERS },
    schema: { tags, summary: 'After the hearing (or with hearingDispensed when all agreed none is needed): a counter notice, or the event may go ahead', params: idParams, body: tenOutcomeBody, response: { 200: tenSchema } }
  }, async request => tens.recordTenOutcome(app.db, request.user, request.params.id, request.body, clock()))

  app.post('/tens/:id/hearing', {
    config: { access: DECIDERS },
    schema: { tags, summary: 'Schedule the hearing on an objection to a standard notice: within 7 working days after objections closed, with 2 working days\' notice, in time to decide 24 hours before the event', params: idParams, body: hearingBody, response: { 200: tenSchema } }
  }, async request => scheduleTenHearing(app.db, request.user, request.params.id, request.body, clock()))

  app.post('/tens/:id/withdrawal', {
    config: { access: GIVERS },
    schema: { tags, summary: 'Withdraw a notice (s.103): the premises user (its venue manager) or an officer on their behalf, no later than 24 hours before the event', params: idParams, body: tenWithdrawalBody, response: { 200: tenSchema } }
  }, async request => withdrawTen(app.db, request.user, request.params.id, request.body, clock()))
}

export default tensRoutes
