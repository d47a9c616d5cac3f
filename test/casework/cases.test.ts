// A licence application's case over HTTP, from submission to the decision: the responsible
// authorities are told; representations inside the 28 days (a late one refused with the last
// day); assessment; the hearing inside its window with ten working days' notice; the decision,
// whose added condition is on the premises under Annex 3 and on the public register at once;
// the appeal deadline; and other persons' details kept from the venue and the public.
import t from 'tap'
import { build, login } from '../helper.ts'
import { applicationCase, movableClock, representation } from './case-fixtures.ts'

// Given Mon 2 Nov 2026: representations Tue 3 to Mon 30 Nov; the hearing window Tue 1 Dec to
// Wed 30 Dec (the 20th working day after 30 Nov: Dec 1–4, 7–11, 14–18, 21–24, 29, 30).
const GIVEN_ON = '2026-11-02'

t.test('an application goes from consultation through a hearing to a decision with an added condition', async t => {
  const clock = movableClock('2026-11-02')
  const app = await build(t, { config: { now: clock.now } })
  const eho = await login(app, 'authority', { organisation: 'environmental_health' })
  const police = await login(app, 'police')
  const officer = await login(app, 'officer')
  const { premises, manager, applicationId, caseId } = await applicationCase(app, GIVEN_ON)

  const told = (await app.inject({ url: '/api/notifications', headers: eho.headers })).json().items
  t.ok(told.some((n: { kind: string; link: string }) => n.kind === 'licence_application_consultation' && n.link === `/cases/${caseId}`), 'environmental health is told of the application')
  t.ok((await app.inject({ url: '/api/notifications', headers: police.headers })).json().items.some((n: { kind: string }) => n.kind === 'licence_application_consultation'), 'so are the police')
  let res = await app.inject({ url: `/api/licence-applications/${applicationId}`, headers: eho.headers })
  t.equal(res.statusCode, 200, 'a responsible authority reads the application')
  t.match(res.json(), { representationPeriodEnds: '2026-11-30', hearingWindow: { from: '2026-12-01', to: '2026-12-30' }, appealDeadline: null, caseId, hearingNeeded: false })

  clock.set('2026-11-10')
  const post = (headers: Record<string, string>, body: object) => app.inject({ method: 'POST', url: `/api/licence-applications/${applicationId}/representations`, headers, payload: body })
  res = await post(eho.headers, representation())
  t.equal(res.statusCode, 201)
  t.match(res.json(), { party: 'responsible_authority', organisation: 'environmental_health', label: 'Environmental health', madeOn: '2026-11-10', status: 'received', relevance: null })
  const ehoRep = res.json().id
  t.equal((await post(eho.headers, representation({ party: 'other_person' }))).statusCode, 403, 'an authority speaks in its own name')
  t.equal((await post(manager.headers, representation())).statusCode, 403, 'the applicant makes none')
  res = await post(officer.headers, representation({ party: 'other_person', objectives: ['crime_disorder'], text: 'Fights at closing time outside number 12.' }))
  t.match(res.json(), { statusCode: 400, field: 'person.name' }, 'an officer recording an other person\'s representation names them')
  res = await post(officer.headers, representation({ party: 'other_person', person: { name: 'Rosa Resident', address: '12 Milk Street, London EC2V 8AA', email: 'rosa@example.test' } }))
  t.equal(res.statusCode, 201)
  t.match(res.json(), { label: 'Other person 1', person: { name: 'Rosa Resident', confirmed: true } }, 'officers see the person')
  const residentRep = res.json().id
  res = await post(eho.headers, { ...representation(), objectives: ['noise'] })
  t.match(res.json(), { statusCode: 400, field: 'objectives', message: /licensing objective/ })

  for (const [who, headers] of [['the venue manager', manager.headers], ['environmental health', eho.headers]] as const) {
    const seen = (await app.inject({ url: `/api/cases/${caseId}`, headers })).json()
    t.match(seen.representations.map((r: { label: string }) => r.label), ['Environmental health', 'Other person 1'], `${who} sees who made each one`)
    t.notOk(JSON.stringify(seen).includes('Rosa') || JSON.stringify(seen).includes('Milk Street, London') || JSON.stringify(seen).includes('rosa@'), `but not the other person's details (${who})`)
  }

  clock.set('2026-12-01')
  res = await post(police.headers, representation({ objectives: ['crime_disorder'] }))
  t.equal(res.statusCode, 422, 'the day after the period is too late')
  t.match(res.json(), { code: 'REPRESENTATION_OUT_OF_TIME', details: { representationPeriodEnds: '2026-11-30' }, message: /by 2026-11-30/ })

  const schedule = (body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/hearing`, headers: officer.headers, payload: { date: '2026-12-16', time: '10:00', place: 'Committee Room 1, Guildhall', ...body } })
  t.match((await schedule({})).json(), { statusCode: 409, message: /Assess the 2 representation/ }, 'no hearing before every representation is assessed')
  const assess = (id: number, body: object, headers = officer.headers) => app.inject({ method: 'POST', url: `/api/representations/${id}/assessment`, headers, payload: body })
  t.equal((await assess(ehoRep, { relevance: 'relevant', reason: 'About public nuisance.' }, eho.headers)).statusCode, 403, 'officers assess')
  t.match((await assess(residentRep, { relevance: 'irrelevant', reason: 'x' })).json(), { statusCode: 400, field: 'ground' }, 'irrelevant needs its ground')
  t.match((await assess(residentRep, { relevance: 'irrelevant', ground: 'not_about_objective', reason: 'About parking, not an objective.' })).json(), { relevance: 'irrelevant', irrelevantGround: 'not_about_objective' })
  t.match((await assess(ehoRep, { relevance: 'relevant', reason: 'Public nuisance, with evidence.' })).json(), { relevance: 'relevant' })

  res = await schedule({ date: '2027-01-04' })
  t.equal(res.statusCode, 422)
  t.match(res.json(), { code: 'HEARING_OUTSIDE_WINDOW', details: { window: { from: '2026-12-01', to: '2026-12-30' } }, message: /between 2026-12-01 and 2026-12-30/ })
  res = await schedule({ date: '2026-12-10' })
  t.match(res.json(), { code: 'HEARING_NOTICE_TOO_SHORT', details: { earliest: '2026-12-15' } }, 'ten working days of notice from 1 Dec: 15 Dec at the earliest')
  res = await schedule({})
  t.equal(res.statusCode, 200)
  t.match(res.json(), { stage: 'hearing_scheduled', hearing: { date: '2026-12-16', time: '10:00', noticeGivenOn: '2026-12-01', held: false } })
  t.ok((await app.inject({ url: '/api/notifications', headers: eho.headers })).json().items.some((n: { kind: string }) => n.kind === 'hearing_scheduled'), 'the authority with a relevant representation has notice')

  const decide = (body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/decision`, headers: officer.headers, payload: { outcome: 'grant_with_conditions', reasons: 'Granted: music stops at 23:00 to protect residents.', addedConditions: ['Amplified music shall end at 23:00 and the courtyard close at 22:00.'], ...body } })
  t.match((await decide({})).json(), { statusCode: 409, message: /hearing is on 2026-12-16/ }, 'no decision before the hearing')
  clock.set('2026-12-16T15:00:00Z')
  t.match((await decide({ addedConditions: [] })).json(), { statusCode: 400, field: 'addedConditions' }, 'granting with conditions needs a condition')
  t.match((await decide({ outcome: 'revoke' })).json(), { statusCode: 400, field: 'outcome' }, 'revocation is for reviews')
  res = await decide({})
  t.equal(res.statusCode, 201)
  t.match(res.json(), { stage: 'decided', decision: { outcome: 'grant_with_conditions', decidedOn: '2026-12-16', appealDeadline: '2027-01-05', applied: true }, appealDeadline: '2027-01-05' })

  const onPremises = (await app.inject({ url: `/api/premises/${premises.id}`, headers: officer.headers })).json()
  t.ok(onPremises.conditions.some((c: { annex: number; text: string }) => c.annex === 3 && /end at 23:00/.test(c.text)), 'the condition is on the premises under Annex 3 at once')
  const onRegister = (await app.inject({ url: `/api/public/premises/${premises.id}` })).json()
  t.ok(onRegister.conditions.some((c: { annex: number; text: string }) => c.annex === 3 && /end at 23:00/.test(c.text)), 'and on the public register')
  res = await app.inject({ url: `/api/licence-applications/${applicationId}`, headers: manager.headers })
  t.match(res.json(), { status: 'granted', appealDeadline: '2027-01-05' }, 'the application is granted, with its appeal deadline (21 days from notification)')
  t.equal((await decide({})).statusCode, 409, 'decided once')
})

