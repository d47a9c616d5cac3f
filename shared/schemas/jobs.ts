// JSON Schemas of the scheduled-jobs screen: the jobs, their latest runs, and a run on demand.
import type { FromSchema } from 'json-schema-to-ts'

export const jobNameParams = {
  type: 'object',
  properties: { name: { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 64, 'x-message': 'Give the job by its name, like flags-weekly' } },
  required: ['name']
} as const

export const jobRunSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    instance: { type: 'string' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    ok: { type: ['boolean', 'null'] },
    /** What the job reported (counts), as it returned them. */
    stats: {},
    error: { type: ['string', 'null'] }
  },
  required: ['id', 'name', 'instance', 'startedAt', 'finishedAt', 'ok', 'stats', 'error']
} as const

export const jobsResponse = {
  type: 'object',
  properties: {
    cron: { type: 'boolean' },
    jobs: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, schedule: { type: 'string' }, description: { type: 'string' } },
        required: ['name', 'schedule', 'description']
      }
    },
    runs: { type: 'array', items: jobRunSchema }
  },
  required: ['cron', 'jobs', 'runs']
} as const

/** A run on demand: it ran (ok or not), or another instance holds the job's lock. */
export const jobOutcomeSchema = {
  type: 'object',
  properties: {
    ran: { type: 'boolean' },
    ok: { type: 'boolean' },
    stats: {},
    error: { type: 'string' },
    reason: { type: 'string' }
  },
  required: ['ran']
} as const

export type JobRun = FromSchema<typeof jobRunSchema>
export type JobsOverview = FromSchema<typeof jobsResponse>
