// GET /api/me/work: "Today" for whoever is signed in.
import { ALL_ROLES } from '../../shared/roles.ts'
import { workListSchema } from '../../shared/schemas/work.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { myWork } from './work.service.ts'

const workRoutes: RoutesPlugin = async function workRoutes (app) {
  app.get('/me/work', {
    config: { access: ALL_ROLES },
    schema: { tags: ['work'], summary: 'The work waiting on me: overdue first, then by deadline', response: { 200: workListSchema } }
  }, async request => myWork(app.db, request.user, app.clock.today(), app.clock.tz))
}

export default workRoutes
