// Applications through their life cycle on a real database: self-assessment, submission,
// assessment, moderation, decision and certificate, with the refusals the rules require.
import t from 'tap'
import { sql } from 'kysely'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'

const app = await build(t)
const officer = await login(app, 'officer')
const officer2 = await login(app, 'officer')
const admin = await login(app, 'admin')
const police = await login(app, 'police')
const other = await createPremises(app.db)
const otherManager = await login(app, 'manager', { premisesIds: [other.id] })

const criteria = (await app.inject({ method: 'GET', url: '/api/safety-thirst/criteria', headers: officer.headers })).json().criteria as { code: string; level: string }[]
const codes = criteria.map(c => c.code)
const url = (id: number, tail = '') => `/api/safety-thirst/applications/${id}${tail}`

async function newVenue () {
  const premises = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  const res = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: manager.headers, payload: { premisesId: premises.id } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return { premises, manager, application: res.json() }
}

async function answerAll (id: number, headers: Record<string, string>) {
  return app.inject({ method: 'PUT', url: url(id, '/self-assessment'), headers, payload: { answers: codes.map(code => ({ criterionCode: code, answer: 'yes', evidence: 'In place' })) } })
}

/** Officer results: every essential met, then `desired` desired and `bonus` bonus criteria met. */
function resultsWith (desired: number, bonus: number, override: Record<string, string> = {}) {
  let d = 0
  let b = 0
  return criteria.map(c => {
    let result = 'met'
    if (c.level === 'desired') result = d++ < desired ? 'met' : 'not_met'
    if (c.level === 'bonus') result = b++ < bonus ? 'met' : 'not_met'
    return { criterionCode: c.code, result: override[c.code] ?? result, note: '' }
  })
}

async function submitted () {
  const venue = await newVenue()
  await answerAll(venue.application.id, venue.manager.headers)
  const res = await app.inject({ method: 'POST', url: url(venue.application.id, '/submit'), headers: venue.manager.headers })
  if (res.statusCode !== 200) throw new Error(res.body)
  return venue
}

t.test('criteria endpoint returns the rubric as the current set', async t => {
  const res = await app.inject({ method: 'GET', url: '/api/safety-thirst/criteria', headers: otherManager.headers })
  t.equal(res.statusCode, 200)
  t.equal(res.json().version, '2026-1')
  t.equal(res.json().criteria.length, 35)
  t.same(Object.keys(res.json().criteria[0]).sort(), ['category', 'code', 'evidence', 'level', 'text'])
  t.equal((await app.inject({ method: 'GET', url: '/api/safety-thirst/criteria' })).statusCode, 401)
})

