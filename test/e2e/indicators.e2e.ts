// Journey: the partnership's lead officer opens the indicators from the navigation, goes to the
// night-time economy priority and reads the Friday and Saturday night violence trend against
// last year, month by month in the table the chart is drawn from; Prevent says it has no data.
// An administrator sets a target: a wrong value is refused in words beside the field, with what
// was typed kept, and a number is saved and shown. The police choose a quarter and download the
// Strategy Group's report and its figures. At 320 px, axe clean.
import t from 'tap'
import { readFile } from 'node:fs/promises'
import { extractText } from 'unpdf'
import { appUrl, launch, loginAs, openPage } from './harness.ts'
import { seriousViolations } from './axe.ts'
import { overflow } from './screens.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const monthLabel = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

t.test('the lead officer reads the Friday and Saturday night violence trend against last year', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 320, height: 800 } })
  await loginAs(page, 'officer')
  await page.goto('/today')
  // At 320 px the navigation sits behind the Menu button.
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click()
  await page.waitForURL(url => url.pathname === '/indicators')
  await page.getByRole('heading', { name: 'Safer City Partnership indicators', level: 1 }).waitFor()
  t.equal(await page.title(), 'Safer City Partnership indicators – Nightsafe')

  const nte = page.getByTestId('priority-night-time-economy')
  await nte.getByRole('heading', { name: 'Night-time economy crime and nuisance', level: 2 }).waitFor()
  const card = nte.getByTestId('indicator-nte-violence-weekend-nights')
  await card.getByRole('heading', { name: 'Violence on Friday and Saturday nights' }).waitFor()
  t.match(await card.getByTestId('status-nte-violence-weekend-nights').innerText(), /^(Green|Amber|Red|No figures yet): /, 'a status in words')
  t.match(await card.innerText(), /Green when the last 12 complete months are below the 12 months before/, 'the rule is on the page')
  t.match(await card.innerText(), /Friday or Saturday night between 22:00 and 04:00/, 'and the definition')

  await card.getByText('The figures by month').click()
  const rows = card.getByTestId('table-nte-violence-weekend-nights').locator('tbody tr')
  await rows.first().waitFor()
  t.equal(await rows.count(), 12, 'twelve months')
  const year = new Date().getFullYear()
  const api = await (await page.request.get(`/api/indicators?year=${year}`)).json() as { priorities: { key: string; indicators: { key: string; months: { month: string; value: number | null; lastYear: number | null }[] }[] }[] }
  const months = api.priorities.find(p => p.key === 'night-time-economy')!.indicators.find(i => i.key === 'nte-violence-weekend-nights')!.months
  t.ok(months.some(m => (m.value ?? 0) > 0) && months.some(m => (m.lastYear ?? 0) > 0), 'the demo has weekend-night violence this year and last')
  const shown = await rows.evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('th, td')].map(c => c.textContent?.trim())))
  t.same(shown, months.map(m => [
    `${monthLabel(m.month)}${m.month === new Date().toISOString().slice(0, 7) ? ' (so far)' : ''}`,
    m.value === null ? '–' : m.value.toLocaleString('en-GB'),
    m.lastYear === null ? '–' : m.lastYear.toLocaleString('en-GB')
  ]), 'the table shows each month beside the same month last year')

  t.match(await page.getByTestId('priority-prevent').innerText(), /Nightsafe holds no Prevent data/, 'Prevent says so instead of zeros')
  t.ok((await overflow(page)).px <= 1, 'nothing wider than 320 px')
  t.same(await seriousViolations(page), [], 'axe: no serious or critical violation')
})

t.test('an administrator sets a target; a wrong one is refused beside the field', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 390, height: 800 } })
  await loginAs(page, 'admin')
  await page.goto('/indicators')
  const card = page.getByTestId('indicator-violence-recorded')
  const field = card.getByLabel('Set a target')
  await field.fill('lots')
  await card.getByRole('button', { name: 'Save target' }).click()
  const summary = card.locator('.error-summary')
  await summary.waitFor()
  t.match(await summary.innerText(), /Enter the target as a number/, 'the summary says what to enter')
  t.ok(await summary.evaluate(el => el === document.activeElement), 'focus moves to the summary')
  t.match(await card.locator('.field-error').innerText(), /Enter the target as a number/, 'and the message sits beside the field')
  t.equal(await field.inputValue(), 'lots', 'what was typed is kept')

  await field.fill('500')
  await card.getByRole('button', { name: 'Save target' }).click()
  await card.getByRole('status').filter({ hasText: 'Target saved.' }).waitFor()
  t.match(await card.innerText(), /Target\s+500/, 'the target is shown')
  t.match(await card.innerText(), /the target of 500 a year/, 'and the rule now uses it')
  await card.getByRole('button', { name: 'Remove target' }).click()
  await card.getByRole('status').filter({ hasText: 'Target removed.' }).waitFor()
  t.match(await card.innerText(), /Target\s+None set/)
  t.same(await seriousViolations(page), [], 'axe: no serious or critical violation')
})

t.test('the police download a quarter\'s report for the Strategy Group and its figures', async t => {
  const page = await openPage(t, browser, baseUrl, { viewport: { width: 320, height: 800 } })
  await loginAs(page, 'police')
  await page.goto('/indicators')
  const form = page.getByRole('form', { name: 'Quarterly report to the Strategy Group' })
  const year = new Date().getFullYear()
  await form.getByLabel('Quarter').selectOption({ label: `Quarter 1: January to March ${year}` })
  const [pdf] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download the report (PDF)' }).click()])
  t.equal(pdf.suggestedFilename(), `nightsafe-strategy-group-${year}-q1.pdf`)
  const { text } = await extractText(new Uint8Array(await readFile((await pdf.path())!)), { mergePages: true })
  t.match(text.replace(/\s+/g, ' '), `Quarter 1 of ${year}: January to March ${year}`, 'the PDF names the quarter chosen')
  const [csv] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download its figures (CSV)' }).click()])
  t.equal(csv.suggestedFilename(), `nightsafe-strategy-group-${year}-q1.csv`)
  t.match(await readFile((await csv.path())!, 'utf8'), /^priority,indicator_key,indicator,unit,period,/)
  t.ok((await overflow(page)).px <= 1, 'nothing wider than 320 px')
  t.same(await seriousViolations(page), [], 'axe: no serious or critical violation')
})
