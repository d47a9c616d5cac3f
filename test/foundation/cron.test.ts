import t from 'tap'
import Fastify from 'fastify'
import app from '../../server/app.ts'
import { fastifyOptions } from '../../server/fastify-options.ts'
import { createTestDatabase, testConfig, testDatabaseMode } from '../helper.ts'
import type { DatabaseHandle } from '../../server/db/connect.ts'

async function appWithJob (t: Parameters<typeof createTestDatabase>[0], database: DatabaseHandle, run: () => Promise<Record<string, unknown>>) {
  const config = testConfig()
  const server = Fastify(fastifyOptions(config, false))
  await server.register(app, { config, database })
  server.jobs.register({ name: 'test-job', schedule: '0 6 * * 1', description: 'a test job', run })
  await server.ready()
  t.teardown(() => server.close())
  return server
}

t.test('a job run is recorded in job_runs with its stats or its error', async t => {
  const database = await createTestDatabase(t)
  let calls = 0
  const server = await appWithJob(t, database, async () => {
    calls += 1
    if (calls === 2) throw new Error('boom')
    return { evaluated: 3 }
  })
  const first = await server.jobs.runNow('test-job')
  t.match(first, { ran: true, ok: true, stats: { evaluated: 3 } })
  const second = await server.jobs.runNow('test-job')
  t.match(second, { ran: true, ok: false, error: 'boom' })
  const runs = await server.db.selectFrom('jobRuns').selectAll().orderBy('id').execute()
  t.same(runs.map(r => r.ok), [true, false])
  t.same(runs[0]!.stats, { evaluated: 3 })
  t.ok(runs.every(r => r.finishedAt), 'both runs finished')
  t.throws(() => server.jobs.register({ name: 'bad', schedule: 'not cron', description: '', run: async () => ({}) }), /invalid schedule/)
})

t.test('the same job started twice at once runs once', async t => {
  const database = await createTestDatabase(t)
  let running = 0
  let runs = 0
  const slow = async () => {
    running += 1
    runs += 1
    await new Promise(r => setTimeout(r, 400))
    running -= 1
    return {}
  }
  if (testDatabaseMode() === 'postgres') {
    // Two app instances on one PostgreSQL database: the advisory lock lets one through.
    const url = (database as DatabaseHandle & { url?: string }).url!
    const { connectDatabase } = await import('../../server/db/connect.ts')
    const second = await connectDatabase({ databaseUrl: url, dataDir: ':memory:', poolSize: 3 })
    t.teardown(() => second.close())
    const a = await appWithJob(t, database, slow)
    const b = await appWithJob(t, second, slow)
    const outcomes = await Promise.all([a.jobs.runNow('test-job'), b.jobs.runNow('test-job')])
    t.equal(outcomes.filter(o => o.ran).length, 1, 'one instance ran it')
    t.match(outcomes.find(o => !o.ran), { ran: false, reason: /another instance/ })
  } else {
    const a = await appWithJob(t, database, slow)
    const outcomes = await Promise.all([a.jobs.runNow('test-job'), a.jobs.runNow('test-job')])
    t.equal(outcomes.filter(o => o.ran).length, 1, 'an embedded app runs a job once at a time')
  }
  t.equal(runs, 1)
})
