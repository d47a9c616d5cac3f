// "Today" for licensing cases, residents' concerns and the administrator (GET /api/me/work), on a
// real database: each kind of work appears for the roles it is for, with the deadline the case
// page or the service standard gives, turns overdue after it, and goes when the work is done.
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { applicationCase, movableClock, representation } from '../casework/case-fixtures.ts'
import { confirmedConcern } from '../concerns/fixtures.ts'

interface Item { kind: string; title: string; premisesId?: number; dueOn?: string; overdue: boolean; link: string }
type Who = { headers: Record<string, string> }

function workOf (app: Awaited<ReturnType<typeof build>>) {
  return async (who: Who, kind: string): Promise<Item[]> => {
    const res = await app.inject({ url: '/api/me/work', headers: who.headers })
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
    return (res.json().items as Item[]).filter(i => i.kind === kind)
  }
}

t.test('a licensing case is work for the authorities, then officers, then the venue at its hearing', async t => {
  const clock = movableClock('2026-11-02')
  const app = await build(t, { config: { now: clock.now } })
  const ofKind = workOf(app)
  const officer = await login(app, 'officer')
  const police = await login(app, 'police')
  const eho = await login(app, 'authority', { organisation: 'environmental_health' })
  const { premises, manager, applicationId, caseId } = await applicationCase(app, '2026-11-02')
  const otherManager = await login(app, 'manager', { premisesIds: [(await createPremises(app.db)).id] })
  const link = `/cases/${caseId}`
  const deadline = async (key: string) => ((await app.inject({ url: `/api/cases/${caseId}`, headers: officer.headers })).json().deadlines as { key: string; date: string }[]).find(d => d.key === key)?.date

  clock.set('2026-11-10')
  for (const who of [police, eho]) t.match(await ofKind(who, 'case_representation_window'), [{ premisesId: premises.id, dueOn: '2026-11-30', overdue: false, link }], 'each authority may make a representation until the period ends')
  t.same(await ofKind(officer, 'case_assess'), [], 'nothing for officers while the period runs')
  const made = await app.inject({ method: 'POST', url: `/api/licence-applications/${applicationId}/representations`, headers: eho.headers, payload: representation() })
  t.equal(made.statusCode, 201, made.body)
  t.same(await ofKind(eho, 'case_representation_window'), [], 'represented: no longer work for environmental health')
  t.equal((await ofKind(police, 'case_representation_window')).length, 1, 'still work for the police')

  clock.set('2026-12-01')
  t.same(await ofKind(police, 'case_representation_window'), [], 'the period has ended')
  // The hearing window ends on 30 December; ten working days' notice before it, counting back
  // over Christmas Day and the Boxing Day substitute (Monday 28th), is 14 December.
  const noticeBy = '2026-12-14'
  t.match(await ofKind(officer, 'case_assess'), [{ premisesId: premises.id, dueOn: noticeBy, overdue: false, link, title: /Assess 1 representation on case/ }], 'assess in time to give notice of a hearing')
  const repId = made.json().id
  t.equal((await app.inject({ method: 'POST', url: `/api/representations/${repId}/assessment`, headers: officer.headers, payload: { relevance: 'relevant', reason: 'Public nuisance, with evidence.' } })).statusCode, 200)
  t.same(await ofKind(officer, 'case_assess'), [], 'assessed')
  t.equal(await deadline('hearing_notice_by'), noticeBy, 'the case page gives the same last day for notice')
  t.match(await ofKind(officer, 'case_hearing_to_schedule'), [{ dueOn: noticeBy, overdue: false, link }], 'a relevant representation: a hearing to schedule by the same day')

  clock.set('2026-12-17')
  t.match(await ofKind(officer, 'case_hearing_to_schedule'), [{ overdue: true }], 'past the last day for notice, it is overdue')
  clock.set('2026-12-01')
  const scheduled = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/hearing`, headers: officer.headers, payload: { date: '2026-12-16', time: '10:00', place: 'Committee Room 1, Guildhall' } })
  t.equal(scheduled.statusCode, 200, scheduled.body)
  t.same(await ofKind(officer, 'case_hearing_to_schedule'), [], 'scheduled')
  for (const who of [officer, manager]) t.match(await ofKind(who, 'case_hearing'), [{ premisesId: premises.id, dueOn: '2026-12-16', link, title: /10:00, Committee Room 1/ }], 'the hearing, for officers and the venue')
  t.same(await ofKind(otherManager, 'case_hearing'), [], 'not for another venue')

  clock.set('2026-12-16T15:00:00Z')
  t.match(await ofKind(officer, 'case_decision'), [{ dueOn: '2026-12-22', overdue: false, link }], 'the decision within five working days beginning with the hearing day')
  t.same(await ofKind(manager, 'case_hearing'), [], 'the hearing has been held')
  const decided = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/decision`, headers: officer.headers, payload: { outcome: 'grant', reasons: 'Granted as applied for: the plan answers the concern.' } })
  t.equal(decided.statusCode, 201, decided.body)
  t.same(await ofKind(officer, 'case_decision'), [], 'decided: gone')
})

