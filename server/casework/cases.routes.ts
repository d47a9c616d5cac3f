// HTTP routes of licensing cases (api.md "Casework"): read cases, make and assess representations,
// schedule the hearing, record the decision, start a review. The contract's
// POST /licence-applications/:id/representations is the same as POST /cases/:id/representations
// for that application's case.
import { ALL_ROLES, CONSULTEES, OFFICERS } from '../../shared/roles.ts'
import { idParams, listOf } from '../../shared/schemas/common.ts'
import {
  assessmentBody, caseListQuery, caseSchema, decisionBody, hearingBody, representationBody, representationSchema, reviewBody, withdrawalBody
} from '../../shared/schemas/cases.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import * as casesService from './cases.service.ts'
import * as representations from './representations.service.ts'
import { scheduleCaseHearing } from './hearings.service.ts'
import { recordDecision } from './decisions.service.ts'
import { startReview } from './reviews.service.ts'

const tags = ['casework']

const casesRoutes: RoutesPlugin = async function casesRoutes (app) {
  const clock = () => ({ now: app.clock.now(), today: app.clock.today() })

  app.get('/cases', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'Licensing cases (applications and reviews) with their stage and deadlines; a venue manager sees its own premises\' cases', querystring: caseListQuery, response: { 200: listOf(caseSchema) } }
  }, async request => casesService.listCases(app.db, request.user, request.query, app.clock.today()))

  app.get('/cases/:id', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'One case: the application or review, its representations (other persons\' details for officers only), deadlines, hearing and decision', params: idParams, response: { 200: caseSchema } }
  }, async request => casesService.getCase(app.db, request.user, request.params.id, app.clock.today()))

  const representationSchemaFor = { body: representationBody, params: idParams, response: { 201: representationSchema } } as const
  app.post('/cases/:id/representations', {
    config: { access: CONSULTEES },
    schema: { tags, summary: 'A representation within the 28-day period (422 REPRESENTATION_OUT_OF_TIME after it): a responsible authority in its own name, or an officer recording an other person\'s', ...representationSchemaFor }
  }, async (request, reply) => reply.status(201).send(await representations.makeRepresentation(app.db, request.user, { caseId: request.params.id }, request.body, clock())))

  app.post('/licence-applications/:id/representations', {
    config: { access: CONSULTEES },
    schema: { tags: ['licence applications', ...tags], summary: 'A representation on a licence application (the same as on its case)', ...representationSchemaFor }
  }, async (request, reply) => reply.status(201).send(await representations.makeRepresentation(app.db, request.user, { applicationId: request.params.id }, request.body, clock())))

  app.post('/representations/:id/assessment', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Relevant, or irrelevant (frivolous, vexatious, not about a licensing objective), with the reason', params: idParams, body: assessmentBody, response: { 200: representationSchema } }
  }, async request => representations.assessRepresentation(app.db, request.user, request.params.id, request.body, clock()))

  app.post('/representations/:id/withdrawal', {
    config: { access: CONSULTEES },
    schema: { tags, summary: 'Withdraw a representation (after mediation): an officer, or the authority that made it', params: idParams, body: withdrawalBody, response: { 200: representationSchema } }
  }, async request => representations.withdrawRepresentation(app.db, request.user, request.params.id, request.body, clock()))

  app.post('/cases/:id/hearing', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Schedule (or move) the hearing: within 20 working days after representations closed (422 HEARING_OUTSIDE_WINDOW), with 10 working days\' notice (422 HEARING_NOTICE_TOO_SHORT)', params: idParams, body: hearingBody, response: { 200: caseSchema } }
  }, async request => scheduleCaseHearing(app.db, request.user, request.params.id, request.body, clock()))

  app.post('/cases/:id/decision', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'The decision with reasons; added conditions go on the licence under Annex 3 (a review\'s once the appeal period has run)', params: idParams, body: decisionBody, response: { 201: caseSchema } }
  }, async (request, reply) => reply.status(201).send(await recordDecision(app.db, request.user, request.params.id, request.body, clock())))

  app.post('/reviews', {
    config: { access: CONSULTEES },
    schema: { tags, summary: 'Apply for the review of a premises licence (s.51): a responsible authority, or an officer recording an other person\'s application', body: reviewBody, response: { 201: caseSchema } }
  }, async (request, reply) => reply.status(201).send(await startReview(app.db, request.user, request.body, clock())))
}

export default casesRoutes
