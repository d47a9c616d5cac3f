// Scheduled jobs of visits: every night at 06:00 in TZ_LOCAL the traffic lights are recomputed,
// because points fall out of the window with time and nothing else would move those lights.
import type { JobDefinition } from '../plugins/cron.ts'
import { refreshAll } from './traffic-light.service.ts'

export const visitsJobs: JobDefinition[] = [{
  name: 'traffic-lights-nightly',
  schedule: '0 6 * * *',
  description: 'Recomputes every premises\' traffic light (points pass out of the window with time)',
  async run (app) {
    return refreshAll(app.db, app.clock)
  }
}]
