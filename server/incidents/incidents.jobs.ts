// Scheduled jobs of the incidents domain: police.uk kept current by itself, every Monday at
// 05:00 in TZ_LOCAL (police.uk publishes each month's data some weeks after it ends, on no fixed
// day); the same service as POST /api/imports/police-uk/sync. Runs are kept in job_runs.
import type { JobDefinition } from '../plugins/cron.ts'
import { syncPoliceUkNow } from './police-uk-sync.service.ts'

export const incidentsJobs: JobDefinition[] = [{
  name: 'police-uk-sync',
  schedule: '0 5 * * 1',
  description: 'Fetches from the police.uk API every month it holds that Nightsafe does not',
  async run (app) {
    const { months, imported, updated, requests, splits, retries, duplicates } = await syncPoliceUkNow(app)
    return { months, imported, updated, requests, splits, retries, duplicates }
  }
}]
