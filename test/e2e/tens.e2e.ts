// Journey: a venue manager gives a late Temporary Event Notice on a phone; the police see it on
// the hotspot map, open it from its marker and object within the three working days, and the
// notice gets its counter notice. Each screen: 320 px wide, axe clean, its own title.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { appUrl, launch, loginAs, openPage } from './harness.ts'
import { seriousViolations } from './axe.ts'
import { addCalendarDays, addWorkingDays } from '../../shared/clock/index.ts'
import { localDate } from '../../shared/dates.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

async function checkScreen (t: Test, page: Page, title: RegExp) {
  t.match(await page.title(), title, 'the screen has its own title')
  t.same(await seriousViolations(page), [], 'axe finds no serious or critical violation')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  t.ok(overflow <= 1, `nothing wider than the screen (${overflow}px over)`)
}

t.test('the police object to a late TEN from the hotspot map', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.setViewportSize({ width: 320, height: 740 })
  await loginAs(page, 'manager')
  const today = localDate(new Date(), 'Europe/London')
  // Six working days between today and the event: a late notice.
  const eventDay = addCalendarDays(addWorkingDays(today, 6), 1)

  await page.goto('/tens/new')
  await page.getByRole('heading', { name: 'Give a Temporary Event Notice' }).waitFor()
  await page.getByRole('button', { name: 'Give notice' }).click()
  const summary = page.locator('.error-summary')
  await summary.waitFor()
  t.match(await summary.innerText(), /Choose the premises/, 'an empty form gets the error summary')
  t.ok(await summary.evaluate(el => el === document.activeElement), 'focus moves to the summary')
  await checkScreen(t, page, /Give a Temporary Event Notice/)

  const premises = page.getByLabel('Premises', { exact: true })
  await premises.selectOption({ index: 1 })
  const premisesName = (await premises.locator('option:checked').innerText()).trim()
  await page.getByLabel('Premises user (the person giving the notice)').fill('Casey Late (e2e)')
  await page.getByLabel('The premises user holds a personal licence').check()
  await page.getByLabel('Event starts').fill(`${eventDay}T20:00`)
  await page.getByLabel('Event ends').fill(`${eventDay}T23:30`)
  await page.getByTestId('ten-kind').filter({ hasText: 'late' }).waitFor()
  await page.getByLabel('Most people at any one time').fill('300')
  await page.getByLabel('Sale or supply of alcohol').check()
  await page.getByRole('button', { name: 'Give notice' }).click()
  await page.getByRole('status').filter({ hasText: 'Notice given: a late notice' }).waitFor()
  const tenUrl = new URL(page.url())
  t.match(tenUrl.pathname, /^\/tens\/\d+$/)
  t.equal(await page.getByLabel('Premises user (the person giving the notice)').count(), 0, 'the form is gone')
  await checkScreen(t, page, /TEN \d+/)
  await page.context().clearCookies()
  await page.evaluate(() => localStorage.clear())

  const police = await openPage(t, browser, baseUrl)
  await loginAs(police, 'police')
  await police.goto('/hotspots')
  await police.getByRole('heading', { name: 'Hotspots' }).waitFor()
  const marker = police.locator(`.ten-marker.ten-late[title^="Temporary event at ${premisesName.replace(/"/g, '\\"')}"]`).first()
  await marker.click()
  const panel = police.getByTestId('ten-panel')
  await panel.waitFor()
  t.match(await panel.innerText(), /late notice/)
  await panel.getByRole('link', { name: 'Open the notice to object' }).click()
  await police.waitForURL(url => url.pathname === tenUrl.pathname)
  await police.getByRole('heading', { name: 'Object to this notice' }).waitFor()
  await police.setViewportSize({ width: 320, height: 740 })
  await police.getByRole('button', { name: 'Object' }).click()
  await police.locator('.error-summary').filter({ hasText: 'Choose the licensing objective' }).waitFor()
  await checkScreen(t, police, /TEN \d+/)
  await police.getByLabel('The prevention of crime and disorder').check()
  await police.getByLabel('Grounds for the objection').fill('The venue is in a theft hotspot and Christmas operations are at capacity that night.')
  await police.getByRole('button', { name: 'Object' }).click()
  await police.getByTestId('ten-status').filter({ hasText: 'Counter notice' }).waitFor()
  t.match(await police.locator('.notice').innerText(), /s\.104A/, 'a late notice with an objection gets a counter notice')
  t.match(await police.locator('main, body').first().innerText(), /Police.*The prevention of crime and disorder/s, 'the objection is listed')
})
