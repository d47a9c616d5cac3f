// Every scheduled job, registered in one place. A job file holds a schedule and a call to a
// service function; the work itself is tested by calling that function directly.
import type { FastifyInstance } from 'fastify'
import type { JobDefinition } from '../plugins/cron.ts'

const jobs: JobDefinition[] = []

export function registerJobs (app: FastifyInstance) {
  for (const job of jobs) app.jobs.register(job)
}
