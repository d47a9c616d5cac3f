// Journey: an administrator invites a venue manager by email; the manager opens the link from
// the email, chooses a password and logs in; later they forget it and choose a new one through
// "Forgot your password?". Emails are read from the outbox, as an administrator sees them when
// no SMTP server is set up. Each public screen: axe clean and its own title.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { appUrl, launch, loginAs, openPage } from './harness.ts'
import { seriousViolations } from './axe.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const unique = Date.now().toString(36)
const invitee = { name: `Ines Invited ${unique}`, email: `ines.${unique}@venue.example` }

async function checkScreen (t: Test, page: Page, title: RegExp) {
  t.match(await page.title(), title, 'the screen has its own title')
  t.same(await seriousViolations(page), [], 'axe finds no serious or critical violation')
}

/** The path of the link in the newest email of a kind to the invitee. */
async function emailLink (admin: Page, kind: string, path: string): Promise<string> {
  const outbox = await (await admin.request.get('/api/mail/outbox?limit=200')).json() as { items: { id: number; to: string; kind: string }[] }
  const message = outbox.items.find(m => m.to === invitee.email && m.kind === kind)
  if (!message) throw new Error(`no ${kind} email to ${invitee.email}`)
  const { text } = await (await admin.request.get(`/api/mail/outbox/${message.id}`)).json() as { text: string }
  const url = new RegExp(`https?://\\S+${path}\\?token=\\S+`).exec(text)?.[0]
  if (!url) throw new Error(`no ${path} link in ${text}`)
  return new URL(url).pathname + new URL(url).search
}

t.test('an invited manager chooses a password from the email, and later resets it', async t => {
  const admin = await openPage(t, browser, baseUrl)
  await loginAs(admin, 'admin')
  await admin.goto('/admin/invite')
  await admin.getByRole('heading', { name: 'Invite a user' }).waitFor()
  await admin.getByRole('button', { name: 'Send the invitation' }).click()
  await admin.getByRole('heading', { name: 'There is a problem' }).waitFor()
  t.pass('an empty invitation is refused with the error summary')
  await admin.getByLabel('Email address').fill(invitee.email)
  await admin.getByLabel('Name').fill(invitee.name)
  await admin.getByLabel('Role').selectOption('venue_manager')
  await admin.getByRole('button', { name: 'Send the invitation' }).click()
  await admin.getByRole('status').filter({ hasText: `Invitation sent to ${invitee.email}` }).waitFor()

  const page = await openPage(t, browser, baseUrl)
  await page.goto(await emailLink(admin, 'invitation', '/invitation'))
  await page.getByRole('heading', { name: 'Choose your password' }).waitFor()
  await checkScreen(t, page, /^Choose your password – Nightsafe$/)
  await page.getByLabel('New password').fill('a lantern by the river')
  await page.getByRole('button', { name: 'Set my password' }).click()
  await page.getByRole('heading', { name: 'Password saved' }).waitFor()
  const login = await page.request.post('/api/auth/login', { data: { email: invitee.email, password: 'a lantern by the river' }, headers: { 'x-requested-with': 'nightsafe' } })
  t.equal(login.status(), 200, 'the chosen password logs in')

  await page.goto('/login')
  t.equal(await page.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href'), '/forgot-password', 'the login page offers a reset')
  await page.goto('/forgot-password')
  await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor()
  await checkScreen(t, page, /^Forgot your password\? – Nightsafe$/)
  await page.getByLabel('Email address').fill(invitee.email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  await page.goto(await emailLink(admin, 'password_reset', '/reset-password'))
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
  await page.getByLabel('New password').fill('short')
  await page.getByRole('button', { name: 'Save my new password' }).click()
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
  await page.getByLabel('New password').fill('a quieter street at night')
  await page.getByRole('button', { name: 'Save my new password' }).click()
  await page.getByRole('heading', { name: 'Password saved' }).waitFor()
  const again = await page.request.post('/api/auth/login', { data: { email: invitee.email, password: 'a quieter street at night' }, headers: { 'x-requested-with': 'nightsafe' } })
  t.equal(again.status(), 200, 'the new password logs in')
})
