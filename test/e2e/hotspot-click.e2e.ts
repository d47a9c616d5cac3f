// Journey: the analyst clicks a hot cell where a venue stands. The cell under the venue answers
// the click (the venue's marker is drawn above it and must not swallow it), the cell's panel comes
// into view, the chosen cell is outlined, and the same cells can be chosen from the keyboard.
import t from 'tap'
import type { Page } from 'playwright-core'
import { appUrl, launch, loginAs, openPage } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const ZOOM = 18

/** Web Mercator pixel of a point at a zoom (Leaflet's default projection). */
function pixel (lat: number, lng: number, zoom: number) {
  const size = 256 * 2 ** zoom
  const sin = Math.sin(lat * Math.PI / 180)
  return { x: (lng + 180) / 360 * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size }
}

/** Whether the element is on screen, inside every box that scrolls it. */
const onScreen = (page: Page, testId: string) => page.getByTestId(testId).evaluate(el => {
  const box = el.getBoundingClientRect()
  if (box.top >= window.innerHeight || box.bottom <= 0) return false
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (!/(auto|scroll)/.test(getComputedStyle(p).overflowY)) continue
    const outer = p.getBoundingClientRect()
    if (box.top >= outer.bottom || box.bottom <= outer.top) return false
  }
  return true
})

t.test('a hot cell under a venue opens its panel, outlined and in view; the top cells work from the keyboard', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'police')
  // The page's request context carries the browser's session cookie; writes add the app's header.
  const headers = { 'x-requested-with': 'Nightsafe' }

  // A window inside the data already held (so the presets other journeys rely on do not move),
  // and a venue with a cluster of public-order incidents (in no flag's crime group) at its door.
  const coverage = await (await page.request.get('/api/hotspots/coverage', { headers })).json()
  const to: string = coverage.lastDate ?? new Date().toISOString().slice(0, 10)
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 27 * 86400000).toISOString().slice(0, 10)
  const premises = await (await page.request.get('/api/premises?status=current&limit=200&bbox=-0.095,51.512,-0.085,51.516', { headers })).json()
  const venue = premises.items.find((p: any) => p.location)
  t.ok(venue, 'the demo register has a City venue with a location')
  for (let i = 0; i < 40; i++) {
    const day = new Date(Date.parse(`${from}T00:00:00Z`) + (i % 27) * 86400000).toISOString().slice(0, 10)
    const res = await page.request.post('/api/incidents', {
      headers, data: { category: 'public-order', occurredAt: `${day}T22:${String(i).padStart(2, '0')}:00Z`, location: venue.location, locationText: 'On or near E2E Click Court' }
    })
    if (res.status() !== 201) t.fail(`incident not recorded: ${res.status()} ${await res.text()}`)
  }
  const cells = await (await page.request.get(`/api/hotspots?from=${from}&to=${to}&cell=50`, { headers })).json()
  const { lat, lng } = venue.location
  const cell = cells.features.find((f: any) => {
    const ring: number[][] = f.geometry.coordinates[0]
    const xs = ring.map(c => c[0]!), ys = ring.map(c => c[1]!)
    return lng > Math.min(...xs) && lng < Math.max(...xs) && lat > Math.min(...ys) && lat < Math.max(...ys)
  })
  t.ok(cell && cell.properties.bin > 0, 'the venue stands in a hot spot cell')

  await page.goto(`/hotspots?view=hotspots&from=${from}&to=${to}&cell=50&lat=${lat}&lng=${lng}&zoom=${ZOOM}`)
  await page.getByTestId('hot-count').waitFor({ timeout: 60000 })
  await page.getByTestId('hot-venues').getByText(venue.name).first().waitFor({ timeout: 60000 })

  // The map is centred on the venue: a point a little off its marker but inside the same cell.
  const ring: number[][] = cell.geometry.coordinates[0]
  const centre = ring.slice(0, 4).reduce((s, c) => ({ lng: s.lng + c[0]! / 4, lat: s.lat + c[1]! / 4 }), { lng: 0, lat: 0 })
  const here = pixel(lat, lng, ZOOM)
  const target = pixel(centre.lat, centre.lng, ZOOM)
  const length = Math.hypot(target.x - here.x, target.y - here.y) || 1
  const step = Math.min(14, length) // off the venue's marker (radius 6 at most), still in the cell
  const map = await page.getByTestId('map').boundingBox()
  const mid = { x: map!.x + map!.width / 2, y: map!.y + map!.height / 2 }

  await page.mouse.click(mid.x + (target.x - here.x) / length * step, mid.y + (target.y - here.y) / length * step)
  await page.getByTestId('cell-panel').waitFor({ timeout: 30000 })
  t.match(await page.getByTestId('cell-panel').locator('h2').innerText(), cell.properties.id, 'the panel is the cell clicked')
  await page.getByTestId('cell-panel').getByText(venue.name).first().waitFor({ timeout: 30000 })
  t.pass('the panel names the venue in the cell')
  await page.waitForFunction(() => document.querySelectorAll('path.selected-cell').length === 1)
  t.pass('the chosen cell is outlined on the map')
  t.ok(await onScreen(page, 'cell-panel'), 'the panel is brought into view')

  // Clicking the venue's own marker opens the venue and the cell it stands in.
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  await page.getByTestId('cell-panel').waitFor({ state: 'detached' })
  const again = await page.getByTestId('map').boundingBox() // the page may have scrolled to the panel
  await page.mouse.click(again!.x + again!.width / 2, again!.y + again!.height / 2)
  await page.locator('.leaflet-popup').getByRole('link', { name: venue.name }).waitFor({ timeout: 30000 })
  t.pass('the venue\'s marker opens a link to the venue')
  await page.getByTestId('cell-panel').waitFor({ timeout: 30000 })
  t.match(await page.getByTestId('cell-panel').locator('h2').innerText(), cell.properties.id, 'with the cell it stands in')

  // From the keyboard: the list of top cells selects a cell.
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  const top = page.getByTestId('top-cells').getByRole('button').first()
  await top.focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('cell-panel').waitFor({ timeout: 30000 })
  t.match(await top.innerText(), (await page.getByTestId('cell-panel').locator('h2').innerText()).replace(/^Cell /, ''), 'the top cell chosen from the keyboard opens')
  await page.waitForFunction(() => document.querySelectorAll('path.selected-cell').length === 1)
  t.pass('and is outlined')
})
