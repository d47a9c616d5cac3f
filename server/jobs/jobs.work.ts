// Scheduled jobs' part of "Today", for administrators: each job whose last run failed, until a
// later run succeeds (the Jobs page shows the history and can run a job again).
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { localDateTimeInWords } from '../../shared/dates.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import { lastFinishedRuns } from './jobs.repository.ts'

const ERROR_WORDS = 160

export async function failedJobsWork (db: Db, user: CurrentUser, _today: string, tz: string): Promise<WorkItem[]> {
  if (user.role !== 'admin') return []
  const failed = (await lastFinishedRuns(db)).filter(run => run.ok === false)
  return failed.map((run): WorkItem => {
    const when = localDateTimeInWords(new Date(run.finishedAt!), tz)
    const error = (run.error ?? 'no message').slice(0, ERROR_WORDS)
    return { kind: 'job_failed', title: `The scheduled job "${run.name}" failed on ${when}: ${error}`, overdue: false, link: '/admin/jobs' }
  })
}
