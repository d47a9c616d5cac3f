// Faults: SIGKILL the server inside the transaction of a police.uk import and of a Safety Thirst
// submission (a test-only barrier holds it there), restart it on the same data: nothing of the
// transaction was kept, and the retry succeeds. With QUALITY_PG_RESTART=1 (PostgreSQL mode, local cluster): PostgreSQL is
// restarted under writes; /health says 503, the app recovers by itself, no acknowledged write is lost.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import t from 'tap'
import { repoRoot, startAppProcess, loginOver, type AppProcess } from '../../bench/lib/app-process.ts'
import { BENCH_PASSWORD } from '../../bench/lib/database.ts'
import { prepareTarget, ROLE_EMAILS, type PreparedTarget } from '../../bench/lib/prepared.ts'
import { testDatabaseMode } from '../helper.ts'
import { PAUSE_MARKER, type PausePoint } from '../../server/test-pause.ts'

// Real processes on a busy 2-core machine can be slow; the runner's 300 s default is too tight.
t.setTimeout(15 * 60 * 1000)

const postgres = testDatabaseMode() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Twelve months of real City rows as one CSV (one header), big enough to take a while to import. */
function bigPoliceCsv (): { csv: string; rows: number } {
  const folder = join(repoRoot, 'demo/police-uk')
  const files = readdirSync(folder).filter(f => f.endsWith('.csv')).sort().slice(0, 12)
  let header = ''
  const lines: string[] = []
  for (const file of files) {
    const [head, ...rest] = readFileSync(join(folder, file), 'utf8').split(/\r?\n/)
    header ||= head!
    lines.push(...rest.filter(Boolean))
  }
  return { csv: header + '\n' + lines.join('\n') + '\n', rows: lines.length }
}

/** Sends a request and resolves once the whole body has been handed to the socket. */
function sendAndForget (url: string, path: string, headers: Record<string, string>, body: string): Promise<void> {
  return new Promise(resolve => {
    const req = request(url + path, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } })
    req.on('error', () => {}) // the server is about to die
    req.on('response', res => res.resume())
    req.end(body, () => resolve())
  })
}

async function api<T = any> (app: AppProcess, path: string, headers: Record<string, string>, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(app.url + path, { method: init.method ?? 'GET', headers: { ...headers, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: init.body !== undefined ? JSON.stringify(init.body) : undefined })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T }
}

let target: PreparedTarget
t.before(async () => { target = await prepareTarget({ postgresAdminUrl: postgres, premises: 5 }) })
t.teardown(() => target?.cleanup())

// The services stop at a test-only barrier inside their transaction (server/test-pause.ts): the
// process is killed only once it has printed that it is there, after the transaction's first write.
const pausedAt = (point: PausePoint) => ({ ...target.env, NODE_ENV: 'test', TEST_PAUSE_AT: point })

t.test('SIGKILL inside a police.uk import transaction keeps none of it, and the retry imports it', async t => {
  const { csv, rows } = bigPoliceCsv()
  t.ok(rows > 5000, `${rows} rows in the import`)
  const first = await startAppProcess({ env: pausedAt('police-uk-import') })
  const police = await loginOver(first.url, ROLE_EMAILS.police, BENCH_PASSWORD)
  await sendAndForget(first.url, '/api/imports/police-uk', { ...police, 'content-type': 'text/csv' }, csv)
  await first.waitForOutput(`${PAUSE_MARKER} police-uk-import`)
  await first.kill()

  const second = await startAppProcess({ env: target.env })
  t.teardown(() => second.stop())
  const afterCrash = (await api(second, '/api/incidents?limit=1', police)).body.total as number
  const runs = (await api(second, '/api/imports', police)).body.items as unknown[]
  t.same({ incidents: afterCrash, importRuns: runs.length }, { incidents: 0, importRuns: 0 }, 'the incidents written before the kill were rolled back with the run')
  const res = await fetch(`${second.url}/api/imports/police-uk`, { method: 'POST', headers: { ...police, 'content-type': 'text/csv' }, body: csv })
  t.equal(res.status, 200, 'the retry succeeds')
  const summary = await res.json() as { rows: number; imported: number; unchanged: number }
  const total = (await api(second, '/api/incidents?limit=1', police)).body.total as number
  t.ok(summary.imported > 0, `${summary.imported} incidents imported by the retry`)
  t.equal(total, summary.imported, 'the retry imported the whole file once')
})

