// Scheduled jobs of the flags domain: the weekly flag run, Monday 06:00 in TZ_LOCAL, calling the
// same service as POST /api/flags/run. The cron plugin holds the advisory lock and job_runs.
import type { JobDefinition } from '../plugins/cron.ts'
import { runFlags } from './flags.run.service.ts'

export const flagsJobs: JobDefinition[] = [{
  name: 'flags-weekly',
  schedule: '0 6 * * 1',
  description: 'Flags venues with rising theft or violence (the last 28 days against the previous 52 weeks)',
  async run (app) {
    const { runId, asOf, evaluated, flagged, notified } = await runFlags(app.db, { asOf: app.clock.today(), tz: app.clock.tz })
    return { runId, asOf, evaluated, flagged, notified }
  }
}]
