// HTTP routes of the plans domain (schema, access, status codes); the rules live in the services.
// Each document kind gets the same routes under its own slug: /premises/:id/noise-plan and
// /premises/:id/dispersal-policy. Licence applications are registered from their own file.
import { ALL_ROLES, OFFICERS } from '../../shared/roles.ts'
import { idParams, listOf } from '../../shared/schemas/common.ts'
import { PLAN_KINDS, PLAN_KIND_LABELS, PLAN_SLUGS, type PlanKind } from '../../shared/plans/templates.ts'
import {
  approveBody, diffResponse, overdueResponse, planBody, planDocumentSchema, planKindParams, premisesPlansResponse,
  queueResponse, returnBody, templateResponse, versionParams
} from '../../shared/schemas/plans.ts'
import * as plans from './plans.service.ts'
import * as review from './plans.review.service.ts'
import licenceApplicationsRoutes from './licence-applications.routes.ts'
import type { RoutesPlugin, TypedApp } from '../typed-routes.ts'

const WRITERS = ['venue_manager', 'licensing_officer', 'admin'] as const
const tags = ['plans']

const plansRoutes: RoutesPlugin = async function plansRoutes (app) {
  const today = app.clock.today

  app.get('/plans/templates/:kind', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'A blank template with guidance for each section', params: planKindParams, response: { 200: templateResponse } }
  }, async request => plans.getTemplate(request.params.kind))

  app.get('/plans/queue', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Submitted plans and open licence applications awaiting review, oldest first', response: { 200: queueResponse } }
  }, async () => review.reviewQueue(app.db))

  app.get('/plans/overdue', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Premises with an approved plan past its review date', response: { 200: overdueResponse } }
  }, async () => review.overduePremises(app.db, today()))

  app.get('/plans/documents/:id', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'One plan document version by id', params: idParams, response: { 200: planDocumentSchema } }
  }, async request => plans.getPlanById(app.db, request.user, request.params.id, today()))

  app.get('/premises/:id/plans', {
    config: { access: ALL_ROLES },
    schema: { tags, summary: 'Both plan documents of a premises: current and newest versions', params: idParams, response: { 200: premisesPlansResponse } }
  }, async request => plans.premisesPlans(app.db, request.user, request.params.id, today()))

  for (const kind of PLAN_KINDS) registerKind(app, kind, today)
  await app.register(licenceApplicationsRoutes)
}

function registerKind (app: TypedApp, kind: PlanKind, today: () => string) {
  const base = `/premises/:id/${PLAN_SLUGS[kind]}`
  const label = PLAN_KIND_LABELS[kind].toLowerCase()

  app.get(base, {
    config: { access: ALL_ROLES },
    schema: { tags, summary: `The current ${label} (newest submitted or approved version)`, params: idParams, response: { 200: planDocumentSchema } }
  }, async request => plans.getCurrentPlan(app.db, request.user, request.params.id, kind, today()))

  app.put(base, {
    config: { access: WRITERS },
    schema: { tags, summary: `Save a new version of the ${label} (submitted unless draft: true)`, params: idParams, body: planBody(kind), response: { 200: planDocumentSchema } }
  }, async request => plans.savePlan(app.db, request.user, request.params.id, kind, request.body, today()))

  app.get(`${base}/versions`, {
    config: { access: ALL_ROLES },
    schema: { tags, summary: `Every version of the ${label}, newest first`, params: idParams, response: { 200: listOf(planDocumentSchema) } }
  }, async request => plans.listPlanVersions(app.db, request.user, request.params.id, kind, today()))

  app.get(`${base}/versions/:version`, {
    config: { access: ALL_ROLES },
    schema: { tags, summary: `One version of the ${label}`, params: versionParams, response: { 200: planDocumentSchema } }
  }, async request => {
    const { id, version } = request.params
    return plans.getPlanVersion(app.db, request.user, id, kind, version, today())
  })

  app.get(`${base}/versions/:version/diff`, {
    config: { access: ALL_ROLES },
    schema: { tags, summary: `What changed in this version of the ${label} since the previous one`, params: versionParams, response: { 200: diffResponse } }
  }, async request => {
    const { id, version } = request.params
    return plans.diffPlanVersion(app.db, request.user, id, kind, version)
  })

  app.post(`${base}/approve`, {
    config: { access: OFFICERS },
    schema: { tags, summary: `Approve the submitted ${label} (review due in a year unless given)`, params: idParams, body: approveBody, response: { 200: planDocumentSchema } }
  }, async request => review.approvePlan(app.db, request.user, request.params.id, kind, request.body ?? {}, today()))

  app.post(`${base}/return`, {
    config: { access: OFFICERS },
    schema: { tags, summary: `Return the submitted ${label} with comments per section`, params: idParams, body: returnBody(kind), response: { 200: planDocumentSchema } }
  }, async request => review.returnPlan(app.db, request.user, request.params.id, kind, request.body, today()))
}

export default plansRoutes
