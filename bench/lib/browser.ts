// Client figures: the gzipped size of the built bundle, the time to a usable map in Chromium, and
// long frames (> 200 ms, from requestAnimationFrame deltas) while panning the hotspot grid.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { repoRoot } from './app-process.ts'

/**
 * Builds the client with Vite and measures it. Call it before starting the app process that the
 * browser figures use: the server decides at start-up whether there is a client to serve, so an
 * app started before the first build answers every page with 503 (and the login form never appears).
 */
export async function bundleSize (): Promise<{ jsGzipKiB: number; cssGzipKiB: number; files: number }> {
  const vite = await import('vite')
  await vite.build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' })
  const assets = join(repoRoot, 'dist/client/assets')
  let js = 0; let css = 0; let files = 0
  for (const file of readdirSync(assets)) {
    if (!statSync(join(assets, file)).isFile()) continue
    const gz = gzipSync(readFileSync(join(assets, file)), { level: 9 }).length
    if (file.endsWith('.js')) { js += gz; files++ } else if (file.endsWith('.css')) { css += gz; files++ }
  }
  return { jsGzipKiB: js / 1024, cssGzipKiB: css / 1024, files }
}

export interface MapFigures { usableMapMs: number; panFrames: number; longFrames: number; worstFrameMs: number }

/** The map feed the client asks for: the lean feed, or the full register list before it existed. */
const isPremisesFeed = (url: string) => /\/api\/(map\/premises|premises\?)/.test(url)

export async function mapFigures (baseUrl: string, email: string, password: string): Promise<MapFigures> {
  // Fail in a second with the reason, not after a minute of waiting for a login form that is not there.
  const login = await fetch(`${baseUrl}/login`)
  const html = await login.text()
  if (login.status !== 200 || !html.includes('<div id="app"')) throw new Error(`GET /login → ${login.status}, not the client's page: ${html.slice(0, 200)}`)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 } })
    await context.route('**/*', route => route.request().url().startsWith(baseUrl) ? route.continue() : route.abort())
    const page = await context.newPage()
    page.setDefaultTimeout(60000)
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL(url => !url.pathname.startsWith('/login'))

    const started = Date.now()
    const premisesLoaded = page.waitForResponse(r => isPremisesFeed(r.url()) && r.status() === 200)
    await page.goto('/map')
    await page.locator('.leaflet-container').first().waitFor()
    await premisesLoaded
    // Page scripts are strings: tsx's transform would add helpers (__name) the page does not have.
    await page.waitForFunction("document.querySelectorAll('.premises-cluster, .leaflet-overlay-pane canvas, .leaflet-overlay-pane path').length > 0")
    await page.evaluate('new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))')
    const usableMapMs = Date.now() - started

    const gridLoaded = page.waitForResponse(r => /\/api\/hotspots\?/.test(r.url()) && r.status() === 200, { timeout: 120000 })
    await page.goto('/hotspots')
    await page.locator('.leaflet-container').first().waitFor()
    await gridLoaded
    await page.waitForTimeout(1000)
    await page.evaluate(`(() => {
      window.__frames = []
      let last = performance.now()
      const tick = now => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick) }
      requestAnimationFrame(tick)
    })()`)
    const box = (await page.locator('.leaflet-container').first().boundingBox())!
    const cx = box.x + box.width / 2; const cy = box.y + box.height / 2
    for (let i = 0; i < 6; i++) {
      const dx = i % 2 ? -250 : 250; const dy = i % 3 ? 120 : -120
      await page.mouse.move(cx, cy)
      await page.mouse.down()
      for (let s = 1; s <= 15; s++) await page.mouse.move(cx + (dx * s) / 15, cy + (dy * s) / 15)
      await page.mouse.up()
      await page.waitForTimeout(250)
    }
    const frames = await page.evaluate('window.__frames.slice(1)') as number[]
    return { usableMapMs, panFrames: frames.length, longFrames: frames.filter(f => f > 200).length, worstFrameMs: Math.max(0, ...frames) }
  } finally {
    await browser.close()
  }
}
