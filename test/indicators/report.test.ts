// The quarterly report to the Strategy Group (GET /api/indicators/report.pdf and report.csv):
// the PDF's text names the quarter, each priority and indicator and carries the sentence of
// commentary written from a few records placed here by hand; the quarter in progress is "so
// far"; a quarter not started, or no quarter, is refused in words; who may have it.
import t from 'tap'
import { extractText } from 'unpdf'
import { build, login } from '../helper.ts'
import { createIncident } from '../fixtures/incidents.ts'
import { createPremises } from '../fixtures/premises.ts'

const app = await build(t, { config: { now: () => new Date('2025-07-15T12:00:00Z') } })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const venue = await createPremises(app.db, { name: 'The Quarter Arms' })
const manager = await login(app, 'manager', { premisesIds: [venue.id] })

// Violence by the police on Friday nights at 23:30 London time: three in April to June 2025,
// four in April to June 2024, one so far in July 2025 and none in July 2024.
const fridays = ['2025-04-04', '2025-05-09', '2025-06-13', '2024-04-05', '2024-05-10', '2024-06-14', '2024-06-21', '2025-07-11']
for (const day of fridays) await createIncident(app.db, { occurredAt: new Date(`${day}T22:30:00Z`) })

async function pdfText (url: string) {
  const res = await app.inject({ url, headers: officer.headers })
  t.equal(res.statusCode, 200, url)
  t.equal(res.headers['content-type'], 'application/pdf')
  const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true })
  // Lines are wrapped at spaces: read the text as one run of words.
  return text.replace(/\s+/g, ' ')
}

t.test('the PDF names the quarter, every priority and indicator, and writes the commentary from the figures', async t => {
  const text = await pdfText('/api/indicators/report.pdf?year=2025&quarter=2')
  t.match(text, 'Quarterly report to the Strategy Group')
  t.match(text, 'Quarter 2 of 2025: April to June 2025')
  t.notMatch(text, 'April to June 2025 (so far)', 'a quarter that is over is not "so far"')
  t.match(text, 'Made on 15 July 2025')
  const priorities = (await app.inject({ url: '/api/indicators?year=2025', headers: officer.headers })).json().priorities as { title: string; note?: string; indicators: { title: string }[] }[]
  for (const priority of priorities) {
    t.match(text, priority.title, `priority ${priority.title}`)
    if (priority.note) t.match(text, priority.note, `${priority.title} says why it has no figures`)
    for (const indicator of priority.indicators) t.match(text, indicator.title, `indicator ${indicator.title}`)
  }
  t.match(text, 'Violence on Friday and Saturday nights was 25% below the same quarter last year (3 records against 4).')
  t.match(text, 'Violence recorded was 25% below the same quarter last year (3 records against 4).')
  t.match(text, 'Theft recorded was the same as the same quarter last year (0 records).', 'nothing against nothing is the same')
  t.match(text, 'There are no figures for concerns about venues answered within 2 days this quarter.', 'a share of nothing has no figure')
  t.match(text, 'April to June 2025: 3 records. The same quarter last year: 4 records.')
  t.match(text, 'Target: none set.')
})

t.test('the quarter in progress is "so far", against the same months last year', async t => {
  const text = await pdfText('/api/indicators/report.pdf?year=2025&quarter=3')
  t.match(text, 'Quarter 3 of 2025: July to September 2025 (so far)')
  t.match(text, 'So far this quarter, violence on Friday and Saturday nights was 1 record, up from none in the same months last year.')
  t.match(text, 'Jul (so far)', 'the chart marks the month in progress')
})

t.test('the CSV has each indicator\'s quarter, with its commentary, and its three months', async t => {
  const res = await app.inject({ url: '/api/indicators/report.csv?year=2025&quarter=2', headers: police.headers })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-disposition'], /nightsafe-strategy-group-2025-q2\.csv/)
  const lines = res.body.trim().split('\r\n')
  t.equal(lines[0], 'priority,indicator_key,indicator,unit,period,value,same_period_last_year,so_far,target,status,commentary')
  t.match(lines.find(l => l.includes(',nte-violence-weekend-nights,') && l.includes(',2025-Q2,')), ',2025-Q2,3,4,no,,')
  t.match(lines.find(l => l.includes(',nte-violence-weekend-nights,') && l.includes(',2025-06,')), ',2025-06,1,2,no,')
  const indicators = lines.filter(l => l.includes(',2025-Q2,')).length
  t.equal(lines.length, 1 + indicators * 4, 'a quarter row and three month rows for each indicator')
})

t.test('a quarter not started, or none, is refused in words beside the quarter', async t => {
  for (const [url, message] of [
    ['/api/indicators/report.pdf?year=2025&quarter=4', 'October to December 2025 has not started yet: choose a quarter up to July to September 2025'],
    ['/api/indicators/report.csv?year=2026&quarter=1', 'January to March 2026 has not started yet: choose a quarter up to July to September 2025'],
    ['/api/indicators/report.pdf?year=2025&quarter=5', 'Choose a quarter from 1 (January to March) to 4 (October to December)'],
    ['/api/indicators/report.pdf?year=2025', 'Choose a quarter from 1 (January to March) to 4 (October to December)']
  ]) {
    const res = await app.inject({ url, headers: officer.headers })
    t.equal(res.statusCode, 400, url)
    t.match(res.json(), { field: 'quarter', message }, url)
  }
})

t.test('officers, police and admins may have the report; a venue manager may not', async t => {
  t.equal((await app.inject({ url: '/api/indicators/report.pdf?year=2025&quarter=2' })).statusCode, 401)
  t.equal((await app.inject({ url: '/api/indicators/report.pdf?year=2025&quarter=2', headers: manager.headers })).statusCode, 403)
  t.equal((await app.inject({ url: '/api/indicators/report.csv?year=2025&quarter=2', headers: manager.headers })).statusCode, 403)
  t.equal((await app.inject({ url: '/api/indicators/report.pdf?year=2025&quarter=2', headers: police.headers })).statusCode, 200)
})
