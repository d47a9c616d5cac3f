// What GET /api/jobs shows: whether this instance schedules jobs, every registered job, and the
// latest runs of any instance.
import type { FastifyInstance } from 'fastify'
import { recentRuns } from './jobs.repository.ts'

export async function jobsOverview (app: FastifyInstance) {
  return {
    cron: app.config.cron,
    jobs: app.jobs.list().map(job => ({ name: job.name, schedule: job.schedule, description: job.description })),
    runs: await recentRuns(app.db)
  }
}
