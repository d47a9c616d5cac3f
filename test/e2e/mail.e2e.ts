// Journey: a venue manager chooses a daily digest for plans on the email preferences screen
// (on a 320 px phone); an administrator reads the outbox and opens a message with its link; the
// officer it went to stops that topic from the message's unsubscribe link, without logging in.
// Each screen has its own title, no serious accessibility violation and no sideways scrolling.
import t from 'tap'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'
import type { Page } from 'playwright-core'
import { seriousViolations } from './axe.ts'
import { PLAN_TEMPLATES } from '../../shared/plans/templates.ts'

const baseUrl = await appUrl(t)
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
const browser = await launch(t)

t.test('a manager sets email preferences on a narrow phone', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.setViewportSize({ width: 320, height: 720 })
  await loginAs(page, 'manager')
  await page.goto('/account/email')
  await page.getByRole('heading', { name: 'Email preferences' }).waitFor()
  t.equal(await page.title(), 'Email preferences – Nightsafe', 'the page has its own title')
  t.equal(await horizontalOverflow(page), 0, 'nothing scrolls sideways at 320 px')
  t.same(await seriousViolations(page), [], 'no serious or critical accessibility violation')

  await page.getByLabel('No email (I will read them in Nightsafe)').check()
  await page.getByLabel('Noise management plans and dispersal policies').selectOption('digest')
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await page.getByText('Your email preferences are saved.').waitFor()
  await page.reload()
  await page.getByRole('heading', { name: 'Email preferences' }).waitFor()
  // Wait on state: the form shows before the saved preferences have loaded into it.
  await page.getByRole('radio', { name: 'No email (I will read them in Nightsafe)', checked: true }).waitFor()
  t.ok(await page.getByLabel('No email (I will read them in Nightsafe)').isChecked(), 'the general choice is kept')
  t.equal(await page.getByLabel('Noise management plans and dispersal policies').inputValue(), 'digest', 'and the exception for plans')
})

t.test('an administrator reads what Nightsafe would send, with its link', async t => {
  // Something to read: the demo manager submits a noise management plan, which tells the
  // licensing officers by notification and so by email.
  const manager = await openPage(t, browser, baseUrl)
  await loginAs(manager, 'manager')
  const me = await (await manager.request.get('/api/me')).json() as { premisesIds: number[] }
  // A premises that already has a noise plan: the demo keeps the manager's other premises
  // without plans for the plans journey, which starts from the templates.
  let withPlan: number | undefined
  for (const id of me.premisesIds) {
    const plans = await (await manager.request.get(`/api/premises/${id}/plans`)).json() as { documents: { kind: string; latest: unknown }[] }
    if (plans.documents.some(d => d.kind === 'noise_management_plan' && d.latest !== null)) { withPlan = id; break }
  }
  if (withPlan === undefined) throw new Error('the demo manager has no premises with a noise plan')
  const sections = Object.fromEntries(PLAN_TEMPLATES.noise_management_plan.sections.map(s => [s.key, `Outbox journey: ${s.title}.`]))
  // A write on the session cookie carries the header the app adds to its own requests.
  const saved = await manager.request.put(`/api/premises/${withPlan}/noise-plan`, { data: { sections }, headers: { 'x-requested-with': 'Nightsafe' } })
  t.equal(saved.status(), 200, 'the manager submitted a plan')
  const { version } = await saved.json() as { version: number }

  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'admin')
  await page.goto('/admin/mail')
  await page.getByRole('heading', { name: 'Email outbox' }).waitFor()
  t.equal(await page.title(), 'Email outbox – Nightsafe')
  t.ok(await shows(page.getByText(/No SMTP server is set up/)), 'the page says mail is not leaving the machine')
  t.same(await seriousViolations(page), [], 'no serious or critical accessibility violation')

  // Every licensing officer is told; read the message to the first demo officer.
  const subjectPattern = new RegExp(`Noise management plan v${version} submitted for`)
  const message = page.getByRole('row').filter({ hasText: 'officer@example.org' }).getByRole('link', { name: subjectPattern }).first()
  const subject = (await message.textContent())!.trim()
  await message.click()
  await page.getByRole('heading', { name: subject }).waitFor()
  t.equal(await page.title(), `Email: ${subject} – Email message – Nightsafe`, 'the message in front of the screen\'s own title')
  t.match(await page.getByText('officer@example.org').count(), 1, 'addressed to the demo officer')
  t.match(await page.locator('pre.mail-text').textContent(), /http:\/\/localhost:\d+\/plans\/queue/, 'the message text carries its link at APP_URL')
  t.same(await seriousViolations(page), [], 'the message page has no serious violation')
  await page.setViewportSize({ width: 320, height: 720 })
  t.equal(await horizontalOverflow(page), 0, 'nothing scrolls sideways at 320 px')
})

