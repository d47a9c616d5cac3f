// API tests of licence applications: both plans required (422 codes), the exact plan versions
// recorded and kept, the 28-day representation period, status changes by role, and access.
import t from 'tap'
import { sql } from 'kysely'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { application, submitPlan } from './plan-fixtures.ts'

const app = await build(t)
const premises = await createPremises(app.db)
const other = await createPremises(app.db)
const manager = await login(app, 'manager', { premisesIds: [premises.id] })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const post = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'POST', url: '/api/licence-applications', headers, payload: payload as object })

t.test('POST /api/licence-applications refuses a premises without a noise management plan', async t => {
  const res = await post(manager.headers, application(premises.id))
  t.equal(res.statusCode, 422)
  t.equal(res.json().code, 'NOISE_PLAN_REQUIRED')
})

t.test('POST /api/licence-applications refuses a premises without a dispersal policy', async t => {
  await submitPlan(app, manager.headers, premises.id, 'noise_management_plan')
  await app.inject({ method: 'PUT', url: `/api/premises/${premises.id}/dispersal-policy`, headers: manager.headers, payload: { sections: { objectives: 'Draft only' }, draft: true } })
  const res = await post(manager.headers, application(premises.id))
  t.equal(res.statusCode, 422)
  t.equal(res.json().code, 'DISPERSAL_POLICY_REQUIRED', 'a draft does not count')
  const count = await app.db.selectFrom('licenceApplications').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  t.equal(Number(count.n), 0)
})

let applicationId = 0
t.test('an application records the submitted versions, computes the representation period, and keeps them after edits', async t => {
  const noise = await app.inject({ url: `/api/premises/${premises.id}/noise-plan`, headers: manager.headers })
  const policy = await submitPlan(app, manager.headers, premises.id, 'dispersal_policy')
  const res = await post(manager.headers, application(premises.id))
  t.equal(res.statusCode, 201)
  const body = res.json()
  applicationId = body.id
  t.match(body, {
    premisesId: premises.id, kind: 'new', status: 'received', applicantName: 'Test Holdings Ltd',
    consultationStartDate: '2026-01-05', representationPeriodEnds: '2026-02-02',
    noisePlan: { id: noise.json().id, version: noise.json().version },
    dispersalPolicy: { id: policy.id, version: policy.version },
    operatingSchedule: { protection_of_children: 'Challenge 25.' }
  })

  const edited = await submitPlan(app, manager.headers, premises.id, 'noise_management_plan', 'Edited')
  t.ok(edited.version > body.noisePlan.version)
  const again = await app.inject({ url: `/api/licence-applications/${applicationId}`, headers: officer.headers })
  t.equal(again.statusCode, 200)
  t.same(again.json().noisePlan.id, body.noisePlan.id, 'still the version it was submitted with')
  t.equal(again.json().noisePlan.version, body.noisePlan.version)
  const version = await app.inject({ url: `/api/premises/${premises.id}/noise-plan/versions/${body.noisePlan.version}`, headers: officer.headers })
  t.equal(version.json().sections.monitoring, 'Text for Monitoring.', 'and that version is intact')
})

t.test('validation names the field; other venues and police are refused', async t => {
  const { operatingSchedule, ...rest } = application(premises.id)
  const missing = await post(manager.headers, { ...rest, operatingSchedule: { ...operatingSchedule, public_safety: undefined } })
  t.equal(missing.statusCode, 400)
  t.match(missing.json().message, /public safety/, 'the objective is named in words')
  const unknown = await post(manager.headers, { ...application(premises.id), fee: 100 })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().message, /fee/)
  const badDate = await post(manager.headers, { ...application(premises.id), consultationStartDate: '5 Jan' })
  t.equal(badDate.statusCode, 400)
  t.equal((await post(manager.headers, application(other.id))).statusCode, 403)
  t.equal((await post(police.headers, application(premises.id))).statusCode, 403)
  t.equal((await post(officer.headers, application(999999))).statusCode, 404)
  t.equal((await post({}, application(premises.id))).statusCode, 401)
  const otherManager = await login(app, 'manager', { premisesIds: [other.id] })
  t.equal((await app.inject({ url: `/api/licence-applications/${applicationId}`, headers: otherManager.headers })).statusCode, 403)
  const list = await app.inject({ url: '/api/licence-applications', headers: otherManager.headers })
  t.equal(list.json().total, 0, 'a manager lists only its own premises')
  t.equal((await app.inject({ url: '/api/licence-applications/999999', headers: officer.headers })).statusCode, 404)
})

t.test('officers move an application to a decision; the applicant may only withdraw', async t => {
  const url = `/api/licence-applications/${applicationId}/status`
  t.equal((await app.inject({ method: 'POST', url, headers: manager.headers, payload: { status: 'granted' } })).statusCode, 403)
  const consult = await app.inject({ method: 'POST', url, headers: officer.headers, payload: { status: 'under_consultation' } })
  t.equal(consult.json().status, 'under_consultation')
  const queue = await app.inject({ url: '/api/plans/queue', headers: officer.headers })
  t.ok(queue.json().items.some((i: { type: string; id: number }) => i.type === 'licence_application' && i.id === applicationId), 'open applications are in the queue')
  const granted = await app.inject({ method: 'POST', url, headers: officer.headers, payload: { status: 'granted', note: 'Granted with conditions.' } })
  t.match(granted.json(), { status: 'granted', decidedBy: officer.id, decisionNote: 'Granted with conditions.' })
  const again = await app.inject({ method: 'POST', url, headers: manager.headers, payload: { status: 'withdrawn' } })
  t.equal(again.statusCode, 409, 'a decided application cannot be withdrawn')

  const second = (await post(manager.headers, { ...application(premises.id), kind: 'variation' })).json()
  const withdrawn = await app.inject({ method: 'POST', url: `/api/licence-applications/${second.id}/status`, headers: manager.headers, payload: { status: 'withdrawn' } })
  t.equal(withdrawn.json().status, 'withdrawn')
  const list = await app.inject({ url: '/api/licence-applications', query: { premisesId: String(premises.id) }, headers: manager.headers })
  t.equal(list.json().total, 2)
  const audit = await app.db.selectFrom('auditLog').select('action').where('entity', '=', 'licence_application').execute()
  t.ok(audit.some(a => a.action === 'licence_application.granted') && audit.some(a => a.action === 'licence_application.withdrawn'))
})

t.test('a failure inside the submission transaction leaves no application', async t => {
  await sql`create or replace function plans_test_fail() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$`.execute(app.db)
  await sql`create trigger plans_test_fail before insert on notifications for each row when (new.kind = 'licence_application_received') execute function plans_test_fail()`.execute(app.db)
  t.teardown(async () => { await sql`drop trigger if exists plans_test_fail on notifications`.execute(app.db) })
  const before = await app.db.selectFrom('licenceApplications').select('id').execute()
  const res = await post(officer.headers, application(premises.id))
  t.equal(res.statusCode, 500)
  const after = await app.db.selectFrom('licenceApplications').select('id').execute()
  t.equal(after.length, before.length, 'nothing was written')
  const audit = await app.db.selectFrom('auditLog').select('id').where('action', '=', 'licence_application.submit').execute()
  t.equal(audit.length, 2, 'no audit entry either')
})
