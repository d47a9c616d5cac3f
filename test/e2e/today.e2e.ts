// Journey: "Today" is the home page after login. The officer lands on it, sees the overdue
// Safety Thirst assessments above everything not overdue, filters to overdue work, and one click
// opens the application to assess; the venue manager's list names only its own venues. Each
// screen at 320 px and axe clean.
import t from 'tap'
import { appUrl, launch, loginAs, openPage } from './harness.ts'
import { seriousViolations } from './axe.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

t.test('the officer lands on Today and opens the overdue Safety Thirst assessment', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 320, height: 800 } })
  await loginAs(page, 'officer')
  await page.waitForURL(url => url.pathname === '/today')
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor()
  t.equal(await page.title(), 'Today – Nightsafe')

  const entries = page.getByTestId('work-list').locator('li')
  await entries.first().waitFor()
  const kinds = await entries.evaluateAll(items => items.map(li => ({ kind: li.getAttribute('data-kind'), overdue: li.classList.contains('overdue') })))
  const firstAssessment = kinds.findIndex(k => k.kind === 'safety_thirst_assessment' && k.overdue)
  t.ok(firstAssessment >= 0, 'an overdue Safety Thirst assessment is listed')
  t.ok(kinds.slice(0, firstAssessment).every(k => k.overdue), 'only overdue work comes before it')
  t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scrolling at 320 px')
  t.same(await seriousViolations(page), [], 'axe: no serious or critical violation')

  await page.getByLabel('Show').selectOption('overdue')
  const overdueKinds = await entries.evaluateAll(items => items.map(li => li.classList.contains('overdue')))
  t.ok(overdueKinds.length > 0 && overdueKinds.every(Boolean), 'overdue only')
  await page.getByLabel('Sort by').selectOption('kind')

  const assessment = page.locator('li[data-kind="safety_thirst_assessment"].overdue').first()
  t.match(await assessment.innerText(), /days? overdue/)
  await assessment.getByRole('link').click()
  await page.waitForURL(/\/safety-thirst\/applications\/\d+$/)
  await page.getByRole('heading', { level: 1 }).waitFor()
})

t.test('the officer assigns the overdue assessment to a colleague, who finds it under "Assigned to me"', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 320, height: 800 } })
  await loginAs(page, 'officer')
  await page.waitForURL(url => url.pathname === '/today')
  const assessment = page.locator('li[data-kind="safety_thirst_assessment"].overdue').filter({ hasNot: page.locator('.work-assignee') }).first()
  await assessment.waitFor()
  const title = await assessment.getByRole('link').innerText()
  await assessment.getByLabel('Assign to').selectOption({ label: 'Kemi Colleague (demo)' })
  const saved = page.waitForResponse(r => r.url().includes('/api/me/work/assignment') && r.request().method() === 'PUT')
  await assessment.getByRole('button', { name: 'Assign' }).click()
  t.equal((await saved).status(), 200, 'the assignment is saved')
  await page.locator('li', { hasText: title }).locator('.work-assignee', { hasText: 'Assigned to Kemi Colleague (demo)' }).waitFor()
  t.pass('the list says who has it')
  t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no sideways scrolling at 320 px with the assign controls')
  t.same(await seriousViolations(page), [], 'axe: no serious or critical violation')

  const colleague = await openPage(t, browser, baseUrl, { viewport: { width: 390, height: 800 } })
  await loginAs(colleague, 'colleague')
  await colleague.waitForURL(url => url.pathname === '/today')
  await colleague.getByLabel('Whose work').selectOption('mine')
  const mine = colleague.getByTestId('work-list').locator('li', { hasText: title })
  await mine.waitFor()
  t.match(await mine.innerText(), /Assigned to Kemi Colleague \(demo\)/, 'the colleague sees it in "mine"')
  t.same(await seriousViolations(colleague), [], 'axe: no serious or critical violation')
})

t.test('the venue manager sees only its own venues\' work', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 320, height: 800 } })
  await loginAs(page, 'manager')
  await page.waitForURL(url => url.pathname === '/today')
  await page.getByRole('status').filter({ hasText: /waiting on you/ }).waitFor()
  const me = await (await page.request.get('/api/me')).json() as { premisesIds: number[] }
  const work = await (await page.request.get('/api/me/work')).json() as { items: { premisesId?: number }[] }
  t.ok(work.items.every(i => i.premisesId != null && me.premisesIds.includes(i.premisesId)), 'every item is at one of its premises')
  t.same(await seriousViolations(page), [], 'axe: no serious or critical violation')
})
