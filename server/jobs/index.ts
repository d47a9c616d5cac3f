// Every scheduled job, registered in one place. Each domain keeps its schedules beside its code
// (<domain>/<domain>.jobs.ts: a schedule plus a call to a service function that tests call
// directly); this list is the composition root that gathers them.
import type { FastifyInstance } from 'fastify'
import type { JobDefinition } from '../plugins/cron.ts'
import { safetyThirstJobs } from '../safety-thirst/safety-thirst.jobs.ts'
import { plansJobs } from '../plans/plans.jobs.ts'
import { flagsJobs } from '../flags/flags.jobs.ts'
import { authJobs } from '../auth/auth.jobs.ts'
import { mailJobs } from '../mail/mail.jobs.ts'
import { incidentsJobs } from '../incidents/incidents.jobs.ts'
import { caseworkJobs } from '../casework/casework.jobs.ts'
import { visitsJobs } from '../visits/visits.jobs.ts'

export const allJobs: JobDefinition[] = [...safetyThirstJobs, ...plansJobs, ...flagsJobs, ...authJobs, ...mailJobs, ...incidentsJobs, ...caseworkJobs, ...visitsJobs]

export function registerJobs (app: FastifyInstance) {
  for (const job of allJobs) app.jobs.register(job)
}
