// API tests of plan documents: templates, versioned saves, required sections, review workflow,
// access by role and premises, diffs, rollback, and the review-date job's service function.
import t from 'tap'
import { sql } from 'kysely'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { fullSections, submitPlan } from './plan-fixtures.ts'
import { runPlanReviewReminders } from '../../server/plans/plans.review.service.ts'

// Half past midnight on 1 July in London (still 30 June in UTC): "today" comes from the app clock,
// so the default review date is the same whatever day and hour the suite runs.
const NOW = new Date('2026-06-30T23:30:00Z')
const app = await build(t, { config: { now: () => NOW } })
const premises = await createPremises(app.db)
const other = await createPremises(app.db)
const manager = await login(app, 'manager', { premisesIds: [premises.id] })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const noiseUrl = `/api/premises/${premises.id}/noise-plan`
const dispersalUrl = `/api/premises/${premises.id}/dispersal-policy`

t.test('GET /api/plans/templates returns each kind with guidance per section', async t => {
  const noise = await app.inject({ url: '/api/plans/templates/noise_management_plan', headers: manager.headers })
  t.equal(noise.statusCode, 200)
  t.equal(noise.json().kind, 'noise_management_plan')
  t.equal(noise.json().sections.length, 6)
  t.match(noise.json().sections[0], { key: 'premises_context', title: String, guidance: String, required: true })
  const dispersal = await app.inject({ url: '/api/plans/templates/dispersal_policy', headers: manager.headers })
  t.equal(dispersal.json().sections.length, 8)
  t.equal((await app.inject({ url: '/api/plans/templates/fire_plan', headers: manager.headers })).statusCode, 400)
  t.equal((await app.inject({ url: '/api/plans/templates/dispersal_policy' })).statusCode, 401)
})

t.test('PUT refuses a submitted plan missing required sections, naming them, and saves nothing', async t => {
  const sections = fullSections('noise_management_plan')
  delete sections.monitoring
  sections.complaints = '   '
  const res = await app.inject({ method: 'PUT', url: noiseUrl, headers: manager.headers, payload: { sections } })
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'sections.monitoring')
  t.match(res.json().message, /monitoring/)
  t.match(res.json().message, /complaints/)
  t.same(res.json().details.missing, ['monitoring', 'complaints'])
  const count = await app.db.selectFrom('planDocuments').select(eb => eb.fn.countAll<number>().as('n')).where('premisesId', '=', premises.id).executeTakeFirstOrThrow()
  t.equal(Number(count.n), 0, 'nothing saved')
  t.equal((await app.inject({ url: noiseUrl, headers: manager.headers })).statusCode, 404, 'still no current plan')
})

t.test('PUT rejects unknown sections and fields by name', async t => {
  const res = await app.inject({ method: 'PUT', url: noiseUrl, headers: manager.headers, payload: { sections: { ...fullSections('noise_management_plan'), karaoke: 'x' } } })
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'sections.karaoke', 'the field is named')
  t.match(res.json().message, /"karaoke" is not a field this form takes/, 'and the message says so in words')
  const taxi = await app.inject({ method: 'PUT', url: noiseUrl, headers: manager.headers, payload: { sections: fullSections('noise_management_plan'), fields: { taxiOperator: 'x' } } })
  t.equal(taxi.statusCode, 400, 'a dispersal-only field is not part of a noise plan')
})

