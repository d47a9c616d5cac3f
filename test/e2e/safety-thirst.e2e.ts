// Journey: the venue manager drafts, saves part-way, completes and submits a Safety Thirst
// self-assessment; the officer assesses every criterion; the admin moderates; the officer decides;
// the decision shows the tier the rules give; the certificate opens; the dashboard counts it.
import t from 'tap'
import { appUrl, launch, loginAs, openPage } from './harness.ts'
import { localYear } from '../../shared/dates.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)

const accreditedCount = async (page: import('playwright-core').Page) => {
  await page.goto('/safety-thirst')
  const text = await page.getByTestId('st-accredited').innerText()
  return Number(/(\d+)\s+accredited/.exec(text)![1])
}

t.test('Safety Thirst from self-assessment to certificate', async t => {
  const officer = await openPage(t, browser, baseUrl)
  await loginAs(officer, 'officer')
  const before = await accreditedCount(officer)

  // The venue manager opens this year's draft (or starts one) and answers the first category.
  const manager = await openPage(t, browser, baseUrl)
  await loginAs(manager, 'manager')
  await manager.goto('/safety-thirst')
  await manager.getByRole('heading', { name: 'Your applications' }).waitFor()
  // This year as the app counts it: its own time zone (TZ_LOCAL), not the test machine's.
  const { tzLocal } = await (await manager.request.get('/api/public/settings')).json()
  const year = localYear(new Date(), tzLocal)
  const draftLink = manager.locator('table tr', { hasText: 'Draft' }).filter({ hasText: String(year) }).getByRole('link').first()
  if (await draftLink.count()) await draftLink.click()
  else await manager.getByRole('button', { name: /Start the \d+ self-assessment/ }).first().click()
  await manager.waitForURL(/\/safety-thirst\/applications\/\d+$/)
  const applicationUrl = new URL(manager.url()).pathname
  await manager.getByRole('heading', { name: 'Self-assessment' }).waitFor()

  const answerVisible = async () => {
    for (const radio of await manager.locator('.st-criterion input[value="yes"]').all()) await radio.check()
  }
  await answerVisible()
  await manager.locator('.st-criterion textarea').first().fill('Reviewed in writing every March and September.')
  await manager.getByRole('button', { name: 'Save', exact: true }).click()
  await manager.getByText(/Saved: \d+ of 35 answered/).waitFor()
  t.ok(await manager.getByRole('button', { name: 'Submit self-assessment' }).isDisabled(), 'submit waits until every criterion is answered')

  // Saved part-way: a reload keeps the answers.
  await manager.reload()
  await manager.getByRole('heading', { name: 'Self-assessment' }).waitFor()
  const progressText = await manager.locator('#st-progress-text').innerText()
  t.notMatch(progressText, /^0 of/, `answers survive a reload (${progressText})`)

  // Complete every category, then submit.
  while (await manager.getByRole('button', { name: 'Save and next' }).count()) {
    await answerVisible()
    const step = await manager.locator('#st-step').innerText()
    await manager.getByRole('button', { name: 'Save and next' }).click()
    await manager.waitForFunction(previous => document.querySelector('#st-step')?.textContent !== previous, step)
  }
  await answerVisible()
  await manager.getByRole('button', { name: 'Submit self-assessment' }).click()
  await manager.locator('.page-head .pill.submitted').waitFor()
  t.pass('the manager submitted the self-assessment')

  // The officer assesses every criterion beside the venue's answers: every bonus but one not met gives Commended.
  await officer.goto(applicationUrl)
  await officer.getByRole('heading', { name: 'Officer assessment' }).waitFor()
  await officer.getByRole('heading', { name: 'Incidents and flags at this venue' }).waitFor()
  t.match(await officer.locator('.st-assess-row .venue').first().innerText(), /Venue: Yes/, 'the venue\'s answer is beside the criterion')
  await officer.getByLabel('Site visit date').fill(`${year}-05-14`)
  await officer.getByLabel('Assessors (comma-separated)').fill('Olu Officer, PC Priya Patel')
  await officer.getByLabel('Agencies consulted (comma-separated)').fill('City of London Police, London Fire Brigade')
  const rows = await officer.locator('.st-assess-row').evaluateAll(els => els.map(el => ({ code: (el as HTMLElement).dataset.code!, level: el.querySelector('.st-level')!.textContent! })))
  t.equal(rows.length, 35, 'every criterion is listed')
  let bonusKept = false
  for (const row of rows) {
    let result = 'met'
    if (row.level === 'Bonus') { result = bonusKept ? 'not_met' : 'met'; bonusKept = true }
    if (row.code === 'CD6') result = 'partly'
    await officer.locator(`.st-assess-row[data-code="${row.code}"] input[value="${result}"]`).check()
  }
  t.match(await officer.getByTestId('st-preview').innerText(), /^Commended$/, 'the preview applies the rules')
  await officer.getByRole('button', { name: 'Save assessment' }).click()
  await officer.getByText('Assessment saved (35 of 35 criteria).').waitFor()

  // A different officer (the admin) moderates.
  const admin = await openPage(t, browser, baseUrl)
  await loginAs(admin, 'admin')
  await admin.goto(applicationUrl)
  await admin.getByRole('heading', { name: 'Moderation' }).waitFor()
  await admin.getByLabel('Moderation note').fill('Agreed with the assessor.')
  await admin.getByRole('button', { name: 'Confirm the assessment' }).click()
  await admin.getByText(/Moderated by .* results confirmed/).waitFor()

  // The officer decides; the tier is the one the rules give.
  await officer.goto(applicationUrl)
  await officer.getByRole('button', { name: 'Record the decision' }).click()
  await officer.getByTestId('st-tier').waitFor()
  t.equal(await officer.getByTestId('st-tier').innerText(), 'Commended')
  t.match(await officer.locator('.st-reasons').innerText(), /1 Bonus criteria met; Highly Commended needs 2/)

  // The certificate opens as a printable page.
  const [certificate] = await Promise.all([officer.context().waitForEvent('page'), officer.getByRole('link', { name: 'Open the printable certificate' }).click()])
  await certificate.waitForLoadState()
  const certText = await certificate.locator('body').innerText()
  t.match(certText, /Certificate of Accreditation/)
  t.match(certText, /Commended/)
  t.match(certText, new RegExp(`31 December ${year}`))
  t.match(certText, /ST-\d{4}-\d{5}/)
  await certificate.emulateMedia({ media: 'print' })
  t.notOk(await certificate.locator('.hint').isVisible(), 'print styles hide the on-screen hint')

  // The dashboard counts it.
  const after = await accreditedCount(officer)
  t.ok(after >= before + 1, `accredited count went from ${before} to ${after}`)
})
