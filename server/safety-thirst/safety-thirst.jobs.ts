// Scheduled jobs of the safety-thirst domain: a schedule (in TZ_LOCAL) plus a call to a service function.
import type { JobDefinition } from '../plugins/cron.ts'
import { expireAwards, remindOverdueAssessments, remindVenues } from './cycle.service.ts'

export const safetyThirstJobs: JobDefinition[] = [
  {
    name: 'safety-thirst-expire',
    schedule: '5 0 * * *',
    description: 'Safety Thirst: expire certificates after 31 December of their year (daily 00:05)',
    run: app => expireAwards(app.db, app.clock.today())
  },
  {
    name: 'safety-thirst-remind-venues',
    schedule: '0 9 * 3 1',
    description: 'Safety Thirst: invite venues to re-apply and remind them to finish drafts (Mondays in March, 09:00)',
    run: app => remindVenues(app.db, app.clock.today())
  },
  {
    name: 'safety-thirst-overdue-assessments',
    schedule: '0 8 * * 1-5',
    description: `Safety Thirst: remind officers of submissions waiting more than 28 days (weekdays 08:00)`,
    run: app => remindOverdueAssessments(app.db, app.clock.today())
  }
]
