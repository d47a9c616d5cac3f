// Operators can see scheduled jobs and their recent runs, and run one now (admin).
import { OFFICERS } from '../../shared/roles.ts'
import { jobNameParams, jobOutcomeSchema, jobsResponse } from '../../shared/schemas/jobs.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { jobsOverview } from './jobs.service.ts'

const jobsRoutes: RoutesPlugin = async function jobsRoutes (app) {
  app.get('/jobs', {
    config: { access: OFFICERS },
    schema: { tags: ['jobs'], summary: 'Scheduled jobs and their latest runs', response: { 200: jobsResponse } }
  }, async () => jobsOverview(app))

  app.post('/jobs/:name/run', {
    config: { access: ['admin'] },
    schema: {
      tags: ['jobs'],
      summary: 'Run a scheduled job now (under its lock)',
      params: jobNameParams,
      response: { 200: jobOutcomeSchema, 404: { $ref: 'Error#' } }
    }
  }, async (request, reply) => {
    const { name } = request.params
    if (!app.jobs.list().some(job => job.name === name)) {
      return reply.status(404).send({ statusCode: 404, code: 'JOB_NOT_FOUND', error: 'Not Found', message: `No job named ${name}` })
    }
    return app.jobs.runNow(name)
  })
}

export default jobsRoutes
