// Journey: the venue manager writes a noise management plan and a dispersal policy from the
// templates and submits a licence application; the officer returns the dispersal policy with a
// comment; the manager fixes it; the officer approves both. Uses the demo manager's premises
// that has no plans yet (the plans demo data leaves one).
import t from 'tap'
import type { Page } from 'playwright-core'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'
import { PLAN_TEMPLATES, type PlanKind } from '../../shared/plans/templates.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const unique = `Journey ${Date.now().toString(36)}`

async function premisesWithoutPlans (page: Page): Promise<number> {
  const me = await (await page.request.get('/api/me')).json() as { premisesIds: number[] }
  for (const id of me.premisesIds) {
    const plans = await (await page.request.get(`/api/premises/${id}/plans`)).json() as { documents: { latest: unknown }[] }
    if (plans.documents.every(d => d.latest === null)) return id
  }
  throw new Error('the demo manager has no premises without plans')
}

async function fillSections (page: Page, kind: PlanKind, skip: string[] = []) {
  for (const section of PLAN_TEMPLATES[kind].sections) {
    if (skip.includes(section.key)) continue
    await page.getByLabel(`${section.title} (required)`, { exact: true }).fill(`${unique}: ${section.title} for our venue.`)
  }
}

const card = (page: Page, kind: PlanKind) => page.locator(`article[data-kind="${kind}"]`)