t.test('without relevant representations the officer grants, and only grants', async t => {
  const clock = movableClock('2026-11-10')
  const app = await build(t, { config: { now: clock.now } })
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const { applicationId, caseId } = await applicationCase(app, GIVEN_ON)
  const status = (body: object) => app.inject({ method: 'POST', url: `/api/licence-applications/${applicationId}/status`, headers: officer.headers, payload: body })
  t.match((await status({ status: 'granted' })).json(), { statusCode: 409, message: /until 2026-11-30/ }, 'not while representations are open')
  const rep = (await app.inject({ method: 'POST', url: `/api/cases/${caseId}/representations`, headers: police.headers, payload: representation({ objectives: ['crime_disorder'], text: 'Thefts nearby.' }) })).json()
  clock.set('2026-12-01')
  t.match((await status({ status: 'granted' })).json(), { statusCode: 409, message: /wait to be assessed/ })
  await app.inject({ method: 'POST', url: `/api/representations/${rep.id}/assessment`, headers: officer.headers, payload: { relevance: 'relevant', reason: 'Crime and disorder.' } })
  t.match((await status({ status: 'granted' })).json(), { statusCode: 409, message: /goes to a hearing/ })
  const withdrawn = await app.inject({ method: 'POST', url: `/api/representations/${rep.id}/withdrawal`, headers: police.headers, payload: { note: 'Mediation: the applicant agreed to SIA door staff from 21:00.' } })
  t.match(withdrawn.json(), { status: 'withdrawn', withdrawalNote: /SIA door staff/ }, 'mediation withdraws it')
  t.equal((await app.inject({ url: `/api/cases/${caseId}`, headers: officer.headers })).json().stage, 'awaiting_decision')
  t.match((await status({ status: 'refused' })).json(), { statusCode: 409, message: /must grant/ })
  const granted = await status({ status: 'granted', note: 'Granted as applied for.' })
  t.match(granted.json(), { status: 'granted', appealDeadline: '2026-12-21' })
  t.match((await app.inject({ url: `/api/cases/${caseId}`, headers: officer.headers })).json(), { stage: 'decided', decision: { outcome: 'grant', decidedOn: '2026-12-01' } })
})

