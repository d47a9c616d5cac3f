// Journey: each role logs in through the form and sees the map of the City.
import t from 'tap'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

for (const who of ['admin', 'officer', 'police', 'manager'] as const) {
  t.test(`${who} logs in and sees the map`, async t => {
    const page = await openPage(t, browser, baseUrl)
    await loginAs(page, who)
    const feed = page.waitForResponse(r => r.url().includes('/api/map/premises?') && r.status() === 200)
    await page.goto('/map')
    const map = page.getByTestId('map')
    await map.waitFor()
    t.ok(await shows(map), 'the map is shown')
    // Wait on state: the map's frame shows before Leaflet has drawn into it.
    await page.locator('.leaflet-container').first().waitFor()
    t.ok(await page.locator('.leaflet-container').count() > 0, 'Leaflet drew the map')
    await page.locator('path.city-boundary').waitFor({ state: 'attached', timeout: 15000 })
    t.equal(await page.locator('path.city-boundary').count(), 1, 'the City boundary draws without tiles')
    t.equal(await page.locator('.leaflet-tile-pane img').count(), 0, 'no tiles were requested (offline base map)')
    t.match(await page.locator('.account').innerText(), /Log out/, 'the header shows the logged-in account')
    // The premises layer draws from the lean feed, asked for a box snapped to a 0.01° grid.
    const answer = await feed
    t.match(new URL(answer.url()).searchParams.get('bbox'), /^-?\d+\.\d{2}(,-?\d+\.\d{2}){3}$/, 'the box is snapped to the grid')
    const features = (await answer.json()).features as { id: number; properties: { n: string } }[]
    if (who === 'manager') {
      const me = await (await page.request.get('/api/me')).json()
      t.same(features.map(f => f.id).sort((a, b) => a - b), [...me.premisesIds].sort((a: number, b: number) => a - b), 'a venue manager\'s map holds its own premises only')
    } else {
      t.ok(features.length > 20, `the City's premises are on the map (${features.length})`)
    }
    await page.locator('.premises-cluster, .leaflet-overlay-pane canvas').first().waitFor()
  })
}

t.test('a wrong password shows an error and stays on the login page', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.goto('/login')
  await page.getByLabel('Email').fill('officer@example.org')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('alert').waitFor()
  t.match(await page.getByRole('alert').innerText(), /not right/)
  t.match(page.url(), /\/login/)
})

t.test('a page that needs a login sends the visitor to the login page', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.goto('/map')
  await page.waitForURL(/\/login\?next=/)
  t.pass('redirected to login with the page to return to')
})

t.test('the session lives only in an httpOnly cookie: it survives a reload, no script can read it, and logging out ends it', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'officer')
  const cookie = (await page.context().cookies()).find(c => c.name === 'nightsafe_token')
  t.match(cookie, { httpOnly: true, sameSite: 'Strict' }, 'the session cookie is httpOnly and SameSite=Strict')
  const visible = await page.evaluate(() => ({ cookies: document.cookie, stored: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) }))
  t.notMatch(visible.cookies, /nightsafe_token/, 'document.cookie does not show it')
  t.notMatch(visible.stored, cookie!.value.slice(0, 20), 'and no copy of the token is kept in web storage')
  t.notMatch(visible.stored, /eyJ[\w-]+\.[\w-]+\./, 'nor any other token')
  await page.reload()
  await page.locator('.account').getByRole('button', { name: 'Log out' }).waitFor()
  t.pass('after a reload the officer is still logged in (the cookie alone carries the session)')
  const storedAfterReload = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  t.notMatch(storedAfterReload, /eyJ[\w-]+\.[\w-]+\./, 'and still no token in web storage after the reload')
  const forged = await page.request.post('/api/premises', { headers: { cookie: `nightsafe_token=${cookie!.value}` }, data: { name: 'Forged Arms', address: '1 Forged Lane, London', postcode: 'EC2V 7HH' } })
  t.equal(forged.status(), 403, 'a write sent with the cookie but without X-Requested-With is refused')
  const loggedOut = page.waitForResponse(res => res.url().endsWith('/api/auth/logout'))
  await page.locator('.account').getByRole('button', { name: 'Log out' }).click()
  t.equal((await loggedOut).status(), 200)
  const replay = await page.request.get('/api/me', { headers: { cookie: `nightsafe_token=${cookie!.value}` } })
  t.equal(replay.status(), 401, 'a copy of the old cookie no longer works')
})
