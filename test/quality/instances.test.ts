// Several app instances. On PostgreSQL (the PostgreSQL run of the suite): two app processes on one
// database share sessions, and a job started on both at the same moment runs once (advisory
// lock). Embedded: the database belongs to one process, so a second one refuses the folder, and
// one instance never runs a job twice at once.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { connectDatabase } from '../../server/db/connect.ts'
import { startAppProcess, loginOver } from '../../bench/lib/app-process.ts'
import { BENCH_PASSWORD } from '../../bench/lib/database.ts'
import { prepareTarget, ROLE_EMAILS } from '../../bench/lib/prepared.ts'
import { build, testDatabaseMode } from '../helper.ts'

// Real processes on a busy 2-core machine can be slow; the runner's 300 s default is too tight.
t.setTimeout(15 * 60 * 1000)

// Only in the suite's PostgreSQL run; the embedded run checks the single-process rules below.
const pgUrl = testDatabaseMode() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined

/** A job that holds its lock long enough for a second caller to collide with it. */
function registerSlowJob (app: FastifyInstance, runs: string[], label: string) {
  app.jobs.register({
    name: 'quality-slow-job', schedule: '0 3 * * *', description: 'test job',
    async run () { runs.push(label); await new Promise(resolve => setTimeout(resolve, 800)); return { label } }
  })
}

if (pgUrl) {
  t.test('two app processes on one PostgreSQL database share sessions', async t => {
    const target = await prepareTarget({ postgresAdminUrl: pgUrl, premises: 20, incidents: 500 })
    t.teardown(() => target.cleanup())
    const [a, b] = await Promise.all([startAppProcess({ env: target.env }), startAppProcess({ env: target.env })])
    t.teardown(() => Promise.all([a.stop(), b.stop()]))
    const headers = await loginOver(a.url, ROLE_EMAILS.police, BENCH_PASSWORD)
    const onB = await fetch(`${b.url}/api/me`, { headers })
    t.equal(onB.status, 200, 'a token issued by instance A works on instance B')
    t.equal((await onB.json() as { email: string }).email, ROLE_EMAILS.police, 'as the same user')
    const written = await fetch(`${a.url}/api/incidents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ category: 'public-order', occurredAt: '2025-12-20T01:00:00Z', location: { lat: 51.514, lng: -0.09 } }) })
    t.equal(written.status, 201, 'a write on A')
    const { id } = await written.json() as { id: number }
    t.equal((await fetch(`${b.url}/api/incidents/${id}`, { headers })).status, 200, 'is read on B at once (no state in the app tier)')

    const admin = await loginOver(b.url, ROLE_EMAILS.admin, BENCH_PASSWORD)
    const [ra, rb] = await Promise.all([a, b].map(app => fetch(`${app.url}/api/jobs/flags-weekly/run`, { method: 'POST', headers: admin })))
    t.same([ra!.status, rb!.status], [200, 200], 'both instances were asked to run the flag job')
    const runs = (await (await fetch(`${a.url}/api/jobs`, { headers: admin })).json() as { runs: { name: string; startedAt: string; finishedAt: string | null }[] }).runs
      .filter(r => r.name === 'flags-weekly').map(r => [Date.parse(r.startedAt), Date.parse(r.finishedAt ?? '')] as const).sort((x, y) => x[0] - y[0])
    t.ok(runs.length >= 1 && runs.length <= 2, `the job ran ${runs.length} time(s) for two requests`)
    t.ok(runs.every((r, i) => i === 0 || r[0] >= runs[i - 1]![1]), 'never two runs at the same time')
  })

  t.test('the login limit holds across two app processes on one database', async t => {
    const target = await prepareTarget({ postgresAdminUrl: pgUrl })
    t.teardown(() => target.cleanup())
    const env = { ...target.env, LOGIN_RATE_LIMIT: '3' }
    const [a, b] = await Promise.all([startAppProcess({ env }), startAppProcess({ env })])
    t.teardown(() => Promise.all([a.stop(), b.stop()]))
    const attempt = (app: typeof a, password: string) => fetch(`${app.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ROLE_EMAILS.police, password })
    })
    const guesses = [await attempt(a, 'wrong-guess-1'), await attempt(b, 'wrong-guess-2'), await attempt(a, 'wrong-guess-3')]
    t.same(guesses.map(r => r.status), [401, 401, 401], 'three wrong guesses spread over A and B')
    const onB = await attempt(b, BENCH_PASSWORD)
    t.equal(onB.status, 429, 'B refuses the right password: it counts A’s guesses too')
    t.ok(Number(onB.headers.get('retry-after')) > 0, 'and says when to retry')
    t.equal((await attempt(a, BENCH_PASSWORD)).status, 429, 'and so does A')
  })

  t.test('a job started on two instances at the same moment runs once', async t => {
    const first = await build(t)
    const url = (first.dbHandle.pool as unknown as { options: { connectionString: string } }).options.connectionString
    const secondDb = await connectDatabase({ databaseUrl: url, dataDir: ':memory:', poolSize: 3 })
    t.teardown(() => secondDb.close())
    const second = await build(t, { database: secondDb })
    const runs: string[] = []
    registerSlowJob(first, runs, 'first')
    registerSlowJob(second, runs, 'second')
    const outcomes = await Promise.all([first.jobs.runNow('quality-slow-job'), second.jobs.runNow('quality-slow-job')])
    t.equal(outcomes.filter(o => o.ran).length, 1, `exactly one instance ran it (${JSON.stringify(outcomes)})`)
    t.match(outcomes.find(o => !o.ran), { ran: false, reason: /another instance/ }, 'the other was told another instance holds it')
    t.equal(runs.length, 1, 'the work happened once')
    const again = await second.jobs.runNow('quality-slow-job')
    t.equal(again.ran, true, 'the lock is released afterwards')
    const rows = await first.db.selectFrom('jobRuns').select('instance').where('name', '=', 'quality-slow-job').execute()
    t.equal(rows.length, 2, 'job_runs records each run')
  })
} else {
  t.test('embedded: a second process refuses the same DATA_DIR while the first keeps serving', async t => {
    const target = await prepareTarget({ premises: 5 })
    t.teardown(() => target.cleanup())
    const first = await startAppProcess({ env: target.env })
    t.teardown(() => first.stop())
    let refused: Error | undefined
    try {
      const second = await startAppProcess({ env: target.env, readyTimeout: 60000 })
      await second.stop()
    } catch (error) { refused = error as Error }
    t.ok(refused, 'the second process did not start')
    t.match(refused?.message ?? '', /in use by process/, 'and says the folder is in use')
    t.equal((await fetch(`${first.url}/health`)).status, 200, 'the first process is unaffected')
  })

  t.test('embedded: one instance never runs a job twice at the same time', async t => {
    const app = await build(t)
    const runs: string[] = []
    registerSlowJob(app, runs, 'only')
    const outcomes = await Promise.all([app.jobs.runNow('quality-slow-job'), app.jobs.runNow('quality-slow-job')])
    t.equal(outcomes.filter(o => o.ran).length, 1, 'one call ran it')
    t.match(outcomes.find(o => !o.ran), { ran: false, reason: /already running/ }, 'the other was refused')
    t.equal(runs.length, 1, 'the work happened once')
  })
}