t.test('the venue manager drafts, saves part-way, submits when complete; officers assess, moderate and decide', async t => {
  const { premises, manager, application } = await newVenue()
  t.equal(application.status, 'draft')
  t.equal(application.criteriaVersion, '2026-1')
  t.equal(application.premisesId, premises.id)

  const partial = await app.inject({ method: 'PUT', url: url(application.id, '/self-assessment'), headers: manager.headers, payload: { answers: [{ criterionCode: 'CD1', answer: 'yes', evidence: 'Review of May' }, { criterionCode: 'CD2', answer: 'partly' }] } })
  t.equal(partial.statusCode, 200)
  t.equal(partial.json().answered, 2)

  const early = await app.inject({ method: 'POST', url: url(application.id, '/submit'), headers: manager.headers })
  t.equal(early.statusCode, 400)
  t.equal(early.json().code, 'SELF_ASSESSMENT_INCOMPLETE')
  t.match(early.json().message, /CD3/)
  t.notMatch(early.json().message, /CD1,/, 'answered criteria are not named')

  t.equal((await answerAll(application.id, manager.headers)).json().answered, 35)
  const sub = await app.inject({ method: 'POST', url: url(application.id, '/submit'), headers: manager.headers })
  t.equal(sub.statusCode, 200)
  t.equal(sub.json().status, 'submitted')

  const again = await app.inject({ method: 'PUT', url: url(application.id, '/self-assessment'), headers: manager.headers, payload: { answers: [{ criterionCode: 'CD1', answer: 'no' }] } })
  t.equal(again.statusCode, 409)
  t.equal(again.json().code, 'ILLEGAL_TRANSITION')
  t.match(again.json().message, /submitted/)

  t.equal((await app.inject({ method: 'PUT', url: url(application.id, '/assessment'), headers: manager.headers, payload: { results: [] } })).statusCode, 403, 'a manager cannot assess')

  const half = await app.inject({ method: 'PUT', url: url(application.id, '/assessment'), headers: officer.headers, payload: { siteVisitDate: '2026-05-14', assessors: ['Olu Officer'], agenciesConsulted: ['City of London Police', 'London Fire Brigade'], results: resultsWith(7, 2).slice(0, 10) } })
  t.equal(half.statusCode, 200)
  t.equal(half.json().status, 'under_assessment')
  t.same(half.json().assessment.agenciesConsulted, ['City of London Police', 'London Fire Brigade'])

  const tooSoon = await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: officer.headers })
  t.equal(tooSoon.statusCode, 409)
  t.equal(tooSoon.json().code, 'ASSESSMENT_INCOMPLETE')

  // 11 of 14 desired = 78.6%, 2 bonus: highly commended.
  t.equal((await app.inject({ method: 'PUT', url: url(application.id, '/assessment'), headers: officer.headers, payload: { results: resultsWith(11, 2) } })).statusCode, 200)
  const unmoderated = await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: officer.headers })
  t.equal(unmoderated.statusCode, 409)
  t.equal(unmoderated.json().code, 'MODERATION_REQUIRED')

  const self = await app.inject({ method: 'POST', url: url(application.id, '/moderation'), headers: officer.headers, payload: { confirm: true, note: 'ok' } })
  t.equal(self.statusCode, 403)
  t.equal(self.json().code, 'MODERATOR_IS_ASSESSOR')
  t.match(self.json().message, /different officer/)

  const mod = await app.inject({ method: 'POST', url: url(application.id, '/moderation'), headers: admin.headers, payload: { confirm: true, note: 'Agreed' } })
  t.equal(mod.statusCode, 200)
  t.equal(mod.json().status, 'moderated')

  t.equal((await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: manager.headers })).statusCode, 403, 'a manager cannot decide')
  const decision = await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: officer.headers })
  t.equal(decision.statusCode, 200)
  t.equal(decision.json().tier, 'highly_commended')
  t.equal(decision.json().validUntil, `${application.year}-12-31`)
  t.match(decision.json().certificateNumber, /^ST-\d{4}-\d{5}$/)

  const view = (await app.inject({ method: 'GET', url: url(application.id), headers: manager.headers })).json()
  t.equal(view.status, 'decided')
  t.equal(view.results.length, 35, 'the manager sees the results once decided')
  t.equal(view.decision.reasons.bonusMet, 2)

  const cert = await app.inject({ method: 'GET', url: url(application.id, '/certificate'), headers: manager.headers })
  t.equal(cert.statusCode, 200)
  t.match(cert.headers['content-type'], /text\/html/)
  t.match(cert.body, premises.name)
  t.match(cert.body, 'Highly Commended')
  t.match(cert.body, `31 December ${application.year}`)
  t.match(cert.body, '@media print')
  const pdf = await app.inject({ method: 'GET', url: url(application.id, '/certificate?format=pdf'), headers: officer.headers })
  t.equal(pdf.statusCode, 200)
  t.equal(pdf.headers['content-type'], 'application/pdf')
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
  t.equal((await app.inject({ method: 'GET', url: url(application.id, '/certificate'), headers: otherManager.headers })).statusCode, 403)

  const audit = await app.db.selectFrom('auditLog').select('action').where('entity', '=', 'st_application').where('entityId', '=', String(application.id)).execute()
  t.same(new Set(audit.map(a => a.action)), new Set(['create', 'self_assessment', 'submit', 'assess', 'moderate', 'decide']))

  const withdrawLate = await app.inject({ method: 'POST', url: url(application.id, '/withdraw'), headers: manager.headers, payload: {} })
  t.equal(withdrawLate.statusCode, 409)
  t.match(withdrawLate.json().message, /decided/)
})

t.test('a second application for the same premises and year is a 409; a withdrawn one frees the year', async t => {
  const { premises, manager, application } = await newVenue()
  const dup = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: premises.id } })
  t.equal(dup.statusCode, 409)
  t.equal(dup.json().code, 'APPLICATION_EXISTS')
  const w = await app.inject({ method: 'POST', url: url(application.id, '/withdraw'), headers: manager.headers, payload: { reason: 'Closing for refurbishment' } })
  t.equal(w.json().status, 'withdrawn')
  t.equal((await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: premises.id } })).statusCode, 201)
})