t.test('the officer stops plan emails from the link in one, without logging in, and the preferences show it', async t => {
  // The plan submitted above told the demo officer by email; the administrator's outbox shows the
  // message as sent, with its "Stop …" link.
  const admin = await openPage(t, browser, baseUrl)
  await loginAs(admin, 'admin')
  const outbox = await (await admin.request.get('/api/mail/outbox?limit=200')).json() as { items: { id: number; to: string; subject: string }[] }
  const message = outbox.items.find(m => m.to === 'officer@example.org' && /^Noise management plan v\d+ submitted for/.test(m.subject))
  if (!message) throw new Error('no plan email to the demo officer in the outbox')
  const { text } = await (await admin.request.get(`/api/mail/outbox/${message.id}`)).json() as { text: string }
  const line = text.split('\n').find(l => l.startsWith('Stop emails about noise management plans and dispersal policies: '))
  const link = /https?:\/\/\S+\/unsubscribe\?token=\S+/.exec(line ?? '')?.[0]
  if (!link) throw new Error(`no unsubscribe link in ${text}`)

  const page = await openPage(t, browser, baseUrl)
  await page.setViewportSize({ width: 320, height: 720 })
  await page.goto(new URL(link).pathname + new URL(link).search)
  await page.getByRole('heading', { name: 'Stop these emails' }).waitFor()
  t.equal(await page.title(), 'Stop these emails – Nightsafe', 'the page has its own title')
  t.ok(await shows(page.getByText('Emails about noise management plans and dispersal policies: press the button')), 'it says what it stops')
  t.same(await seriousViolations(page), [], 'no serious or critical accessibility violation')
  t.equal(await horizontalOverflow(page), 0, 'nothing scrolls sideways at 320 px')
  await page.getByRole('button', { name: 'Stop these emails' }).click()
  await page.getByRole('heading', { name: 'Emails stopped' }).waitFor()
  t.equal(await page.title(), 'Emails stopped – Stop these emails – Nightsafe')
  t.ok(await shows(page.getByText('We will not send you emails about noise management plans and dispersal policies any more.')))
  t.same(await seriousViolations(page), [], 'the confirmation has no serious violation')

  const forged = await openPage(t, browser, baseUrl)
  await forged.goto(new URL(link).pathname + new URL(link).search.replace(/.{4}$/, 'AAAA'))
  await forged.getByRole('heading', { name: 'We could not stop these emails' }).waitFor()
  t.ok(await shows(forged.getByText(/This unsubscribe link is not complete or has been changed/)), 'a changed link is refused in words')

  await loginAs(page, 'officer')
  await page.goto('/account/email')
  await page.getByRole('heading', { name: 'Email preferences' }).waitFor()
  const plans = page.getByLabel('Noise management plans and dispersal policies')
  // Wait on state: the form shows before the saved preferences have loaded into it.
  await page.locator('#topic-plans option[value="off"]:checked').waitFor({ state: 'attached' })
  t.equal(await plans.inputValue(), 'off', 'the preferences screen shows plan emails off')
})
