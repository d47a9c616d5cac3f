// Scheduled jobs of the auth domain: every night, drop login counters nobody needs any more.
import type { JobDefinition } from '../plugins/cron.ts'
import { pruneAttempts } from './throttle.ts'

export const authJobs: JobDefinition[] = [{
  name: 'auth-housekeeping',
  schedule: '40 3 * * *',
  description: 'Delete login attempt counters that are forgotten and not locked',
  run: async app => ({ attemptCountersDeleted: await pruneAttempts(app.db) })
}]
