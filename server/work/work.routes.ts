// GET /api/me/work: "Today" for whoever is signed in; officers can assign work within the team.
import { ALL_ROLES, OFFICERS } from '../../shared/roles.ts'
import { assigneesSchema, assignmentSchema, assignWorkSchema, workListSchema, workQuerySchema } from '../../shared/schemas/work.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { assignees, assignWork, myWork } from './work.service.ts'

const workRoutes: RoutesPlugin = async function workRoutes (app) {
  app.get('/me/work', {
    config: { access: ALL_ROLES },
    schema: {
      tags: ['work'], summary: 'The work waiting on me: overdue first, then by deadline ("mine": only what is assigned to me)',
      querystring: workQuerySchema, response: { 200: workListSchema }
    }
  }, async request => myWork(app.db, request.user, app.clock.today(), app.clock.tz, request.query.view))

  app.get('/me/work/assignees', {
    config: { access: OFFICERS },
    schema: { tags: ['work'], summary: 'The officers work can be assigned to', response: { 200: assigneesSchema } }
  }, async () => assignees(app.db))

  app.put('/me/work/assignment', {
    config: { access: OFFICERS },
    schema: { tags: ['work'], summary: 'Assign a piece of the team\'s work to an officer (null: unassign)', body: assignWorkSchema, response: { 200: assignmentSchema } }
  }, async request => assignWork(app.db, request.user, app.clock.today(), app.clock.tz, request.body))
}

export default workRoutes