t.test('SIGKILL inside a Safety Thirst submission transaction leaves a draft, and the retry submits', async t => {
  let app = await startAppProcess({ env: pausedAt('safety-thirst-submit') })
  const manager = await loginOver(app.url, ROLE_EMAILS.venue_manager, BENCH_PASSWORD)
  const officer = await loginOver(app.url, ROLE_EMAILS.licensing_officer, BENCH_PASSWORD)
  const created = await api(app, '/api/safety-thirst/applications', manager, { method: 'POST', body: { premisesId: target.premisesIds[0] } })
  t.equal(created.status, 201, 'an application')
  const criteria = (await api(app, '/api/safety-thirst/criteria', manager)).body.criteria as { code: string }[]
  const answered = await api(app, `/api/safety-thirst/applications/${created.body.id}/self-assessment`, manager, { method: 'PUT', body: { answers: criteria.map(c => ({ criterionCode: c.code, answer: 'yes', evidence: 'Door staff log' })) } })
  t.equal(answered.status, 200, 'a complete self-assessment')
  await sendAndForget(app.url, `/api/safety-thirst/applications/${created.body.id}/submit`, { ...manager, 'content-type': 'application/json' }, '{}')
  await app.waitForOutput(`${PAUSE_MARKER} safety-thirst-submit`)
  await app.kill()

  app = await startAppProcess({ env: target.env })
  t.teardown(() => app.stop())
  const after = (await api(app, `/api/safety-thirst/applications/${created.body.id}`, manager)).body
  t.same({ status: after.status, submittedAt: after.submittedAt }, { status: 'draft', submittedAt: null }, 'the status written before the kill was rolled back')
  t.equal(after.answers?.length, criteria.length, 'the saved answers are intact')
  const link = `/safety-thirst/applications/${created.body.id}`
  const told = async () => ((await api(app, '/api/notifications', officer)).body.items as { link: string }[]).filter(n => n.link === link).length
  t.equal(await told(), 0, 'no officer was told of a submission that did not happen')
  const retry = await api(app, `/api/safety-thirst/applications/${created.body.id}/submit`, manager, { method: 'POST', body: {} })
  t.equal(retry.status, 200, 'the retry submits')
  t.equal((await api(app, `/api/safety-thirst/applications/${created.body.id}`, manager)).body.status, 'submitted', 'it is submitted once')
  t.equal(await told(), 1, 'and the officers are told once')
})

const cluster = process.env.QUALITY_PG_RESTART === '1' && postgres ? readdirSync('/etc/postgresql').sort().pop() : undefined
if (cluster) {
  t.test('PostgreSQL restarted under writes: 503, recovery by itself, no acknowledged write lost', async t => {
    const app = await startAppProcess({ env: target.env })
    t.teardown(() => app.stop())
    const police = await loginOver(app.url, ROLE_EMAILS.police, BENCH_PASSWORD)
    const acknowledged: number[] = []
    let writing = true
    const writer = (async () => {
      while (writing) {
        const res = await api(app, '/api/incidents', police, { method: 'POST', body: { category: 'robbery', occurredAt: '2025-12-20T00:30:00Z', location: { lat: 51.515, lng: -0.09 } } }).catch(() => undefined)
        if (res?.status === 201) acknowledged.push(res.body.id)
        await sleep(20)
      }
    })()
    await sleep(1500)
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'stop', '-m', 'fast'])
    const health = await fetch(`${app.url}/health`)
    t.equal(health.status, 503, '/health reports the database unreachable')
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'start'])
    let recovered = false
    for (let i = 0; i < 60 && !recovered; i++) { recovered = (await fetch(`${app.url}/health`)).status === 200; if (!recovered) await sleep(500) }
    t.ok(recovered, 'the app recovers by itself')
    await sleep(1000)
    writing = false
    await writer
    t.ok(acknowledged.length > 0, `${acknowledged.length} writes acknowledged`)
    const missing: number[] = []
    for (const id of acknowledged) if ((await api(app, `/api/incidents/${id}`, police)).status !== 200) missing.push(id)
    t.same(missing, [], 'every acknowledged write is there')
  })
}
