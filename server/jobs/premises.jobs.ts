// Scheduled jobs of the premises domain: a schedule plus a call to a service function.
import type { JobDefinition } from '../plugins/cron.ts'

export const premisesJobs: JobDefinition[] = []
