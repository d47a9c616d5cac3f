// Journey: the police account records an incident on the map at a venue; the venue manager logs
// one in its incident book, and changes and deletes a mistaken one; both appear in the incident list and on the premises page. An
// officer imports police.uk files on the import screen.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { appUrl, DEMO_EMAILS, DEMO_PASSWORD, launch, loginAs, openPage, shows } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const stamp = Date.now().toString(36)
const policeText = `E2E police record ${stamp}`
const venueText = `E2E incident book ${stamp}`

const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO_EMAILS.manager, password: DEMO_PASSWORD }) })
const premisesId: number = (await login.json()).user.premisesIds[0]
const premisesName: string = (await (await fetch(`${baseUrl}/api/public/premises/${premisesId}`)).json()).name

t.test('police record an incident on the map', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'police')
  await page.goto('/incidents/new')
  await page.getByRole('button', { name: 'Record incident' }).click()
  const summary = page.getByTestId('error-summary')
  await summary.getByText('Choose the category of what happened').waitFor()
  t.ok(await shows(summary.getByText(/Click the map to mark where it happened/)), 'no category or place is chosen for the officer')
  await page.getByLabel('Category').selectOption('violent-crime')
  const map = page.getByTestId('map')
  // Wait on state: Leaflet has drawn into the frame, then click until the form says the point is
  // set (a click that lands before the picker listens is simply repeated).
  await page.locator('.leaflet-container').first().waitFor()
  const pointSet = page.getByText(/Point set:/)
  for (let attempt = 0; attempt < 10 && !(await pointSet.isVisible()); attempt++) {
    await map.click({ position: { x: 200, y: 150 } })
    await pointSet.waitFor({ timeout: 2000 }).catch(() => {})
  }
  await pointSet.waitFor()
  // The premises by name, in lower case with "&" written "and": the register's search folds both.
  await page.getByLabel('Premises (if it happened at a venue)').fill(premisesName.toLowerCase().replace(/&/g, 'and'))
  await page.getByRole('list', { name: 'Matching premises' }).getByRole('button', { name: new RegExp(`^${premisesName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click()
  await page.getByText(`Chosen: ${premisesName}`).waitFor()
  await page.getByLabel('Description', { exact: true }).fill(policeText)
  await page.getByLabel('Police-only notes').fill(`secret ${stamp}`)
  await page.getByRole('button', { name: 'Record incident' }).click()
  await page.getByText(/Incident \d+ recorded/).waitFor()
  t.pass('recorded')
  await page.goto(`/incidents?premisesId=${premisesId}`)
  await page.getByText(policeText).waitFor()
  t.ok(await shows(page.getByText(`Police only: secret ${stamp}`)), 'police see their police-only notes in the list')
})

t.test('the venue manager logs an incident in the incident book', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'manager')
  await page.goto('/incident-book')
  await page.getByRole('heading', { name: 'Incident book' }).waitFor()
  await page.getByLabel('What happened').selectOption('ejection')
  await page.getByLabel('Description').fill(venueText)
  await page.getByRole('button', { name: 'Log incident' }).click()
  await page.getByText('Logged in the incident book.').waitFor()
  await page.getByText(venueText).waitFor()
  t.ok(await shows(page.getByText(policeText)), 'the police record at the venue is in the manager\'s list')
  t.equal(await page.getByText(`secret ${stamp}`).count(), 0, 'without its police-only notes')
})

t.test('both appear in the list and on the premises page', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'officer')
  await page.goto(`/incidents?premisesId=${premisesId}`)
  await page.getByText(venueText).waitFor()
  t.ok(await shows(page.getByText(policeText)), 'both in the incident list')
  await page.goto('/incidents')
  await page.getByLabel('Premises', { exact: true }).fill(premisesName.slice(0, 12))
  await page.getByRole('list', { name: 'Matching premises' }).getByRole('button', { name: new RegExp(`^${premisesName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click()
  await page.getByText(venueText).waitFor()
  t.ok(await shows(page.getByText(`Chosen: ${premisesName}`)), 'the list is filtered by a premises chosen by name')
  await page.goto(`/premises/${premisesId}`)
  await page.getByRole('tab', { name: 'Incidents' }).click()
  const linked = page.getByTestId('incidents-linked')
  await linked.getByText(venueText).waitFor()
  t.ok(await shows(linked.getByText(policeText)), 'both on the premises page, as linked incidents')
  // The chart loads its own data after the lists: wait for it to be drawn, then check it.
  await page.getByTestId('trend-chart').locator('canvas').first().waitFor({ timeout: 15000 })
  t.ok(await shows(page.getByTestId('trend-chart')), 'the venue trend chart is drawn')
})

t.test('the venue manager changes, then deletes, an entry made in error while its window is open', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'manager')
  await page.goto('/incident-book')
  const mistake = `E2E mistaken entry ${stamp}`
  await page.getByLabel('What happened').selectOption('noise')
  await page.getByLabel('Description').fill(mistake)
  await page.getByRole('button', { name: 'Log incident' }).click()
  const row = page.getByRole('row').filter({ hasText: mistake })
  await row.waitFor()
  t.ok(await shows(row.getByText(/^You can change or delete it until /)), 'the row says until when it can be changed')
  await row.getByRole('button', { name: /^Change/ }).click()
  await page.getByRole('heading', { name: 'Change an entry' }).waitFor()
  t.equal(await page.getByLabel('Description').inputValue(), mistake, 'the form holds the entry')
  await page.getByLabel('Description').fill(`${mistake} (corrected)`)
  await page.getByRole('button', { name: 'Save changes' }).click()
  const corrected = page.getByRole('row').filter({ hasText: `${mistake} (corrected)` })
  await corrected.waitFor()
  await corrected.getByRole('button', { name: /^Delete/ }).click()
  const panel = page.getByTestId('delete-incident')
  await panel.getByRole('heading', { name: 'Delete this incident?' }).waitFor()
  t.equal(await page.evaluate(() => document.activeElement?.id), 'delete-title', 'focus moves to the question')
  await panel.getByRole('button', { name: 'Yes, delete it' }).click()
  await page.getByText('Incident deleted.').waitFor()
  await corrected.waitFor({ state: 'detached' })
  t.equal(await page.getByText(mistake).count(), 0, 'the entry is gone from the book')
  t.ok(await shows(page.getByText(venueText)), 'the other entry stays')
  const policeRow = page.getByRole('row').filter({ hasText: policeText })
  t.equal(await policeRow.getByRole('button').count(), 0, 'the police record offers the manager no change or delete')
})

t.test('an officer imports police.uk files on the import screen: a month is stored, a truncated file is refused with its line', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'officer')
  await page.goto('/incidents/import')
  // Three real rows moved to 2016-01, a month the demo data does not have, so the journeys after this one see nothing new.
  const [header, ...rows] = readFileSync(join(import.meta.dirname, '../../demo/police-uk/2017-01-city-of-london-street.csv'), 'utf8').split(/\r?\n/)
  const month = [header, ...rows.slice(0, 3).map(r => r.replace(',2017-01,', ',2016-01,')), ''].join('\n')
  const truncated = [header, rows[0], rows[1]!.slice(0, 40), ''].join('\n')
  await page.getByLabel('Street CSV files').setInputFiles([
    { name: `2016-01-e2e-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(month) },
    { name: `truncated-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(truncated) }
  ])
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByText('line 3: expected 12 columns (a truncated or malformed line)').waitFor()
  t.match(await page.getByTestId('import-summary').textContent(), /^3 rows: 3 imported, 0 updated, 0 unchanged, 0 rejected\./, 'the month is stored and summarised')
  await page.getByRole('cell', { name: `2016-01-e2e-${stamp}.csv` }).waitFor()
  t.pass('the import is listed under Recent imports')
})
