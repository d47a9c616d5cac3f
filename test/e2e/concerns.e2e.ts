// Journey: a resident on a phone reports music from a venue at 01:00 (a pin from the phone's
// location), confirms by the link in the email, and later reads the officer's update from the
// link in the next email; an officer triages the concern to the venue and writes that update;
// the venue's manager sees the concern on its plans page without the resident's details. Each
// public screen: phone-sized, axe clean, its own title. Emails are read from the outbox, as an
// administrator sees what Nightsafe sends when no SMTP server is set up.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'
import { seriousViolations } from './axe.ts'
import { addDays, localDate } from '../../shared/dates.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const unique = Date.now().toString(36)
const resident = { name: `Rhiannon Nightowl ${unique}`, email: `rhiannon.${unique}@resident.example` }
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

async function checkScreen (t: Test, page: Page, title: RegExp) {
  t.match(await page.title(), title, 'the screen has its own title')
  t.same(await seriousViolations(page), [], 'axe finds no serious or critical violation')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  t.ok(overflow <= 1, `nothing wider than the screen (${overflow}px over)`)
}

/** The link of the newest email of a kind to the resident, as a path in the app. */
async function emailLink (admin: Page, kind: string): Promise<string> {
  const outbox = await (await admin.request.get('/api/mail/outbox?limit=200')).json() as { items: { id: number; to: string; kind: string }[] }
  const message = outbox.items.find(m => m.to === resident.email && m.kind === kind)
  if (!message) throw new Error(`no ${kind} email to ${resident.email}`)
  const { text } = await (await admin.request.get(`/api/mail/outbox/${message.id}`)).json() as { text: string }
  const url = /https?:\/\/\S+/.exec(text.split('\n').find(line => line.includes('/concerns/')) ?? '')?.[0]
  if (!url) throw new Error(`no link in ${text}`)
  return new URL(url).pathname + new URL(url).search
}

