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

t.test('an admin on a 320 px phone leaves public concerns out of the flags, and cannot leave out every source', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 320, height: 640 } })
  await loginAs(page, 'admin')
  await page.goto('/flags/settings')
  await page.getByRole('heading', { name: 'Flag settings', level: 1 }).waitFor()
  const boxes = page.getByRole('group', { name: 'Sources of incidents that flags count' }).getByRole('checkbox')
  await boxes.first().waitFor()
  const count = await boxes.count()
  t.ok(count > 1, 'one checkbox a source')
  for (let i = 0; i < count; i++) t.ok(await boxes.nth(i).isChecked(), 'every source is on by default')
  for (let i = 0; i < count; i++) await boxes.nth(i).uncheck()
  await page.getByRole('button', { name: 'Save flag settings' }).click()
  await page.getByTestId('error-summary').getByRole('link', { name: 'Choose at least one source of incidents for flags' }).waitFor()
  t.ok(await shows(page.locator('#sources-error')), 'the message is beside the checkboxes too')
  await page.getByTestId('error-summary').getByRole('link').click()
  t.equal(await page.evaluate(() => document.activeElement?.id), 'source-police_uk', 'the summary\'s link goes to the first checkbox')
  for (let i = 0; i < count; i++) await boxes.nth(i).check()
  await page.getByLabel('Public concerns').uncheck()
  t.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'nothing wider than the phone')
  await page.getByRole('button', { name: 'Save flag settings' }).click()
  await page.getByRole('status').getByText(/The flag settings are saved/).waitFor()
  await page.reload()
  await page.getByLabel('Force records').waitFor()
  t.notOk(await page.getByLabel('Public concerns').isChecked(), 'public concerns stay off after a reload')
  t.ok(await page.getByLabel('Force records').isChecked(), 'the other sources stay on')
  const saved = await page.evaluate(async () => (await fetch('/api/flags/settings')).json())
  t.notOk(saved.sources.includes('public'), 'saved on the server')
  // Put every source back, as the other journeys expect.
  await page.getByLabel('Public concerns').check()
  await page.getByRole('button', { name: 'Save flag settings' }).click()
  await page.getByRole('status').getByText(/counts every source/).waitFor()
})