t.test('a decision that fails part-way leaves the case, the application and the licence as they were', async t => {
  const { failNthWrite } = await import('../fixtures/failing-write.ts')
  const clock = movableClock('2026-11-10')
  const app = await build(t, { config: { now: clock.now } })
  const officer = await login(app, 'officer')
  const eho = await login(app, 'authority', { organisation: 'environmental_health' })
  const { premises, applicationId, caseId } = await applicationCase(app, GIVEN_ON)
  const rep = (await app.inject({ method: 'POST', url: `/api/cases/${caseId}/representations`, headers: eho.headers, payload: representation() })).json()
  clock.set('2026-12-01')
  await app.inject({ method: 'POST', url: `/api/representations/${rep.id}/assessment`, headers: officer.headers, payload: { relevance: 'relevant', reason: 'Nuisance.' } })
  await app.inject({ method: 'POST', url: `/api/cases/${caseId}/hearing`, headers: officer.headers, payload: { date: '2026-12-15', time: '10:00', place: 'Guildhall' } })
  clock.set('2026-12-15T16:00:00Z')
  const snapshot = async () => ({
    decisions: (await app.db.selectFrom('caseDecisions').selectAll().execute()).length,
    status: (await app.db.selectFrom('licensingCases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status,
    application: (await app.db.selectFrom('licenceApplications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status,
    conditions: (await app.db.selectFrom('premisesConditions').select('text').where('premisesId', '=', premises.id).execute()).length,
    audit: (await app.db.selectFrom('auditLog').select('id').execute()).length
  })
  const before = await snapshot()
  const tables = ['case_decisions', 'licensing_cases', 'licence_applications', 'premises', 'premises_conditions', 'audit_log', 'notifications']
  for (const n of [2, 4, 6]) {
    const failing = await failNthWrite(app.db, tables, n)
    const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/decision`, headers: officer.headers, payload: { outcome: 'grant_with_conditions', reasons: 'Granted.', addedConditions: ['Doors closed after 21:00.'] } })
    t.equal(res.statusCode, 500, `write ${n} fails`)
    t.equal(await failing.rowsWritten(), n)
    await failing.restore()
    t.same(await snapshot(), before, 'nothing kept')
  }
  const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/decision`, headers: officer.headers, payload: { outcome: 'grant_with_conditions', reasons: 'Granted.', addedConditions: ['Doors closed after 21:00.'] } })
  t.equal(res.statusCode, 201, 'and the same decision then succeeds')
})
