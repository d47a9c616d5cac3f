// Journey: a member of the public reads the register. A venue without a Safety Thirst award shows
// no Safety Thirst line at all (never "Not accredited": it may never have applied); an awarded
// venue shows its tier with a link to what the scheme means; the place is an address and a map.
import t from 'tap'
import { appUrl, launch, openPage } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const COORDINATES = /-?\d{1,3}\.\d{4,}, ?-?\d{1,3}\.\d{4,}/

t.test('the public register shows awards only, an address and a map', async t => {
  const page = await openPage(t, browser, baseUrl)
  const list = await (await page.request.get('/api/public/premises?limit=500')).json()
  const plain = list.items.find((p: any) => !p.safetyThirst && p.location)
  const awarded = list.items.find((p: any) => p.safetyThirst && p.location)
  t.ok(plain, 'the demo register has a mapped venue with no award')

  await page.goto(`/register/${plain.id}`)
  await page.getByRole('heading', { level: 1, name: plain.name }).waitFor()
  const text = await page.locator('main').innerText()
  t.notMatch(text, /Not accredited/, 'no "Not accredited" for a venue without an award')
  t.equal(await page.getByTestId('safety-thirst-award').count(), 0, 'no Safety Thirst line at all')
  t.notMatch(text, COORDINATES, 'no bare coordinates')
  t.match(await page.getByTestId('premises-address').innerText(), plain.address, 'the place is given as its address')
  await page.getByRole('region', { name: `Map showing ${plain.name}` }).waitFor()
  t.pass('with a small map')

  if (awarded) {
    await page.goto(`/register/${awarded.id}`)
    await page.getByTestId('safety-thirst-award').waitFor()
    t.match(await page.getByTestId('safety-thirst-award').innerText(), /^(Pass|Commended|Highly Commended) until /, 'an award shows its tier and end date')
    await page.getByTestId('safety-thirst-award').getByRole('link').click()
  } else {
    await page.goto('/safety-thirst/scheme')
  }
  await page.getByRole('heading', { level: 1, name: 'About the Safety Thirst scheme' }).waitFor()
  t.match(await page.locator('main').innerText(), /Highly Commended/, 'the scheme page explains the tiers')
})