t.test('a venue manager cannot start, read or change another venue\'s application', async t => {
  const { premises, application } = await newVenue()
  const h = otherManager.headers
  t.equal((await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: h, payload: { premisesId: premises.id } })).statusCode, 403)
  t.equal((await app.inject({ method: 'GET', url: url(application.id), headers: h })).statusCode, 403)
  t.equal((await app.inject({ method: 'PUT', url: url(application.id, '/self-assessment'), headers: h, payload: { answers: [{ criterionCode: 'CD1', answer: 'yes' }] } })).statusCode, 403)
  t.equal((await app.inject({ method: 'POST', url: url(application.id, '/submit'), headers: h })).statusCode, 403)
  const list = (await app.inject({ method: 'GET', url: '/api/safety-thirst/applications', headers: h })).json()
  t.ok(list.items.every((i: { premisesId: number }) => i.premisesId === other.id), 'the list holds only its own premises')
  t.ok((await app.inject({ method: 'GET', url: '/api/safety-thirst/applications', headers: police.headers })).json().total >= 1, 'police see all')
  t.equal((await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: police.headers, payload: { premisesId: premises.id } })).statusCode, 403, 'police cannot apply')
})

t.test('bad input is a 400 naming the field; unknown ids are 404', async t => {
  const { manager, application } = await newVenue()
  const unknown = await app.inject({ method: 'PUT', url: url(application.id, '/self-assessment'), headers: manager.headers, payload: { answers: [{ criterionCode: 'ZZ9', answer: 'yes' }] } })
  t.equal(unknown.statusCode, 400)
  t.equal(unknown.json().field, 'answers.0.criterionCode')
  const badAnswer = await app.inject({ method: 'PUT', url: url(application.id, '/self-assessment'), headers: manager.headers, payload: { answers: [{ criterionCode: 'CD1', answer: 'maybe' }] } })
  t.equal(badAnswer.statusCode, 400)
  t.match(badAnswer.json().message, /^Answer must be yes, partly, no or na/, 'the field is named and the choices listed')
  const extra = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: 1, colour: 'red' } })
  t.equal(extra.statusCode, 400)
  t.equal(extra.json().field, 'colour')
  t.equal((await app.inject({ method: 'GET', url: url(999999), headers: officer.headers })).statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: 999999 } })).statusCode, 404)
})

t.test('an unknown code among answers is a 400 naming the field, and none of the answers is saved', async t => {
  const { manager, application } = await newVenue()
  const res = await app.inject({ method: 'PUT', url: url(application.id, '/self-assessment'), headers: manager.headers, payload: { answers: [{ criterionCode: 'CD1', answer: 'yes' }, { criterionCode: 'XX1', answer: 'yes' }] } })
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'answers.1.criterionCode')
  t.equal((await app.inject({ method: 'GET', url: url(application.id), headers: manager.headers })).json().answered, 0)
})

const auditOf = async (id: number) => (await app.db.selectFrom('auditLog').select('action').where('entity', '=', 'st_application').where('entityId', '=', String(id)).execute()).map(a => a.action)

t.test('a submission whose second or third write fails stays a draft, with no notification and no audit (rollback)', async t => {
  const { manager, application, premises } = await newVenue()
  t.equal((await answerAll(application.id, manager.headers)).statusCode, 200)
  const auditBefore = await auditOf(application.id)
  const noticesOf = async () => (await app.db.selectFrom('notifications').select('id').where('link', '=', `/safety-thirst/applications/${application.id}`).execute()).length
  // Submitting writes the application, then the officers' notification, then the audit row.
  for (const n of [2, 3]) {
    const failing = await failNthWrite(app.db, ['st_applications', 'notifications', 'audit_log'], n)
    const res = await app.inject({ method: 'POST', url: url(application.id, '/submit'), headers: manager.headers })
    const written = await failing.rowsWritten()
    await failing.restore()
    t.equal(res.statusCode, 500, `write ${n} failed inside the submission`)
    t.equal(written, n, `the submission reached write ${n}`)
    const row = await app.db.selectFrom('stApplications').select(['status', 'submittedAt']).where('id', '=', application.id).executeTakeFirstOrThrow()
    t.same(row, { status: 'draft', submittedAt: null }, `write ${n} failed: still a draft`)
    t.equal(await noticesOf(), 0, `write ${n} failed: no officer was told of ${premises.name}`)
    t.same(await auditOf(application.id), auditBefore, `write ${n} failed: no audit kept`)
  }
  const retry = await app.inject({ method: 'POST', url: url(application.id, '/submit'), headers: manager.headers })
  t.equal(retry.statusCode, 200, 'the same submission succeeds once nothing fails')
  t.equal(await noticesOf(), 1)
})