t.test('a resident reports music at 01:00, an officer triages it, the venue sees it without the resident', async t => {
  const manager = await openPage(t, browser, baseUrl)
  await loginAs(manager, 'manager')
  const { premisesIds } = await (await manager.request.get('/api/me')).json() as { premisesIds: number[] }
  const venue = await (await manager.request.get(`/api/public/premises/${premisesIds[0]}`)).json() as { id: number; name: string; location: { lat: number; lng: number } }
  const admin = await openPage(t, browser, baseUrl)
  await loginAs(admin, 'admin')
  const residentPage = await openPage(t, browser, baseUrl, {
    ...phone, geolocation: { latitude: venue.location.lat, longitude: venue.location.lng, accuracy: 20 }, permissions: ['geolocation']
  })
  const page = residentPage
  let reference = ''

  await t.test('the resident reports music from the venue at 01:00 on a phone', async t => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Report a concern' }).first().click()
    await page.getByRole('heading', { name: 'What is the problem?' }).waitFor()
    await checkScreen(t, page, /^What is the problem\? – Report a concern – Nightsafe$/)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    t.ok(await shows(page.getByRole('link', { name: 'Choose what the concern is about' })), 'a missing answer is summarised at the top, linked to its field')
    await page.getByLabel('Noise: music').check()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { name: 'Where does it happen?' }).waitFor()
    await page.getByLabel('I will show you on a map').check()
    await page.getByRole('button', { name: 'Use my location' }).click()
    await page.getByText(/Pin placed at your location \(within about 20 metres\)/).waitFor()
    await page.getByLabel('Exactly here').check()
    await checkScreen(t, page, /^Where\? – Report a concern – Nightsafe$/)
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { name: 'When does it happen?' }).waitFor()
    await page.getByLabel('It happened at a date and time').check()
    await page.getByLabel('Date', { exact: true }).fill(addDays(localDate(new Date(), 'Europe/London'), -1))
    await page.getByLabel('Time', { exact: true }).fill('01:00')
    await checkScreen(t, page, /^When\? – Report a concern – Nightsafe$/)
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByLabel('What did you hear or see?').fill(`Loud music with heavy bass from the venue across the road at 1am, windows open (${unique}).`)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByLabel('Your name (optional)').fill(resident.name)
    await page.getByLabel('Email address').fill(resident.email)
    await checkScreen(t, page, /^Your details – Report a concern – Nightsafe$/)
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { name: 'Check your answers' }).waitFor()
    t.ok(await shows(page.getByText('Noise: music')), 'the answers are shown to check')
    await page.reload()
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor()
    t.ok(await shows(page.getByText(resident.email)), 'a reload keeps every answer')
    await checkScreen(t, page, /^Check your answers – Report a concern – Nightsafe$/)
    await page.getByRole('button', { name: 'Send my report' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    reference = (await page.locator('.panel-confirmation strong').textContent())!.trim()
    t.match(reference, /^NS-[A-Z0-9]{6}$/, 'a reference is given')
    await checkScreen(t, page, /^Check your email – Report a concern – Nightsafe$/)
  })

  await t.test('the resident confirms the report by the link in the email', async t => {
    await page.goto(await emailLink(admin, 'concern_confirmation'))
    await page.getByRole('button', { name: 'Confirm my report' }).click()
    await page.getByRole('heading', { name: 'Report confirmed' }).waitFor()
    t.ok(await shows(page.getByText(reference)))
    await checkScreen(t, page, /^Report confirmed – Confirm your report – Nightsafe$/)
  })

  await t.test('an officer triages it to the venue and writes an update', async t => {
    const officer = await openPage(t, browser, baseUrl)
    await loginAs(officer, 'officer')
    await officer.goto('/concerns')
    await officer.getByRole('link', { name: reference }).click()
    await officer.getByRole('heading', { name: `Concern ${reference}: Noise: music` }).waitFor()
    t.ok(await shows(officer.getByText(resident.email)), 'the officer sees who reported it')
    t.ok(await shows(officer.getByRole('button', { name: /^Attach to / }).first()), 'venues are suggested from the pin and the time')
    await officer.getByLabel('Find another premises').fill(venue.name)
    await officer.getByRole('button', { name: 'Find' }).click()
    await officer.getByRole('button', { name: new RegExp(`^Attach to ${venue.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).last().click()
    await officer.getByRole('status').filter({ hasText: `Attached to ${venue.name}.` }).waitFor()
    await officer.getByLabel('Status').selectOption('investigating')
    await officer.getByLabel('Substantiated?').selectOption('true')
    await officer.getByLabel(/Message to the reporter/).fill('Thank you. An officer heard the music on Saturday and will visit the venue this week.')
    await officer.getByRole('button', { name: 'Save update' }).click()
    await officer.getByRole('status').filter({ hasText: 'Update saved and emailed to the reporter.' }).waitFor()
    t.pass('the update is saved and emailed')
  })

  await t.test('the resident reads the officer\'s update from the link in the email', async t => {
    await page.goto(await emailLink(admin, 'concern_update'))
    await page.getByRole('heading', { name: `Your report ${reference}` }).waitFor()
    await page.getByRole('heading', { name: 'Updates' }).waitFor()
    t.ok(await shows(page.getByText('An officer heard the music on Saturday')), 'the update is on the case page')
    t.ok(await shows(page.getByText('Being investigated').first()), 'with the status')
    await checkScreen(t, page, new RegExp(`^${reference} – Your report – Nightsafe$`))
  })

  await t.test('the venue manager sees the concern on the noise plan page, without the resident', async t => {
    await manager.goto(`/plans/premises/${venue.id}`)
    await manager.getByRole('heading', { name: "Residents' concerns" }).waitFor()
    await manager.getByRole('cell', { name: reference }).waitFor()
    const text = await manager.locator('main').textContent()
    t.notMatch(text, resident.name, 'no resident name')
    t.notMatch(text, resident.email, 'no resident email')
    t.notMatch(text, 'windows open', 'not the resident\'s words')
    t.match(text, /Noise management plan/, 'it counts against the noise management plan')
  })
})
