// Scheduled jobs of the auth domain: every night, drop expired sessions and the login counters
// nobody needs any more.
import type { JobDefinition } from '../plugins/cron.ts'
import { pruneAttempts } from './throttle.ts'
import { pruneSessions } from './sessions.ts'

export const authJobs: JobDefinition[] = [{
  name: 'auth-housekeeping',
  schedule: '40 3 * * *',
  description: 'Delete expired sessions, and login attempt counters that are forgotten and not locked',
  run: async app => ({ sessionsDeleted: await pruneSessions(app.db), attemptCountersDeleted: await pruneAttempts(app.db) })
}]