t.test('a confirmed concern is officers\' work until someone answers the reporter', async t => {
  const clock = movableClock('2025-12-06')
  const app = await build(t, { config: { now: clock.now, concernRateLimit: 1000 } })
  const ofKind = workOf(app)
  const officer = await login(app, 'officer')
  const admin = await login(app, 'admin')
  const police = await login(app, 'police')
  const venue = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [venue.id] })

  const concern = await confirmedConcern(app)
  const expected = { dueOn: '2025-12-12', overdue: false, link: `/concerns/${concern.id}` }
  t.match(await ofKind(officer, 'concern_to_triage'), [{ ...expected, title: new RegExp(`Triage and answer ${concern.reference}`) }], 'confirmed on Saturday: a first answer due by the fifth working day')
  t.match(await ofKind(admin, 'concern_to_triage'), [expected])
  t.same(await ofKind(police, 'concern_to_triage'), [], 'not police work')
  t.same(await ofKind(manager, 'concern_to_triage'), [], 'never the venue\'s')

  const triaged = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/triage`, headers: officer.headers, payload: { premisesId: venue.id } })
  t.equal(triaged.statusCode, 200, triaged.body)
  t.match(await ofKind(officer, 'concern_to_triage'), [{ premisesId: venue.id, title: new RegExp(venue.name) }], 'attached to a venue, not yet answered')
  t.same(await ofKind(manager, 'concern_to_triage'), [], 'still not the venue\'s')

  clock.set('2025-12-15')
  t.match(await ofKind(officer, 'concern_to_triage'), [{ overdue: true }], 'overdue after the fifth working day')
  const answered = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/updates`, headers: officer.headers, payload: { publicText: 'We have written to the venue about its music.' } })
  t.equal(answered.statusCode, 200, answered.body)
  t.same(await ofKind(officer, 'concern_to_triage'), [], 'answered: gone')

  const abusive = await confirmedConcern(app)
  t.equal((await ofKind(officer, 'concern_to_triage')).length, 1)
  t.equal((await app.inject({ method: 'POST', url: `/api/concerns/${abusive.id}/abusive`, headers: officer.headers, payload: { note: 'Threatening language about the staff.' } })).statusCode, 200)
  t.same(await ofKind(officer, 'concern_to_triage'), [], 'marked abusive (and so closed): not work')
})

t.test('administrators see invitations not yet accepted and jobs whose last run failed', async t => {
  const app = await build(t)
  const ofKind = workOf(app)
  const admin = await login(app, 'admin')
  const officer = await login(app, 'officer')

  const email = 'new.officer@council.example'
  t.equal((await app.inject({ method: 'POST', url: '/api/users/invitations', headers: admin.headers, payload: { email, name: 'Nia Newcomer', role: 'licensing_officer' } })).statusCode, 201)
  t.match(await ofKind(admin, 'invitation_pending'), [{ overdue: false, link: '/admin/users', title: new RegExp(`${email} has not yet accepted`) }])
  t.same(await ofKind(officer, 'invitation_pending'), [], 'administrators only')
  await app.db.updateTable('linkTokens').set({ expiresAt: new Date(Date.now() - 86400_000) }).where('email', '=', email).execute()
  t.match(await ofKind(admin, 'invitation_pending'), [{ overdue: true, title: /expired on .*Forgot your password/ }], 'an expired invitation says what to do')
  const { link } = await app.db.selectFrom('mailOutbox').select('link').where('toAddress', '=', email).where('kind', '=', 'invitation').executeTakeFirstOrThrow()
  await app.db.updateTable('linkTokens').set({ expiresAt: new Date(Date.now() + 86400_000) }).where('email', '=', email).execute()
  const token = /token=([A-Za-z0-9_-]+)/.exec(link ?? '')![1]
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'a long enough passphrase here' } })).statusCode, 200)
  t.same(await ofKind(admin, 'invitation_pending'), [], 'accepted: gone')

  const run = (name: string, ok: boolean, error: string | null) => app.db.insertInto('jobRuns').values({ name, instance: 'test', finishedAt: new Date(), ok, error }).execute()
  await run('police-uk-sync', true, null)
  await run('police-uk-sync', false, 'police.uk answered 503 three times')
  await run('flags-run', false, 'an old failure')
  await run('flags-run', true, null)
  t.match(await ofKind(admin, 'job_failed'), [{ link: '/admin/jobs', title: /"police-uk-sync" failed on .*: police.uk answered 503 three times/ }], 'only the job whose last run failed')
  t.same(await ofKind(officer, 'job_failed'), [], 'administrators only')
  await run('police-uk-sync', true, null)
  t.same(await ofKind(admin, 'job_failed'), [], 'a later run succeeded: gone')
})

