// Browser journeys: a real Chromium (Debian's, driven by playwright-core) against the real app.
// test/run.ts starts one app with demo data for all journeys and passes E2E_BASE_URL; run alone,
// a journey file starts its own app (embedded database in a temporary DATA_DIR, demo data on).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core'
import app from '../../server/app.ts'
import { buildClientIfStale } from '../../server/build-client.ts'
import { loadConfig } from '../../server/config.ts'
import { fastifyOptions } from '../../server/fastify-options.ts'
import type { Tap } from '../helper.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const DEMO_PASSWORD = 'nightsafe-demo'
export const DEMO_EMAILS = { admin: 'admin@example.org', officer: 'officer@example.org', colleague: 'officer2@example.org', police: 'police@example.org', manager: 'manager@example.org' } as const

/** The base URL of a running app with demo data (shared, or started for this file). */
export async function appUrl (t: Tap): Promise<string> {
  if (process.env.E2E_BASE_URL) return process.env.E2E_BASE_URL
  await buildClientIfStale(() => {})
  const dataDir = mkdtempSync(join(tmpdir(), 'nightsafe-e2e-'))
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'on', CRON: 'off', LOG_LEVEL: 'warn', MAP_TILES: 'off', PORT: '0' })
  const server = Fastify(fastifyOptions(config, false))
  await server.register(app, { config })
  await server.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(async () => { await server.close(); rmSync(dataDir, { recursive: true, force: true }) })
  const address = server.server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

export async function launch (t: Tap): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
  })
  t.teardown(() => browser.close())
  return browser
}

/**
 * A fresh page that may only reach the app (no tiles, no network), with a screenshot saved to
 * test-results/ when the journey fails.
 */
/**
 * Whether the locator comes to be visible within the page's timeout. `isVisible()` answers at
 * once, which on a busy machine can be before the page has drawn what the test expects.
 */
export async function shows (locator: Locator): Promise<boolean> {
  return locator.first().waitFor({ state: 'visible' }).then(() => true, () => false)
}

export async function openPage (t: Tap & { name: string; passing: () => boolean }, browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London', ...options })
  await context.route('**/*', route => route.request().url().startsWith(baseUrl) ? route.continue() : route.abort())
  const page = await context.newPage()
  page.setDefaultTimeout(20000)
  const consoleErrors: string[] = []
  page.on('pageerror', error => consoleErrors.push(error.message))
  t.teardown(async () => {
    if (!t.passing()) {
      mkdirSync('test-results', { recursive: true })
      const file = join('test-results', `${t.name.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => {})
      if (consoleErrors.length) console.error('page errors:', consoleErrors)
    }
    await context.close()
  })
  return page
}

/** Logs in through the login form as one of the demo accounts and waits to leave the login page. */
export async function loginAs (page: Page, who: keyof typeof DEMO_EMAILS) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(DEMO_EMAILS[who])
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(url => !url.pathname.startsWith('/login'))
}

