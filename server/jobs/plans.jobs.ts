// Scheduled jobs of the plans domain: a schedule plus a call to a service function.
import type { JobDefinition } from '../plugins/cron.ts'

export const plansJobs: JobDefinition[] = []