t.test('a draft saves without required sections and does not count as current', async t => {
  const res = await app.inject({ method: 'PUT', url: noiseUrl, headers: manager.headers, payload: { sections: { premises_context: 'Basement bar.' }, draft: true } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { version: 1, status: 'draft', current: false, sections: { premises_context: 'Basement bar.' } })
  t.equal((await app.inject({ url: noiseUrl, headers: manager.headers })).statusCode, 404)
})

t.test('submitting saves a new version that is current at once; editing keeps the previous one', async t => {
  const first = await app.inject({
    method: 'PUT', url: noiseUrl, headers: manager.headers,
    payload: { sections: fullSections('noise_management_plan', 'First'), fields: { limiterSetting: '85 dB(A)', complaintContactNumber: '020 7946 0000', operatingHours: 'Mon–Sat 11:00–23:00' } }
  })
  t.equal(first.statusCode, 200)
  t.match(first.json(), { version: 2, status: 'submitted', current: true, fields: { limiterSetting: '85 dB(A)' }, submittedBy: manager.id })
  const current = await app.inject({ url: noiseUrl, headers: police.headers })
  t.equal(current.statusCode, 200, 'police may read')
  t.equal(current.json().version, 2)

  const second = await app.inject({ method: 'PUT', url: noiseUrl, headers: manager.headers, payload: { sections: { ...fullSections('noise_management_plan', 'First'), monitoring: 'Hourly checks at the façade of 3 Wood Street.' } } })
  t.equal(second.json().version, 3)
  const old = await app.inject({ url: `${noiseUrl}/versions/2`, headers: manager.headers })
  t.equal(old.statusCode, 200)
  t.equal(old.json().sections.monitoring, 'First for Monitoring.', 'the previous version is intact')
  t.equal(old.json().status, 'superseded', 'a submitted version replaced before review is superseded')
  const versions = await app.inject({ url: `${noiseUrl}/versions`, headers: manager.headers })
  t.same(versions.json().items.map((v: { version: number }) => v.version), [3, 2, 1])
  t.equal(versions.json().total, 3)

  const diff = await app.inject({ url: `${noiseUrl}/versions/3/diff`, headers: officer.headers })
  t.equal(diff.statusCode, 200)
  t.equal(diff.json().previousVersion, 2)
  const monitoring = diff.json().sections.find((s: { key: string }) => s.key === 'monitoring')
  t.equal(monitoring.changed, true)
  t.ok(monitoring.parts.some((p: { op: string; text: string }) => p.op === 'insert' && p.text.includes('Wood')))
  t.equal(diff.json().sections.find((s: { key: string }) => s.key === 'review').changed, false)
  t.ok(diff.json().fields.some((f: { field: string; before: string }) => f.field === 'limiterSetting' && f.before === '85 dB(A)'))
  t.equal((await app.inject({ url: `${noiseUrl}/versions/99`, headers: manager.headers })).statusCode, 404)
})

t.test('a venue manager cannot see or edit another venue\'s plans, nor approve its own', async t => {
  const otherUrl = `/api/premises/${other.id}/noise-plan`
  t.equal((await app.inject({ url: otherUrl, headers: manager.headers })).statusCode, 403)
  t.equal((await app.inject({ url: `${otherUrl}/versions`, headers: manager.headers })).statusCode, 403)
  t.equal((await app.inject({ method: 'PUT', url: otherUrl, headers: manager.headers, payload: { sections: fullSections('noise_management_plan') } })).statusCode, 403)
  t.equal((await app.inject({ method: 'POST', url: `${noiseUrl}/approve`, headers: manager.headers, payload: {} })).statusCode, 403)
  t.equal((await app.inject({ method: 'PUT', url: noiseUrl, headers: police.headers, payload: { sections: fullSections('noise_management_plan') } })).statusCode, 403, 'police read only')
  t.equal((await app.inject({ method: 'POST', url: `${noiseUrl}/approve`, headers: police.headers, payload: {} })).statusCode, 403)
  t.equal((await app.inject({ url: '/api/premises/999999/noise-plan', headers: officer.headers })).statusCode, 404)
  t.equal((await app.inject({ url: noiseUrl })).statusCode, 401)
})

t.test('an officer returns a plan with comments per section and approves the fixed version', async t => {
  const policy = await submitPlan(app, manager.headers, premises.id, 'dispersal_policy')
  const returned = await app.inject({ method: 'POST', url: `${dispersalUrl}/return`, headers: officer.headers, payload: { comments: { transport: 'Name the taxi operator.' } } })
  t.equal(returned.statusCode, 200)
  t.match(returned.json(), { version: policy.version, status: 'returned', current: false, reviewComments: { transport: 'Name the taxi operator.' }, reviewedBy: officer.id })
  t.equal((await app.inject({ url: dispersalUrl, headers: manager.headers })).statusCode, 404, 'a returned version is not current')
  t.equal((await app.inject({ method: 'POST', url: `${dispersalUrl}/approve`, headers: officer.headers, payload: {} })).statusCode, 409, 'nothing waits for review')
  const emptyComment = await app.inject({ method: 'POST', url: `${dispersalUrl}/return`, headers: officer.headers, payload: { comments: { transport: ' ' } } })
  t.equal(emptyComment.statusCode, 400)

  const notices = await app.inject({ url: '/api/notifications', headers: manager.headers })
  t.ok(notices.json().items.some((n: { title: string }) => /returned/.test(n.title)), 'the manager is told')

  await app.inject({ method: 'PUT', url: dispersalUrl, headers: manager.headers, payload: { sections: fullSections('dispersal_policy', 'Fixed'), fields: { taxiOperator: 'City Cars 020 7946 0001' } } })
  const approved = await app.inject({ method: 'POST', url: `${dispersalUrl}/approve`, headers: officer.headers, payload: {} })
  t.equal(approved.statusCode, 200)
  t.match(approved.json(), { version: 2, status: 'approved', current: true })
  t.equal(approved.json().reviewDue, '2027-07-01', 'review due one year after the local today (1 July 2026) by default')
  const audit = await app.db.selectFrom('auditLog').select('action').where('entity', '=', 'plan_document').execute()
  t.ok(['plan.submit', 'plan.save_draft', 'plan.return', 'plan.approve'].every(a => audit.some(r => r.action === a)), 'every write is audited')
})

t.test('a new submission stays current while the approved one waits; approval supersedes it', async t => {
  const p = await createPremises(app.db)
  const m = await login(app, 'manager', { premisesIds: [p.id] })
  const url = `/api/premises/${p.id}/noise-plan`
  await submitPlan(app, m.headers, p.id, 'noise_management_plan', 'One')
  await app.inject({ method: 'POST', url: `${url}/approve`, headers: officer.headers, payload: { reviewDue: '2099-01-31' } })
  await submitPlan(app, m.headers, p.id, 'noise_management_plan', 'Two')
  await app.inject({ method: 'POST', url: `${url}/return`, headers: officer.headers, payload: { comments: { general: 'Not yet.' } } })
  const current = await app.inject({ url, headers: m.headers })
  t.match(current.json(), { version: 1, status: 'approved', reviewDue: '2099-01-31' }, 'the approved version stays in force after a return')
  await submitPlan(app, m.headers, p.id, 'noise_management_plan', 'Three')
  await app.inject({ method: 'POST', url: `${url}/approve`, headers: officer.headers, payload: { version: 3 } })
  const v1 = await app.inject({ url: `${url}/versions/1`, headers: m.headers })
  t.equal(v1.json().status, 'superseded')
  const past = await app.inject({ method: 'POST', url: `${url}/approve`, headers: officer.headers, payload: { reviewDue: '2001-01-01' } })
  t.equal(past.statusCode, 400)
  t.equal(past.json().field, 'reviewDue')
})

t.test('the review queue lists submitted plans oldest first, for officers only', async t => {
  const res = await app.inject({ url: '/api/plans/queue', headers: officer.headers })
  t.equal(res.statusCode, 200)
  const plans = res.json().items.filter((i: { type: string }) => i.type === 'plan')
  t.ok(plans.some((i: { premisesId: number; version: number }) => i.premisesId === premises.id && i.version === 3), 'the waiting noise plan is listed')
  const times = res.json().items.map((i: { since: string }) => Date.parse(i.since))
  t.same(times, [...times].sort((a, b) => a - b), 'oldest first')
  t.equal((await app.inject({ url: '/api/plans/queue', headers: manager.headers })).statusCode, 403)
})

t.test('the daily job reminds before the review date and marks overdue plans once', async t => {
  const p = await createPremises(app.db)
  const m = await login(app, 'manager', { premisesIds: [p.id] })
  await submitPlan(app, m.headers, p.id, 'noise_management_plan')
  await submitPlan(app, m.headers, p.id, 'dispersal_policy')
  await app.inject({ method: 'POST', url: `/api/premises/${p.id}/noise-plan/approve`, headers: officer.headers, payload: { reviewDue: '2030-03-20' } })
  await app.inject({ method: 'POST', url: `/api/premises/${p.id}/dispersal-policy/approve`, headers: officer.headers, payload: { reviewDue: '2030-05-01' } })

  const early = await runPlanReviewReminders(app.db, '2030-01-01')
  t.equal(early.reminded, 0, 'nothing is due within 30 days yet')
  const soon = await runPlanReviewReminders(app.db, '2030-03-01')
  t.equal(soon.reminded, 1, 'the noise plan review is 19 days away')
  t.equal((await runPlanReviewReminders(app.db, '2030-03-02')).reminded, 0, 'the same reminder is not sent twice')
  const titles = (await app.inject({ url: '/api/notifications', headers: m.headers })).json().items.map((n: { title: string }) => n.title)
  t.ok(titles.some((title: string) => /due for review by 2030-03-20/.test(title)))

  const late = await runPlanReviewReminders(app.db, '2030-03-21')
  t.ok(late.markedOverdue >= 1)
  const doc = await app.inject({ url: `/api/premises/${p.id}/noise-plan`, headers: m.headers })
  t.match(doc.json(), { overdueSince: '2030-03-21' })
  t.equal((await runPlanReviewReminders(app.db, '2030-03-22')).markedOverdue, 0, 'marked once')
  const overdue = await app.inject({ url: '/api/plans/overdue', headers: officer.headers })
  t.equal(overdue.statusCode, 200)
  t.notOk(overdue.json().items.some((i: { premisesId: number }) => i.premisesId === p.id), 'not overdue as of today (2026)')
  t.equal((await app.inject({ url: '/api/plans/overdue', headers: manager.headers })).statusCode, 403)
  const job = await app.jobs.runNow('plan-review-reminders')
  t.match(job, { ran: true, ok: true })
})

t.test('a failure inside the save transaction rolls back the new version', async t => {
  const p = await createPremises(app.db)
  await sql`create or replace function plans_test_fail() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(app.db)
  await sql`create trigger plans_test_fail before insert on audit_log for each row when (new.entity = 'plan_document') execute function plans_test_fail()`.execute(app.db)
  t.teardown(async () => { await sql`drop trigger if exists plans_test_fail on audit_log`.execute(app.db) })
  const res = await app.inject({ method: 'PUT', url: `/api/premises/${p.id}/noise-plan`, headers: officer.headers, payload: { sections: fullSections('noise_management_plan') } })
  t.equal(res.statusCode, 500)
  t.notMatch(res.body, /audit refused/, '5xx reveals nothing internal')
  const rows = await app.db.selectFrom('planDocuments').select('id').where('premisesId', '=', p.id).execute()
  t.equal(rows.length, 0, 'no version was written')
  const notices = await app.db.selectFrom('notifications').select('id').where('premisesId', '=', p.id).execute()
  t.equal(notices.length, 0, 'no notification was written')
})
