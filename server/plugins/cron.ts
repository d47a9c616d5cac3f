// Scheduled jobs. node-cron only schedules; the work is a service function that tests call
// directly. Each run takes a PostgreSQL advisory lock so that with several app instances on
// one database a job runs once, and is recorded in job_runs. CRON=off schedules nothing.
import { hostname } from 'node:os'
import fp from 'fastify-plugin'
import cron, { type ScheduledTask } from 'node-cron'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { deleteRun, finishRun, startRun } from '../jobs/jobs.repository.ts'

export interface JobDefinition {
  name: string
  /** A cron expression in TZ_LOCAL, e.g. '0 6 * * 1' for Monday 06:00. */
  schedule: string
  description: string
  run: (app: FastifyInstance) => Promise<Record<string, any> | void>
  /** A run that found nothing to do leaves no job_runs row (jobs that run every minute). */
  isIdle?: (stats: Record<string, any>) => boolean
}

export type JobOutcome = { ran: true; ok: boolean; stats?: unknown; error?: string } | { ran: false; reason: string }

declare module 'fastify' {
  interface FastifyInstance {
    jobs: {
      register: (job: JobDefinition) => void
      list: () => JobDefinition[]
      /** Runs a job now under its lock; returns without running if another instance holds it. */
      runNow: (name: string) => Promise<JobOutcome>
    }
  }
}

const instance = `${hostname()}:${process.pid}`

/** A stable 32-bit key per job name for pg_try_advisory_lock(classid, objid). */
function lockKey (name: string): number {
  let h = 0
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
  return h
}
const LOCK_NAMESPACE = 0x4e53 // 'NS'

export default fp(async function cronPlugin (app) {
  const jobs = new Map<string, JobDefinition>()
  const tasks: ScheduledTask[] = []
  const runningHere = new Set<string>()

  async function runLocked (job: JobDefinition): Promise<JobOutcome> {
    if (runningHere.has(job.name)) return { ran: false, reason: 'already running in this instance' }
    runningHere.add(job.name)
    try {
      if (app.dbMode === 'embedded') return await execute(job)
      // Session-level advisory lock on a dedicated pooled connection, released after the run.
      return await app.db.connection().execute(async conn => {
        const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${LOCK_NAMESPACE}, ${lockKey(job.name)}) as locked`.execute(conn)
        if (!got.rows[0]?.locked) return { ran: false, reason: 'another instance is running it' } as JobOutcome
        try {
          return await execute(job)
        } finally {
          await sql`select pg_advisory_unlock(${LOCK_NAMESPACE}, ${lockKey(job.name)})`.execute(conn)
        }
      })
    } finally {
      runningHere.delete(job.name)
    }
  }

  async function execute (job: JobDefinition): Promise<JobOutcome> {
    const id = await startRun(app.db, job.name, instance)
    try {
      const stats = (await job.run(app)) ?? {}
      if (job.isIdle?.(stats)) {
        await deleteRun(app.db, id)
        return { ran: true, ok: true, stats }
      }
      await finishRun(app.db, id, { ok: true, stats })
      return { ran: true, ok: true, stats }
    } catch (error) {
      app.log.error({ err: error, job: job.name }, 'scheduled job failed')
      const message = error instanceof Error ? error.message : String(error)
      await finishRun(app.db, id, { ok: false, error: message })
      return { ran: true, ok: false, error: message }
    }
  }

  app.decorate('jobs', {
    register (job: JobDefinition) {
      if (!cron.validate(job.schedule)) throw new Error(`Job ${job.name} has an invalid schedule "${job.schedule}"`)
      if (jobs.has(job.name)) throw new Error(`Job ${job.name} is registered twice`)
      jobs.set(job.name, job)
    },
    list: () => [...jobs.values()],
    async runNow (name: string) {
      const job = jobs.get(name)
      if (!job) throw new Error(`No job named ${name}`)
      return runLocked(job)
    }
  })

  app.addHook('onReady', async () => {
    if (!app.config.cron) return
    for (const job of jobs.values()) {
      tasks.push(cron.schedule(job.schedule, () => { void runLocked(job) }, { timezone: app.config.tzLocal, name: job.name, noOverlap: true }))
    }
    app.log.info({ jobs: [...jobs.keys()] }, 'scheduled jobs started')
  })
  app.addHook('onClose', async () => {
    for (const task of tasks) await task.stop()
  })
}, { name: 'cron', dependencies: ['db'] })
