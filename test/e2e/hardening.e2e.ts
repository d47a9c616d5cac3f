// Journey: a premises name and address holding markup (a fake "log in again" link, an image with
// an onerror handler) render as text on the officer's page, on the public register and in the
// hotspot map's tooltip: no element is made from them. And the built client travels compressed,
// hashed assets cached for a year, index.html revalidated.
import t from 'tap'
import { appUrl, DEMO_EMAILS, DEMO_PASSWORD, launch, loginAs, openPage } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

const LINK = '<a href="https://evil.example/login">log in again</a>'
const IMAGE = '<img src=x onerror="document.title=\'pwned\'">'

t.test('markup typed into a name renders as text on the pages and in the map tooltip', async t => {
  const page = await openPage(t, browser, baseUrl)
  const login = await page.request.post('/api/auth/login', { data: { email: DEMO_EMAILS.officer, password: DEMO_PASSWORD } })
  const headers = { authorization: `Bearer ${(await login.json()).token}` }
  const location = { lat: 51.51372, lng: -0.08731 }
  const name = `Markup Arms ${Date.now().toString(36)} ${LINK}`
  const created = await page.request.post('/api/premises', { headers, data: { name, address: `1 Test Street ${IMAGE}`, postcode: 'EC3V 9AA', status: 'current', location } })
  t.equal(created.status(), 201, 'premises created through the API')
  const premises = await created.json()

  await loginAs(page, 'officer')
  await page.goto(`/premises/${premises.id}`)
  await page.getByRole('heading', { level: 1, name: /Markup Arms/ }).waitFor()
  t.equal(await page.getByRole('heading', { level: 1 }).innerText(), name, 'the heading shows the markup as typed')
  t.equal(await page.locator('a[href="https://evil.example/login"]').count(), 0, 'no link is made from it')
  t.equal(await page.locator('img[src="x"]').count(), 0, 'no image is made from the address')

  await page.goto(`/register/${premises.id}`)
  await page.getByRole('heading', { level: 1, name: /Markup Arms/ }).waitFor()
  t.equal(await page.locator('a[href="https://evil.example/login"]').count(), 0, 'the public register shows it as text too')

  await page.goto(`/hotspots?lat=${location.lat}&lng=${location.lng}&zoom=19`)
  const map = page.getByTestId('map')
  await map.waitFor()
  await page.waitForResponse(res => res.url().includes('/api/map/premises?') && res.status() === 200)
  const box = (await map.boundingBox())!
  const tooltip = page.locator('.leaflet-tooltip')
  // The venue stands at the centre of the map; the canvas opens its tooltip on hover.
  for (let step = 0; step < 20 && !(await tooltip.count()); step++) {
    await page.mouse.move(box.x + box.width / 2 - 3 + (step % 3) * 3, box.y + box.height / 2 - 3 + Math.floor(step / 3) % 3 * 3)
    await tooltip.first().waitFor({ timeout: 500 }).catch(() => {})
  }
  await tooltip.first().waitFor()
  t.match(await tooltip.first().innerText(), name, 'the tooltip shows the name as typed')
  t.equal(await tooltip.first().locator('a').count(), 0, 'and holds no link')
  t.not(await page.title(), 'pwned', 'no handler ran')
})

t.test('the client travels compressed, with assets cached for a year and index.html revalidated', async t => {
  const index = await fetch(`${baseUrl}/`, { headers: { 'accept-encoding': 'br' } })
  t.equal(index.status, 200)
  t.equal(index.headers.get('cache-control'), 'no-cache', 'index.html is revalidated on each use')
  const html = await index.text()
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  t.ok(script, `the page loads a hashed script (${script})`)
  const asset = await fetch(`${baseUrl}${script}`, { headers: { 'accept-encoding': 'br, gzip' } })
  t.equal(asset.status, 200)
  t.equal(asset.headers.get('content-encoding'), 'br', 'JavaScript is sent with brotli')
  t.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable', 'a hashed asset is immutable for a year')
  const gzip = await fetch(`${baseUrl}${script}`, { headers: { 'accept-encoding': 'gzip' } })
  t.equal(gzip.headers.get('content-encoding'), 'gzip', 'gzip for a client without brotli')
  await gzip.arrayBuffer()
  await asset.arrayBuffer()
})
