// The open-data downloads of the public register: no login, the public fields only (no contact
// details, managers, people who made representations or gave a TEN), the licence and when the
// file was made, the representation period of each case, only TENs whose event has not ended,
// and spreadsheet formulas neutralised in the CSV.
import t from 'tap'
import { parse } from 'csv-parse/sync'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { applicationCase, movableClock, representation } from '../casework/case-fixtures.ts'
import { giveTen, tenBody } from '../casework/ten-fixtures.ts'

const PERSONAL = ['rosa@example.test', 'Rosa Resident', '12 Milk Street', 'bar@venue.test', '020 7946 0000', '1 Holder Home Road', 'Pat Private', 'Sam Gone']

async function download (app: Awaited<ReturnType<typeof build>>, format: 'csv' | 'json', dataset: string) {
  const res = await app.inject({ url: `/api/public/register.${format}?dataset=${dataset}` })
  return res
}

t.test('the register files hold the public fields of premises, cases and upcoming TENs, and nothing personal', async t => {
  const clock = movableClock('2025-01-06')
  const app = await build(t, { config: { now: clock.now } })
  const officer = await login(app, 'officer')

  const formula = await createPremises(app.db, { name: '=HYPERLINK("http://evil.test","Click")', email: 'bar@venue.test', phone: '020 7946 0000', licenceHolderAddress: '1 Holder Home Road' })
  const manager = await login(app, 'manager', { premisesIds: [formula.id] })
  const past = await giveTen(app, officer.headers, tenBody(formula.id, { premisesUser: { name: 'Sam Gone', personalLicenceHolder: true }, startsAt: '2025-03-01T18:00', endsAt: '2025-03-01T23:00' }))
  t.equal(past.statusCode, 201, past.body)
  const upcoming = await giveTen(app, officer.headers, tenBody(formula.id, { premisesUser: { name: 'Pat Private', personalLicenceHolder: false }, startsAt: '2025-03-10T18:00', endsAt: '2025-03-10T23:00' }))
  t.equal(upcoming.statusCode, 201, upcoming.body)

  clock.set('2025-03-05')
  const { caseId, applicationId } = await applicationCase(app, '2025-03-03')
  const rep = await app.inject({ method: 'POST', url: `/api/licence-applications/${applicationId}/representations`, headers: officer.headers, payload: representation({ party: 'other_person', person: { name: 'Rosa Resident', address: '12 Milk Street, London EC2V 8AA', email: 'rosa@example.test' } }) })
  t.equal(rep.statusCode, 201, rep.body)
  const periodEnds = (await app.inject({ url: `/api/licence-applications/${applicationId}`, headers: officer.headers })).json().representationPeriodEnds

  for (const dataset of ['premises', 'applications', 'tens']) {
    const csv = await download(app, 'csv', dataset)
    const json = await download(app, 'json', dataset)
    t.equal(csv.statusCode, 200, `${dataset} CSV without a login`)
    t.equal(json.statusCode, 200, `${dataset} JSON without a login`)
    t.match(csv.headers['content-type'], /^text\/csv/)
    t.equal(csv.headers['content-disposition'], `attachment; filename="register-${dataset}-2025-03-05.csv"`)
    t.match(csv.headers['x-licence'], /Open Government Licence v3\.0/)
    t.match(csv.headers['cache-control'], /^public, max-age=\d+$/, 'public data may be cached briefly')
    t.match(json.headers['content-disposition'], `register-${dataset}-2025-03-05.json`)
    t.match(json.json().meta, { dataset, licence: { name: 'Open Government Licence v3.0' }, generatedAt: '2025-03-05T10:00:00.000Z' })
    for (const personal of [...PERSONAL, manager.email]) {
      t.notOk(csv.body.includes(personal), `${dataset} CSV leaves out ${personal}`)
      t.notOk(json.body.includes(personal), `${dataset} JSON leaves out ${personal}`)
    }
  }

  const premisesCsv = parse((await download(app, 'csv', 'premises')).body, { columns: true }) as Record<string, string>[]
  const row = premisesCsv.find(r => r.licence_number === formula.licenceNumber)!
  t.equal(row.name, `'=HYPERLINK("http://evil.test","Click")`, 'a formula in a name is neutralised in the CSV')
  t.equal(row.licence_holder, 'Test Holdings Ltd', 'the licence holder is on the register')
  t.notOk('email' in row || 'phone' in row || 'managers' in row, 'no contact columns')
  const premisesJson = (await download(app, 'json', 'premises')).json()
  t.equal(premisesJson.items.find((p: { licence_number: string }) => p.licence_number === formula.licenceNumber).name, formula.name, 'JSON keeps the name as typed')
  t.same(premisesJson.meta.fields, Object.keys(row), 'CSV and JSON hold the same fields')

  const cases = (await download(app, 'json', 'applications')).json().items
  t.match(cases, [{ case_id: caseId, stage: 'under_consultation', given_on: '2025-03-03', representations_by: periodEnds, decision: null }], 'the case under consultation with its last day for representations')
  t.equal(periodEnds, '2025-03-31', 'given Mon 3 March: representations until the 28th day after')

  const tens = (await download(app, 'json', 'tens')).json().items
  t.same(tens.map((x: { ten_id: number }) => x.ten_id), [upcoming.json().id], 'the TEN whose event has passed is left out')
  t.match(tens[0], { starts: '2025-03-10T18:00', ends: '2025-03-10T23:00', max_people: 120, kind: 'standard' })
  t.notOk('personal_licence_holder' in tens[0] || 'premises_user' in tens[0], 'who gave the TEN is not published')
})

t.test('a decided case carries its outcome, date and added conditions', async t => {
  const app = await build(t, { config: { now: () => new Date('2025-06-02T10:00:00Z') } })
  const { caseId } = await applicationCase(app, '2025-04-01')
  await app.db.updateTable('licensingCases').set({ status: 'decided' }).where('id', '=', caseId).execute()
  await app.db.insertInto('caseDecisions').values({
    caseId, outcome: 'grant_with_conditions', reasons: 'Noise from the courtyard.', addedConditions: ['The courtyard closes at 22:00.'],
    decidedOn: '2025-05-20', notifiedOn: '2025-05-20', appealDeadline: '2025-06-10', takesEffectOn: '2025-05-20'
  }).execute()
  const items = (await download(app, 'json', 'applications')).json().items
  t.match(items, [{ case_id: caseId, stage: 'decided', decision: 'grant_with_conditions', decided_on: '2025-05-20', conditions_added: ['The courtyard closes at 22:00.'], appeal_deadline: '2025-06-10' }])
  t.notOk(JSON.stringify(items).includes('Noise from the courtyard'), 'the reasons stay in the decision notice')
  const csv = parse((await download(app, 'csv', 'applications')).body, { columns: true }) as Record<string, string>[]
  t.equal(csv[0].conditions_added, 'The courtyard closes at 22:00.')
})

t.test('an unknown dataset is a 400 that says what to choose', async t => {
  const app = await build(t)
  const res = await download(app, 'csv', 'people')
  t.equal(res.statusCode, 400)
  t.match(res.json(), { field: 'dataset', message: 'Choose the dataset: premises, applications or tens' })
})
