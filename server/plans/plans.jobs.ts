// Scheduled jobs of the plans domain: every morning, remind venue managers 30 days before a
// plan's review date and mark documents past it as overdue (work in plans.review.service.ts).
import type { JobDefinition } from '../plugins/cron.ts'
import { runPlanReviewReminders } from './plans.review.service.ts'

export const plansJobs: JobDefinition[] = [{
  name: 'plan-review-reminders',
  schedule: '15 6 * * *',
  description: 'Remind venue managers 30 days before a plan review date; mark overdue plans',
  run: app => runPlanReviewReminders(app.db, app.clock.today())
}]
