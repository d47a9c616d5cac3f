// Journey: a licensing officer works two demo cases on a phone-sized screen. On the first, whose
// representations have closed, they assess each (an empty assessment first gets the error
// summary) and schedule the hearing inside its window; on the second, whose hearing was held,
// they record the decision with an added condition, and the condition is on the public register
// under Annex 3. Each screen: 320 px wide, axe clean, its own title.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { appUrl, launch, loginAs, openPage } from './harness.ts'
import { seriousViolations } from './axe.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

async function checkScreen (t: Test, page: Page, title: RegExp) {
  t.match(await page.title(), title, 'the screen has its own title')
  t.same(await seriousViolations(page), [], 'axe finds no serious or critical violation')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  t.ok(overflow <= 1, `nothing wider than the screen (${overflow}px over)`)
}

async function openCaseAtStage (page: Page, stage: string) {
  await page.goto('/cases')
  await page.getByRole('heading', { name: 'Licensing cases' }).waitFor()
  const row = page.locator('tr', { has: page.getByText(stage, { exact: true }) }).first()
  await row.getByRole('link').first().click()
  await page.getByTestId('case-deadlines').waitFor()
}

t.test('an officer assesses representations, schedules the hearing and decides with an added condition', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.setViewportSize({ width: 320, height: 740 })
  await loginAs(page, 'officer')

  await page.goto('/cases')
  await page.getByRole('heading', { name: 'Licensing cases' }).waitFor()
  await page.getByTestId('case-stage').first().waitFor()
  await checkScreen(t, page, /Licensing cases/)

  await openCaseAtStage(page, 'Representations being assessed')
  await checkScreen(t, page, /Case \d+: /)
  const first = page.getByTestId('representation').first()
  await first.getByRole('button', { name: 'Record the assessment' }).click()
  const summary = page.locator('.error-summary').first()
  await summary.waitFor()
  t.match(await summary.innerText(), /Give the reason for the assessment/, 'an empty assessment gets the error summary')
  t.ok(await summary.evaluate(el => el === document.activeElement), 'focus moves to the summary')

  // Every representation waiting: relevant, with a reason.
  for (;;) {
    const next = page.getByTestId('representation').filter({ has: page.getByRole('button', { name: 'Record the assessment' }) }).first()
    if (!(await next.count())) break
    // Found again by its maker: once assessed it no longer has the button the filter looks for.
    const waiting = page.getByRole('article', { name: (await next.getAttribute('aria-label'))! })
    await waiting.getByLabel('Reason').fill('About the licensing objective it names, with local evidence.')
    await waiting.getByRole('button', { name: 'Record the assessment' }).click()
    await waiting.getByTestId('representation-relevance').filter({ hasText: 'Relevant:' }).waitFor()
  }
  t.equal(await page.getByTestId('case-stage').innerText(), 'A hearing must be scheduled', 'with relevant representations the case needs a hearing')

  // The form suggests the first date the window and the notice allow; the server accepts it.
  await page.getByLabel('Place').fill('Committee Room 2, Guildhall')
  await page.getByRole('button', { name: 'Schedule and give notice' }).click()
  await page.getByTestId('case-hearing').waitFor()
  t.match(await page.getByTestId('case-hearing').innerText(), /Committee Room 2, Guildhall/, 'the hearing is scheduled')
  t.equal(await page.getByTestId('case-stage').innerText(), 'Hearing scheduled')
  await checkScreen(t, page, /Case \d+: /)

  await openCaseAtStage(page, 'Decision due')
  const premisesLink = page.locator('main a[href^="/premises/"]').first()
  const premisesId = Number((await premisesLink.getAttribute('href'))!.split('/')[2])
  await page.getByLabel('Granted with modified or added conditions').check()
  await page.getByRole('button', { name: 'Record the decision' }).click()
  const decisionSummary = page.locator('.error-summary').first()
  await decisionSummary.waitFor()
  t.match(await decisionSummary.innerText(), /Write the conditions the decision adds/, 'a decision with conditions needs them')
  const condition = 'SIA door supervisors on duty from 21:00 until close on Fridays and Saturdays (demo journey).'
  await page.getByLabel(/Conditions added to the licence/).fill(condition)
  await page.getByLabel('Reasons').fill('The sub-committee heard the police and the applicant; door staff meet the concern about disorder at closing time.')
  await checkScreen(t, page, /Case \d+: /)
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await page.getByTestId('case-decision').waitFor()
  t.match(await page.getByTestId('case-decision').innerText(), /Conditions added under Annex 3[\s\S]*SIA door supervisors/, 'the decision shows the added condition')
  t.match(await page.getByTestId('case-decision').innerText(), /appeal to the magistrates' court by/, 'and the appeal deadline')

  // The public register, logged out: the condition is there under Annex 3.
  await page.evaluate(() => localStorage.clear())
  await page.goto(`/register/${premisesId}`)
  await page.getByText(condition).waitFor()
  t.pass('the added condition is on the public register')
})
