// Journey: an officer searches the register for "Arms", opens a venue, edits its capacity and
// sees it saved; then a visitor who is not logged in finds the venue in the public register.
import t from 'tap'
import { appUrl, launch, loginAs, openPage, shows } from './harness.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const capacity = String(300 + Math.floor(Math.random() * 600))

t.test('an officer searches, opens a venue, edits its capacity and sees it saved', async t => {
  const page = await openPage(t, browser, baseUrl)
  await loginAs(page, 'officer')
  await page.getByRole('link', { name: 'Premises', exact: true }).click()
  await page.getByRole('heading', { name: 'Premises register' }).waitFor()
  await page.getByLabel('Search premises').fill('Arms')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByText(/premises matching “Arms”/).waitFor()
  const rows = await page.locator('table.table tbody tr').count()
  t.ok(rows >= 2 && rows < 20, `the search finds the "Arms" pubs (${rows})`)
  await page.getByRole('link', { name: 'The Kings Arms' }).click()
  await page.getByRole('heading', { name: /The Kings Arms/ }).waitFor()
  t.ok(await shows(page.getByRole('heading', { name: 'Conditions', exact: true })), 'the licence conditions are shown')
  await page.getByRole('tab', { name: 'Edit' }).click()
  await page.getByLabel('Capacity').fill(capacity)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByText('Saved.').waitFor()
  await page.getByRole('tab', { name: 'Licence' }).click()
  t.equal(await page.getByTestId('capacity').innerText(), capacity, 'the new capacity is shown')
  await page.reload()
  await page.getByTestId('capacity').waitFor()
  t.equal(await page.getByTestId('capacity').innerText(), capacity, 'and it is still there after a reload')
  t.ok(await shows(page.getByRole('link', { name: 'Audit', exact: true })), 'the page links to its audit trail')
})

t.test('a visitor who is not logged in finds the venue in the public register', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.goto('/')
  await page.getByRole('link', { name: 'Public register', exact: true }).click()
  await page.getByRole('heading', { name: /Public register/ }).waitFor()
  await page.getByLabel('Search the register').fill('Kings Arms')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: 'The Kings Arms' }).click()
  await page.getByRole('heading', { name: 'The Kings Arms' }).waitFor()
  t.equal(await page.getByTestId('capacity').innerText(), capacity, 'the public register is live')
  t.ok(await shows(page.getByRole('heading', { name: /Annex 1/ })), 'conditions are public')
  t.notOk(await page.getByText('Managers').isVisible(), 'no manager accounts in the public register')
})

t.test('the public register offers its open-data files, and they download without a login', async t => {
  const page = await openPage(t, browser, baseUrl)
  await page.goto('/register')
  await page.getByRole('heading', { name: 'Download the register (CSV, JSON)' }).waitFor()
  t.ok(await shows(page.getByRole('link', { name: 'Open Government Licence v3.0' })), 'the licence is named and linked')
  for (const title of ['licensed premises', 'applications and reviews', 'upcoming temporary event notices']) {
    t.ok(await shows(page.getByRole('link', { name: `CSV of ${title}` })), `a CSV of ${title}`)
    t.ok(await shows(page.getByRole('link', { name: `JSON of ${title}` })), `a JSON of ${title}`)
  }
  const href = await page.getByRole('link', { name: 'CSV of licensed premises' }).getAttribute('href')
  const res = await page.request.get(new URL(href!, baseUrl).toString())
  t.equal(res.status(), 200)
  t.match(res.headers()['content-disposition'], /^attachment; filename="register-premises-\d{4}-\d{2}-\d{2}\.csv"$/)
  t.match(await res.text(), /The Kings Arms/, 'the file holds the live register')
})
