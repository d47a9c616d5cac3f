// The job_runs table: one row per run of a scheduled job (the cron plugin writes them).
import type { Db } from '../db/types.ts'

export async function startRun (db: Db, name: string, instance: string): Promise<number> {
  const { id } = await db.insertInto('jobRuns').values({ name, instance }).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function finishRun (db: Db, id: number, outcome: { ok: true; stats: unknown } | { ok: false; error: string }) {
  const values = outcome.ok ? { ok: true, stats: JSON.stringify(outcome.stats) } : { ok: false, error: outcome.error }
  await db.updateTable('jobRuns').set({ finishedAt: new Date(), ...values }).where('id', '=', id).execute()
}

export function recentRuns (db: Db, limit = 100) {
  return db.selectFrom('jobRuns').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

/** A run that did nothing (an idle minute of a frequent job) leaves no row. */
export async function deleteRun (db: Db, id: number) {
  await db.deleteFrom('jobRuns').where('id', '=', id).execute()
}

/** The last finished run of each job, newest first. */
export function lastFinishedRuns (db: Db) {
  return db.selectFrom('jobRuns as r').selectAll('r')
    .where('r.finishedAt', 'is not', null)
    .where(eb => eb('r.id', '=', eb.selectFrom('jobRuns as l').select(l => l.fn.max('l.id').as('id')).whereRef('l.name', '=', 'r.name').where('l.finishedAt', 'is not', null)))
    .orderBy('r.id', 'desc').execute()
}