t.test('manager and officer take both plans through review and a licence application', async t => {
  const manager = await openPage(t, browser, baseUrl)
  await loginAs(manager, 'manager')
  const premisesId = await premisesWithoutPlans(manager)

  await t.test('the manager writes the noise management plan from the template, with a draft first', async t => {
    await manager.goto(`/premises/${premisesId}`)
    await manager.getByRole('tab', { name: 'Plans and applications' }).click()
    await manager.getByRole('button', { name: 'Write noise management plan from the template' }).click()
    const guidance = PLAN_TEMPLATES.noise_management_plan.sections[0].guidance
    t.ok(await shows(manager.getByText(guidance)), 'guidance is shown for each section')
    await fillSections(manager, 'noise_management_plan', ['monitoring', 'complaints', 'staff_training', 'review'])
    await manager.getByRole('button', { name: 'Submit for review' }).click()
    await manager.getByText('Monitoring is required before submitting.').waitFor()
    t.pass('missing sections are named beside the section')
    await manager.getByRole('button', { name: 'Save draft' }).click()
    await manager.getByText('Draft saved as version 1.').waitFor()
    await manager.getByRole('button', { name: 'Edit noise management plan' }).click()
    t.match(await manager.getByLabel('Premises and context (required)').inputValue(), new RegExp(unique), 'editing continues from the draft')
    await fillSections(manager, 'noise_management_plan')
    await manager.getByLabel('Noise limiter setting').fill('85 dB(A) at the mixing desk')
    await manager.getByRole('button', { name: 'Submit for review' }).click()
    await manager.getByText('Version 2 submitted for review.').waitFor()
  })

  await t.test('the manager writes the dispersal policy and submits a licence application', async t => {
    await manager.getByRole('button', { name: 'Write dispersal policy from the template' }).click()
    await fillSections(manager, 'dispersal_policy')
    await manager.getByRole('button', { name: 'Submit for review' }).click()
    await manager.getByText('Version 1 submitted for review.').waitFor()

    await manager.getByRole('button', { name: 'New licence application' }).click()
    await manager.getByLabel('Variation of a licence').check()
    await manager.getByLabel('Applicant').fill(`${unique} Taverns Ltd`)
    await manager.getByLabel('Activity 1').fill('Sale of alcohol (on the premises)')
    await manager.getByLabel('Days and hours 1').fill('Fri–Sat 11:00–01:00')
    await manager.getByLabel('The prevention of crime and disorder').fill('CCTV at every entrance.')
    await manager.getByLabel('Public safety', { exact: true }).fill('Door count against capacity.')
    await manager.getByLabel('The prevention of public nuisance').fill('Noise plan and dispersal policy.')
    await manager.getByLabel('The protection of children from harm').fill('Challenge 25.')
    await manager.getByLabel('Consultation start date').fill('2026-03-02')
    t.match(await manager.getByTestId('representation-end').innerText(), /30 Mar 2026/, 'the 28-day representation period is shown')
    await manager.getByRole('button', { name: 'Submit application' }).click()
    await manager.getByText(/Application #\d+ submitted with noise management plan v2 and dispersal policy v1\./).waitFor()
    t.ok(await shows(manager.getByRole('table').getByText('Variation #').first()), 'the application is listed')
  })

  const officer = await openPage(t, browser, baseUrl)
  await loginAs(officer, 'officer')

  await t.test('the officer finds the plans in the queue and returns the dispersal policy with a comment', async t => {
    await officer.goto('/plans/queue')
    const row = officer.getByRole('row').filter({ hasText: 'Dispersal policy v1' }).filter({ has: officer.locator(`a[href="/plans/premises/${premisesId}"]`) })
    await row.first().waitFor()
    await row.first().getByRole('link', { name: 'Dispersal policy v1' }).click()
    await card(officer, 'dispersal_policy').getByRole('button', { name: 'Return dispersal policy with comments' }).click()
    await officer.getByLabel('Comment on Transport').fill('Name the licensed taxi operator you use.')
    await officer.getByRole('button', { name: 'Return to the venue' }).click()
    await officer.getByText('Review recorded.').waitFor()
    t.match(await card(officer, 'dispersal_policy').innerText(), /Returned for changes/)
  })

  await t.test('the manager sees the comment and submits a fixed version', async t => {
    await manager.goto(`/premises/${premisesId}`)
    await manager.getByRole('tab', { name: 'Plans and applications' }).click()
    t.match(await card(manager, 'dispersal_policy').innerText(), /Name the licensed taxi operator/, 'the comment shows on the tab')
    await manager.getByRole('button', { name: 'Edit dispersal policy' }).click()
    t.ok(await shows(manager.getByText('Name the licensed taxi operator you use.')), 'and beside the section in the editor')
    await manager.getByLabel('Transport (required)').fill(`${unique}: we book City Cars Ltd on 020 7946 0000; customers wait in the lobby.`)
    await manager.getByLabel('Licensed taxi or private hire operator').fill('City Cars Ltd')
    await manager.getByRole('button', { name: 'Submit for review' }).click()
    await manager.getByText('Version 2 submitted for review.').waitFor()
  })

  await t.test('the officer approves both documents and sees what changed', async t => {
    await officer.goto(`/plans/premises/${premisesId}`)
    await card(officer, 'noise_management_plan').getByRole('button', { name: 'Approve noise management plan' }).click()
    await officer.getByText('Review recorded.').waitFor()
    await card(officer, 'dispersal_policy').getByRole('button', { name: 'Approve dispersal policy' }).click()
    // Wait for the re-rendered card (version 2 was already current while waiting for review).
    await officer.getByText('Review recorded.').waitFor()
    await card(officer, 'dispersal_policy').getByText(/Current: version 2 Approved/).waitFor({ timeout: 10000 }).catch(() => {})
    t.match(await card(officer, 'noise_management_plan').innerText(), /Current: version 2 Approved/)
    t.match(await card(officer, 'dispersal_policy').innerText(), /Current: version 2 Approved/)

    await card(officer, 'dispersal_policy').getByRole('link', { name: 'Version history' }).click()
    await officer.getByRole('heading', { name: /Changes in version 2 since version 1/ }).waitFor()
    t.ok(await shows(officer.locator('.diff ins', { hasText: 'City Cars' }).first()), 'the new words are highlighted')
    await officer.getByRole('link', { name: 'Printable view' }).first().click()
    await officer.getByRole('heading', { name: 'Dispersal policy' }).waitFor()
    t.match(await officer.locator('.print-doc').innerText(), /Transport/)
  })

  await t.test('the officer sees premises with plans overdue for review on the map', async t => {
    await officer.goto('/map')
    await officer.locator('path.plan-overdue-marker').first().waitFor({ timeout: 10000 })
    t.ok(await officer.locator('path.plan-overdue-marker').count() > 0, 'overdue premises are drawn')
  })
})
