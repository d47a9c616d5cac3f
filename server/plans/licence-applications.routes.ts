// HTTP routes for licence applications: submit (refused with 422 without both plans), read,
// list, and status changes (officer decisions; the applicant may withdraw).
import { idParams, listOf } from '../../shared/schemas/common.ts'
import { licenceApplicationBody, licenceApplicationSchema, licenceListQuery, licenceStatusBody} from '../../shared/schemas/plans.ts'
import * as applications from './licence-applications.service.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const ACCESS = ['venue_manager', 'licensing_officer', 'admin'] as const
/** The responsible authorities read every application they are consulted on (with its plans). */
const READERS = [...ACCESS, 'police', 'responsible_authority'] as const
const tags = ['licence applications']

const licenceApplicationsRoutes: RoutesPlugin = async function licenceApplicationsRoutes (app) {
  app.post('/licence-applications', {
    config: { access: ACCESS },
    schema: { tags, summary: 'Submit a new or variation application; it records the current plan versions', body: licenceApplicationBody, response: { 201: licenceApplicationSchema } }
  }, async (request, reply) => {
    const application = await applications.submitLicenceApplication(app.db, request.user, request.body, app.clock.tz)
    return reply.status(201).send(application)
  })

  app.get('/licence-applications', {
    config: { access: READERS },
    schema: { tags, summary: 'Licence applications, newest first (a venue manager sees its own premises only)', querystring: licenceListQuery, response: { 200: listOf(licenceApplicationSchema) } }
  }, async request => applications.listLicenceApplications(app.db, request.user, request.query, app.clock.tz))

  app.get('/licence-applications/:id', {
    config: { access: READERS },
    schema: { tags, summary: 'One licence application with the plan versions it was submitted with, its representation period, hearing window and (once decided) appeal deadline', params: idParams, response: { 200: licenceApplicationSchema } }
  }, async request => applications.getLicenceApplication(app.db, request.user, request.params.id, app.clock.tz))

  app.post('/licence-applications/:id/status', {
    config: { access: ACCESS },
    schema: { tags, summary: 'Move an application on: under consultation, granted, refused or withdrawn', params: idParams, body: licenceStatusBody, response: { 200: licenceApplicationSchema } }
  }, async request => applications.changeLicenceApplicationStatus(app.db, request.user, request.params.id, request.body, { now: app.clock.now(), today: app.clock.today(), tz: app.clock.tz }))
}

export default licenceApplicationsRoutes
