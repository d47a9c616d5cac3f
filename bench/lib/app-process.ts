// Runs the real server (server/server.ts) as a child process on 127.0.0.1, the way operators
// run it, so benchmarks and fault tests can measure it, load it and SIGKILL it.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export const TEST_JWT_SECRET = 'quality-and-bench-secret-'.padEnd(48, 'q')

export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface AppProcess {
  url: string
  pid: number
  child: ChildProcess
  /** Everything the process printed (for failure messages). */
  output: () => string
  /** Resolves once the process has printed `text` (checked as output arrives); rejects if it exits or `ms` pass first. */
  waitForOutput: (text: string, ms?: number) => Promise<void>
  /** Peak resident set size so far in MiB (Linux VmHWM), or NaN where /proc is missing. */
  peakRssMiB: () => number
  /** SIGTERM and wait for exit (SIGKILL after 10 s). */
  stop: () => Promise<void>
  /** SIGKILL at once and wait for the exit. */
  kill: () => Promise<void>
  exited: Promise<number | null>
}

export interface StartOptions {
  env?: Record<string, string | undefined>
  /** Milliseconds to wait for /health (default 180 s: demo seeding can take a while). */
  readyTimeout?: number
  /** A script to run instead of server/server.ts (a bare baseline server). */
  script?: string
  healthPath?: string
}

export async function startAppProcess (options: StartOptions = {}): Promise<AppProcess> {
  const port = await freePort()
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production',
    HOST: '127.0.0.1', PORT: String(port), DEMO: 'off', CRON: 'off', LOG_LEVEL: 'warn', MAP_TILES: 'off',
    JWT_SECRET: TEST_JWT_SECRET, ...options.env
  }
  const child = spawn(process.execPath, ['--import', 'tsx', options.script ?? 'server/server.ts'], {
    cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const watchers = new Set<() => void>()
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20000)
    for (const watcher of watchers) watcher()
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.readyTimeout ?? 180000)
  let exitCode: number | null | undefined
  void exited.then(code => { exitCode = code ?? -1 })
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the app process exited (${exitCode}) before it was ready:\n${output}`)
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`the app process was not ready in time:\n${output}`) }
    try {
      const res = await fetch(url + (options.healthPath ?? '/health'))
      if (res.status === 200) break
    } catch {}
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  const pid = child.pid!
  const waitExit = async (signal: NodeJS.Signals, graceMs: number) => {
    if (exitCode !== undefined) return
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }
  const waitForOutput = (text: string, ms = 120000) => new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => { watchers.delete(check); clearTimeout(timer); if (error) reject(error); else resolve() }
    const check = () => { if (output.includes(text)) done() }
    const timer = setTimeout(() => done(new Error(`the app process did not print "${text}" within ${ms} ms:\n${output}`)), ms)
    void exited.then(code => done(new Error(`the app process exited (${code}) before printing "${text}":\n${output}`)))
    watchers.add(check)
    check()
  })
  return {
    url, pid, child, exited, waitForOutput,
    output: () => output,
    peakRssMiB: () => {
      try {
        const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
        return match ? Number(match[1]) / 1024 : NaN
      } catch { return NaN }
    },
    stop: () => waitExit('SIGTERM', 10000),
    kill: () => waitExit('SIGKILL', 0)
  }
}

/** Logs in over HTTP and returns the bearer header. */
export async function loginOver (url: string, email: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`)
  const { token } = await res.json() as { token: string }
  return { authorization: `Bearer ${token}` }
}
