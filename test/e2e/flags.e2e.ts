// Journey: the officer opens the flags list, opens a flag, reads the sentence and the chart and
// acknowledges it; the venue manager then sees it if it runs that venue; police see flag rings on the map.
import t from 'tap'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
let flagged: { id: number; premisesId: number; premisesName: string } | undefined

t.test('the officer reads a flag and acknowledges it', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'officer')
  await page.goto('/flags')
  await page.getByRole('heading', { name: /Flags: rising theft and violence/ }).waitFor()
  await page.getByLabel('Status').selectOption('open')
  await page.getByTestId('flags-table').waitFor()
  const link = page.getByTestId('flags-table').locator('tbody tr a').first()
  const name = await link.innerText()
  await link.click()
  await page.waitForURL(/\/flags\/\d+$/)
  const headline = await page.getByTestId('flag-headline').innerText()
  t.match(headline, /^\d+ (theft|thefts|violent incidents?) (in the last 4 weeks|in the latest month of police\.uk data)(; (about \d+|fewer than 1) would be usual for this venue's share of the City)?\.$/, 'the flag is one plain sentence first')
  t.notMatch(await page.locator('main').innerText(), /(^|\s)p \/ q|licensing_officer/, 'no bare statistics labels or role keys on the page')
  await page.getByText('How sure is this? The statistics').click()
  const explanation = await page.getByTestId('flag-explanation').innerText()
  t.match(explanation, new RegExp(`at ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ incidents? in`), 'the sentence names the venue and its count')
  t.match(explanation, /one-sided p/)
  await page.getByTestId('flag-chart').locator('canvas').first().waitFor()
  t.ok(await page.getByTestId('flag-chart').locator('canvas').count() > 0, 'the monthly chart is drawn')
  await page.getByText('The numbers behind the chart').click()
  t.ok(await page.getByTestId('flag-chart-table').locator('tbody tr').count() > 0, 'the chart\'s numbers are a real table')
  t.ok(await shows(page.getByRole('link', { name: `See the incidents recorded at ${name}` })), 'the incidents behind the flag are one link away')
  await page.getByTestId('traffic-light').waitFor()
  await page.getByLabel('Acknowledgement note').fill('e2e: spoke to the DPS, extra door staff agreed')
  await page.getByRole('button', { name: 'Acknowledge' }).click()
  await page.getByTestId('flag-status').getByText('Acknowledged').waitFor()
  t.match(await page.getByTestId('flag-events').innerText(), /acknowledged/)
  const id = Number(page.url().split('/').at(-1))
  const detail = await page.evaluate(async id => {
    const res = await fetch(`/api/flags/${id}`)
    return res.json()
  }, id)
  flagged = { id, premisesId: detail.premisesId, premisesName: detail.premisesName }
})

t.test('the venue manager sees the acknowledged flag of a venue it runs', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'manager')
  const me = await page.evaluate(async () => (await fetch('/api/me')).json())
  await page.goto('/flags')
  await page.getByRole('heading', { name: /Flags/ }).waitFor()
  if (flagged && me.premisesIds.includes(flagged.premisesId)) {
    await page.getByTestId('flags-table').getByText(flagged.premisesName).waitFor()
    t.pass('the manager sees its venue\'s acknowledged flag')
  } else {
    await page.getByText(/No flags match|flags-table/).first().waitFor().catch(() => {})
    t.notOk(await page.getByText(flagged?.premisesName ?? '∅').count(), 'another venue\'s flag is not shown to this manager')
  }
})

t.test('police see flagged venues as rings on the map', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'police')
  await page.goto('/map')
  await page.getByTestId('map').waitFor()
  await page.locator('path.flag-ring').first().waitFor({ timeout: 15000 })
  t.ok(await page.locator('path.flag-ring').count() > 0)
})
