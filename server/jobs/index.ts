// Every scheduled job, registered in one place. A job file holds a schedule and a call to a
// service function; the work itself is tested by calling that function directly.
import type { FastifyInstance } from 'fastify'
import type { JobDefinition } from '../plugins/cron.ts'
import { premisesJobs } from './premises.jobs.ts'
import { incidentsJobs } from './incidents.jobs.ts'
import { safetyThirstJobs } from './safety-thirst.jobs.ts'
import { plansJobs } from './plans.jobs.ts'
import { flagsJobs } from './flags.jobs.ts'
import { authJobs } from './auth.jobs.ts'
import { mailJobs } from './mail.jobs.ts'

export const allJobs: JobDefinition[] = [...premisesJobs, ...incidentsJobs, ...safetyThirstJobs, ...plansJobs, ...flagsJobs, ...authJobs, ...mailJobs]

export function registerJobs (app: FastifyInstance) {
  for (const job of allJobs) app.jobs.register(job)
}