t.test('a self-assessment whose write after the answers fails saves none of the answers (rollback)', async t => {
  const { manager, application } = await newVenue()
  // The answers go in one statement (a row each), then the application is touched, then audited.
  for (const n of [codes.length + 1, codes.length + 2]) {
    const failing = await failNthWrite(app.db, ['st_answers', 'st_applications', 'audit_log'], n)
    const res = await answerAll(application.id, manager.headers)
    const written = await failing.rowsWritten()
    await failing.restore()
    t.equal(res.statusCode, 500, `write ${n} failed inside the self-assessment`)
    t.equal(written, n, `the self-assessment reached write ${n}`)
    t.equal((await app.db.selectFrom('stAnswers').select('criterionCode').where('applicationId', '=', application.id).execute()).length, 0, `write ${n} failed: no answer kept`)
    t.same(await auditOf(application.id), ['create'], `write ${n} failed: no audit kept`)
  }
})

t.test('tiers from the API: one essential partly met is not accredited with an action plan; moderation can change results', async t => {
  const { application, manager } = await submitted()
  await app.inject({ method: 'PUT', url: url(application.id, '/assessment'), headers: officer.headers, payload: { results: resultsWith(14, 6, { PS2: 'partly' }) } })
  const changed = await app.inject({ method: 'POST', url: url(application.id, '/moderation'), headers: officer2.headers, payload: { confirm: false, note: 'Capacity log missing', results: [{ criterionCode: 'CD1', result: 'not_met', note: 'No review' }] } })
  t.equal(changed.statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: url(application.id, '/certificate'), headers: officer.headers })).statusCode, 404, 'no such method')
  const decision = (await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: officer.headers })).json()
  t.equal(decision.tier, 'not_accredited')
  t.same(decision.reasons.failedEssential.sort(), ['CD1', 'PS2'])
  t.same(decision.actionPlan.map((a: { criterionCode: string }) => a.criterionCode), ['CD1', 'PS2'])
  t.equal(decision.certificateNumber, null)
  const cert = await app.inject({ method: 'GET', url: url(application.id, '/certificate'), headers: manager.headers })
  t.equal(cert.statusCode, 409)
  t.equal(cert.json().code, 'NO_CERTIFICATE')
})

t.test('moderation can be switched off in the settings; desired at exactly the threshold is commended', async t => {
  t.equal((await app.inject({ method: 'PUT', url: '/api/safety-thirst/settings', headers: officer.headers, payload: { moderationRequired: false } })).statusCode, 403, 'only an admin changes settings')
  t.equal((await app.inject({ method: 'PUT', url: '/api/safety-thirst/settings', headers: admin.headers, payload: { moderationRequired: false } })).json().moderationRequired, false)
  t.teardown(() => app.inject({ method: 'PUT', url: '/api/safety-thirst/settings', headers: admin.headers, payload: { moderationRequired: true } }))
  const { application } = await submitted()
  // 7 of 14 desired is exactly 50%: commended; 10 of 14 (71.4%) with every bonus would still be commended.
  await app.inject({ method: 'PUT', url: url(application.id, '/assessment'), headers: officer.headers, payload: { results: resultsWith(7, 6) } })
  const decision = await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: officer.headers })
  t.equal(decision.statusCode, 200)
  t.equal(decision.json().tier, 'commended')
})

t.test('a decision before assessment is refused with the current state named', async t => {
  const { application } = await submitted()
  const res = await app.inject({ method: 'POST', url: url(application.id, '/decision'), headers: officer.headers })
  t.equal(res.statusCode, 409)
  t.equal(res.json().code, 'ILLEGAL_TRANSITION')
  t.match(res.json().message, /submitted/)
})

t.test('the database refuses an illegal transition even without the service', async t => {
  const { application } = await newVenue()
  await t.rejects(sql`update st_applications set status = 'decided' where id = ${application.id}`.execute(app.db), /illegal Safety Thirst transition from draft to decided/)
  await t.rejects(sql`update st_applications set status = 'nonsense' where id = ${application.id}`.execute(app.db))
  const row = await app.db.selectFrom('stApplications').select('status').where('id', '=', application.id).executeTakeFirstOrThrow()
  t.equal(row.status, 'draft')
})
