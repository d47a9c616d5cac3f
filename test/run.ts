// `npm test`: the whole suite. API and unit tests on the embedded database (PGlite), again on
// PostgreSQL when TEST_DATABASE_URL is set, then the browser journeys in Chromium against one
// app with demo data. Ends with one line "N passed, N failed" (assertions across all runs).
// E2E=required fails when Chromium is missing (CI); E2E=off skips the browser journeys;
// E2E=only runs just the browser journeys.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tapBin = join(root, 'node_modules/.bin/tap')
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const e2eMode = (process.env.E2E ?? 'auto').toLowerCase()
const extraArgs = process.argv.slice(2)
// Restarting PostgreSQL must not happen while other test files use it: it gets a run of its own.
const pgRestart = process.env.QUALITY_PG_RESTART === '1'
delete process.env.QUALITY_PG_RESTART

interface Counts { passed: number; failed: number; ok: boolean }
const totals = { passed: 0, failed: 0 }
const failures: string[] = []

/** Runs tap, echoing its output, and reads its closing "# { total, pass, fail }" line. */
function runTap (label: string, args: string[], env: Record<string, string>): Promise<Counts> {
  console.log(`\n=== ${label} ===`)
  return new Promise(resolve => {
    const child = spawn(tapBin, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let summary = ''
    let tail = ''
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk)
      tail = (tail + chunk.toString()).slice(-4000)
      const match = tail.match(/# \{ total: \d+[^}]*\}/g)
      if (match) summary = match[match.length - 1]!
    })
    child.on('close', code => {
      const count = (key: string) => Number(new RegExp(`${key}: (\\d+)`).exec(summary)?.[1] ?? 0)
      const passed = count('pass')
      let failed = count('fail')
      if (code !== 0 && failed === 0) failed = 1 // a crash or a file that never reported still fails
      resolve({ passed, failed, ok: code === 0 })
    })
  })
}

function record (label: string, counts: Counts) {
  totals.passed += counts.passed
  totals.failed += counts.failed
  if (!counts.ok) failures.push(label)
}

function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')))
    })
  })
}

async function waitForHealth (url: string, child: ReturnType<typeof spawn>, seconds: number) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {}
    await new Promise(r => setTimeout(r, 500))
  }
  throw new Error(`the app was not healthy within ${seconds} s`)
}

async function runBrowserJourneys () {
  const journeys = readdirSync(join(root, 'test/e2e')).filter(f => f.endsWith('.e2e.ts')).map(f => `test/e2e/${f}`)
  console.log('\n=== building the client for the browser journeys ===')
  const { buildClientIfStale } = await import('../server/build-client.ts')
  await buildClientIfStale()
  const dataDir = mkdtempSync(join(tmpdir(), 'nightsafe-e2e-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const app = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: 'on', CRON: 'off', MAP_TILES: 'off', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'inherit', 'inherit']
  })
  try {
    await waitForHealth(url, app, 300)
    record('browser journeys', await runTap('browser journeys (Chromium)', ['--jobs=1', '--timeout=600', ...journeys], { E2E_BASE_URL: url }))
  } catch (error) {
    console.error(error)
    record('browser journeys', { passed: 0, failed: 1, ok: false })
  } finally {
    app.kill('SIGTERM')
    await new Promise(r => app.once('close', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (e2eMode !== 'only') record('embedded', await runTap('API and unit tests: embedded database (PGlite)', extraArgs, { NIGHTSAFE_TEST_DB: 'embedded' }))

if (e2eMode === 'only') {
  // Browser journeys alone.
} else if (process.env.TEST_DATABASE_URL) {
  record('postgres', await runTap('API and unit tests: PostgreSQL', extraArgs, { NIGHTSAFE_TEST_DB: 'postgres' }))
  if (pgRestart && !extraArgs.length) {
    record('postgres restart', await runTap('faults: PostgreSQL restarted under writes (alone)', ['test/quality/faults.test.ts'], { NIGHTSAFE_TEST_DB: 'postgres', QUALITY_PG_RESTART: '1' }))
  }
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the PostgreSQL run is skipped; .ci/run sets it)')
}

if (e2eMode === 'off' || extraArgs.length) {
  console.log('\n(browser journeys not run: E2E=off or a test selection was given)')
} else if (!existsSync(chromium)) {
  if (e2eMode === 'required') {
    console.error(`\nChromium is required for the browser journeys but ${chromium} does not exist`)
    record('browser journeys', { passed: 0, failed: 1, ok: false })
  } else {
    console.log(`\n(browser journeys not run: no Chromium at ${chromium}; install Debian's chromium package)`)
  }
} else {
  await runBrowserJourneys()
}

if (failures.length) console.log(`\nFailed runs: ${failures.join(', ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed`)
process.exit(failures.length || totals.failed ? 1 : 0)
