// Scheduled jobs of the safety-thirst domain: a schedule plus a call to a service function.
import type { JobDefinition } from '../plugins/cron.ts'

export const safetyThirstJobs: JobDefinition[] = []
