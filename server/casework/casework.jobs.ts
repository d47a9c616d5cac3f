// Scheduled jobs of the casework domain: every morning, reminders before each case deadline
// (reminders.service.ts).
import type { JobDefinition } from '../plugins/cron.ts'
import { runCaseworkReminders } from './reminders.service.ts'

export const caseworkJobs: JobDefinition[] = [{
  name: 'casework-reminders',
  schedule: '30 6 * * *',
  description: 'Remind the licensing team before each case deadline',
  run: app => runCaseworkReminders(app.db, app.clock.today())
}]