t.test('officers assign the team\'s work to a colleague, who sees it in "mine"', async t => {
  const app = await build(t)
  const officer = await login(app, 'officer')
  const colleague = await login(app, 'officer')
  const admin = await login(app, 'admin')
  const police = await login(app, 'police')
  const venue = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [venue.id] })
  const list = async (who: Who, view?: string) => {
    const res = await app.inject({ url: `/api/me/work${view ? `?view=${view}` : ''}`, headers: who.headers })
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
    return res.json().items as (Item & { key: string; assignee?: string; assigneeId?: number })[]
  }
  const assign = (who: Who, body: object) => app.inject({ method: 'PUT', url: '/api/me/work/assignment', headers: who.headers, payload: body })
  await confirmedConcern(app)
  const [item] = await list(officer)
  t.ok(item?.key, 'each item has a key to assign it by')

  const people = await app.inject({ url: '/api/me/work/assignees', headers: officer.headers })
  t.equal(people.statusCode, 200)
  const colleagueId = colleague.id
  t.ok(people.json().assignees.some((a: { id: number }) => a.id === colleagueId), 'colleagues are offered')
  for (const who of [police, manager]) {
    t.equal((await app.inject({ url: '/api/me/work/assignees', headers: who.headers })).statusCode, 403, 'only officers see the list of officers')
    t.equal((await assign(who, { key: item!.key, assigneeId: colleagueId })).statusCode, 403, 'and only officers assign')
  }

  t.same(await list(colleague, 'mine'), [], 'nothing is the colleague\'s yet')
  const res = await assign(officer, { key: item!.key, assigneeId: colleagueId })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { key: item!.key, assignee: { id: colleagueId } })
  t.match(await list(colleague, 'mine'), [{ key: item!.key, assigneeId: colleagueId, assignee: String }], 'the colleague sees it in "mine"')
  t.same(await list(officer, 'mine'), [], 'not in the assigner\'s "mine"')
  t.match((await list(admin)).find(i => i.key === item!.key), { assigneeId: colleagueId }, 'the team view says who has it')
  const audit = await app.db.selectFrom('auditLog').select(['action', 'entityId']).where('entity', '=', 'work').execute()
  t.match(audit, [{ action: 'assign-work', entityId: item!.key }], 'audited')

  t.match((await assign(officer, { key: item!.key, assigneeId: 999999 })).json(), { statusCode: 400, field: 'assigneeId', message: /Choose an officer/ })
  const policeId = police.id
  t.match((await assign(officer, { key: item!.key, assigneeId: policeId })).json(), { statusCode: 400, field: 'assigneeId' }, 'work goes to officers only')
  t.match((await assign(officer, { key: 'concern_to_triage /concerns/424242', assigneeId: colleagueId })).json(), { statusCode: 404, message: /no longer waiting/ }, 'only work the team has now')
  t.match((await assign(officer, { key: item!.key })).json(), { statusCode: 400 }, 'say whom, or null')

  t.equal((await assign(colleague, { key: item!.key, assigneeId: null })).statusCode, 200, 'null takes it off')
  t.same(await list(colleague, 'mine'), [])
  t.notOk((await list(officer)).find(i => i.key === item!.key)?.assigneeId, 'back with the team')
  t.equal((await app.inject({ url: '/api/me/work?view=everyone', headers: officer.headers })).statusCode, 400, 'an unknown view is refused')
})
