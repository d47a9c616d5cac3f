// Journey: police open the hotspot map, pick "Christmas this year vs last", see cells that rose
// and the venues in them, switch to hot spots, and open the printable briefing.
import t from 'tap'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'
import { latestCompleteDecember } from '../../shared/dates.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

t.test('police plan Christmas operations from the hotspot map and its briefing', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'police')
  // The page's request context carries the browser's session cookie; writes add the app's header.
  const headers = { 'x-requested-with': 'Nightsafe' }

  // The December the presets use, and a venue to put a cluster of public-order incidents beside
  // (public order is in no flag crime group, so other journeys' flags are unaffected).
  const coverage = await (await page.request.get('/api/hotspots/coverage', { headers })).json()
  const last: string | null = coverage.lastDate
  const year = !last ? new Date().getUTCFullYear() - 1 : latestCompleteDecember(last)
  const premises = await (await page.request.get('/api/premises?status=current&limit=200&bbox=-0.1,51.511,-0.08,51.518', { headers })).json()
  const venue = premises.items.find((p: any) => p.location)
  t.ok(venue, 'the demo register has a City venue with a location')
  const street = `On or near E2E Hotspot Lane ${Date.now().toString(36)}`
  for (let i = 0; i < 40; i++) {
    const res = await page.request.post('/api/incidents', {
      headers,
      data: { category: 'public-order', occurredAt: `${year}-12-${String(1 + (i % 28)).padStart(2, '0')}T23:${String(i).padStart(2, '0')}:00Z`, location: venue.location, locationText: street }
    })
    if (res.status() !== 201) t.fail(`incident not recorded: ${res.status()} ${await res.text()}`)
  }

  await page.goto('/hotspots')
  await page.getByRole('heading', { name: 'Hotspots' }).waitFor()
  t.ok(await shows(page.getByTestId('map')), 'the map is shown beside the filters')
  await page.getByRole('button', { name: new RegExp(`Christmas ${year} vs ${year - 1}`) }).click()
  await page.waitForURL(url => url.search.includes('view=change') && url.search.includes(`from=${year}-12-01`))
  await page.getByTestId('hotspot-summary').filter({ hasText: 'against' }).waitFor()
  t.match(await page.getByTestId('hotspot-summary').innerText(), /cells? rose/, 'the change against last year is summarised')
  t.match(await page.locator('.legend').innerText(), /Rise, 99% confidence/, 'the legend says what the colours mean')
  await page.getByTestId('hot-venues').waitFor()
  t.match(await page.getByTestId('hot-venues').innerText(), venue.name, 'the venue beside the cluster is listed in a cell that rose')

  await page.getByLabel('Hot and cold spots').check()
  await page.getByTestId('hot-count').waitFor()
  await page.waitForFunction(() => /[1-9][\d,]* hot spot cells?/.test(document.querySelector('[data-testid=hot-count]')?.textContent ?? ''))
  t.pass('hot spot cells are found')
  t.match(await page.locator('.legend').innerText(), /Hot spot, 99% confidence/)
  t.ok(await page.locator('.leaflet-overlay-pane canvas').count() > 0, 'the cells are drawn on the map')
  t.match(page.url(), /view=hotspots/, 'the view is in the URL')

  await page.getByRole('link', { name: 'Open the briefing' }).click()
  await page.waitForURL(/\/hotspots\/briefing\?/)
  await page.getByTestId('briefing-top').waitFor()
  t.match(await page.getByRole('heading', { level: 1 }).innerText(), /Hotspot briefing/)
  const table = await page.getByTestId('briefing-top').innerText()
  t.match(table, street.replace('On or near ', ''), 'the cluster\'s street is in the top cells')
  t.match(table, venue.name, 'with the venue in it')
  t.ok(await page.getByTestId('briefing-map').locator('path').count() > 100, 'the map image shows the cells')
})
