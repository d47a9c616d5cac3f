// The scheme around the applications: criteria versions, evidence files, progress and exports,
// the levy list and public awards, and the yearly cycle jobs.
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { currentAwards } from '../../server/safety-thirst/safety-thirst.public.ts'
import { expireAwards, remindOverdueAssessments, remindVenues } from '../../server/safety-thirst/cycle.service.ts'
import { addDays } from '../../shared/dates.ts'

const app = await build(t)
const officer = await login(app, 'officer')
const admin = await login(app, 'admin')
const police = await login(app, 'police')
// The scheme's year and "today" as the app's clock gives them (records are stamped with the real
// time, so the clock is the real one here), never a second reading of the wall clock in the test.
const year = app.clock.year()
const url = (id: number, tail = '') => `/api/safety-thirst/applications/${id}${tail}`

function multipart (filename: string, type: string, content: Buffer, field = 'file') {
  const boundary = '----nightsafe' + Math.random().toString(16).slice(2)
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`)
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Takes an application through to a decision with all criteria met except those listed. */
async function decided (premisesId: number, options: { year?: number; notMet?: string[] } = {}) {
  const created = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId, year: options.year ?? year } })
  const detail = created.json()
  const codes = detail.criteriaSet.criteria.map((c: { code: string }) => c.code) as string[]
  await app.inject({ method: 'PUT', url: url(detail.id, '/self-assessment'), headers: officer.headers, payload: { answers: codes.map(code => ({ criterionCode: code, answer: 'yes' })) } })
  await app.inject({ method: 'POST', url: url(detail.id, '/submit'), headers: officer.headers })
  await app.inject({ method: 'PUT', url: url(detail.id, '/assessment'), headers: officer.headers, payload: { results: codes.map(code => ({ criterionCode: code, result: options.notMet?.includes(code) ? 'not_met' : 'met' })) } })
  await app.inject({ method: 'POST', url: url(detail.id, '/moderation'), headers: admin.headers, payload: { confirm: true } })
  const res = await app.inject({ method: 'POST', url: url(detail.id, '/decision'), headers: officer.headers })
  if (res.statusCode !== 200) throw new Error(res.body)
  return { id: detail.id as number, ...res.json() }
}

t.test('an admin drafts, edits and publishes a criteria version; older applications keep theirs', async t => {
  const premises = await createPremises(app.db)
  const before = (await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: premises.id } })).json()
  t.equal((await app.inject({ method: 'POST', url: '/api/safety-thirst/criteria-sets', headers: officer.headers, payload: { version: '2027-1' } })).statusCode, 403, 'officers cannot draft')
  const draft = await app.inject({ method: 'POST', url: '/api/safety-thirst/criteria-sets', headers: admin.headers, payload: { version: '2027-1' } })
  t.equal(draft.statusCode, 201)
  const setId = draft.json().id
  t.equal(draft.json().status, 'draft')
  t.equal(draft.json().criteria.length, 35, 'copied from the current set')
  t.equal((await app.inject({ method: 'POST', url: '/api/safety-thirst/criteria-sets', headers: admin.headers, payload: { version: '2027-2' } })).statusCode, 409, 'one draft at a time')

  const added = await app.inject({ method: 'POST', url: `/api/safety-thirst/criteria-sets/${setId}/criteria`, headers: admin.headers, payload: { code: 'SP3', category: 'SP', level: 'essential', text: 'Staff are trained to recognise drink spiking.', evidence: 'Training records.' } })
  t.equal(added.statusCode, 201)
  const badCategory = await app.inject({ method: 'POST', url: `/api/safety-thirst/criteria-sets/${setId}/criteria`, headers: admin.headers, payload: { code: 'ZZ1', category: 'ZZ', level: 'bonus', text: 'x' } })
  t.equal(badCategory.statusCode, 400)
  t.equal(badCategory.json().field, 'category')
  const retired = await app.inject({ method: 'PATCH', url: `/api/safety-thirst/criteria-sets/${setId}/criteria/CD9`, headers: admin.headers, payload: { retired: true, text: 'Incident map (retired)' } })
  t.equal(retired.statusCode, 200)
  t.equal((await app.inject({ method: 'PATCH', url: `/api/safety-thirst/criteria-sets/${setId}/criteria/QQ1`, headers: admin.headers, payload: { retired: true } })).statusCode, 404)
  const rules = await app.inject({ method: 'PATCH', url: `/api/safety-thirst/criteria-sets/${setId}`, headers: admin.headers, payload: { rules: { commendedDesiredPct: 60, highlyCommendedBonus: 3 } } })
  t.same(rules.json().rules, { commendedDesiredPct: 60, highlyCommendedDesiredPct: 75, highlyCommendedBonus: 3 })
  const inverted = await app.inject({ method: 'PATCH', url: `/api/safety-thirst/criteria-sets/${setId}`, headers: admin.headers, payload: { rules: { highlyCommendedDesiredPct: 40 } } })
  t.equal(inverted.statusCode, 400)

  t.equal((await app.inject({ method: 'POST', url: `/api/safety-thirst/criteria-sets/${setId}/publish`, headers: admin.headers })).json().status, 'published')
  const current = (await app.inject({ method: 'GET', url: '/api/safety-thirst/criteria', headers: officer.headers })).json()
  t.equal(current.version, '2027-1')
  t.ok(current.criteria.some((c: { code: string }) => c.code === 'SP3'))
  t.notOk(current.criteria.some((c: { code: string }) => c.code === 'CD9'), 'retired criteria are not in the current set')
  t.equal((await app.inject({ method: 'PATCH', url: `/api/safety-thirst/criteria-sets/${setId}`, headers: admin.headers, payload: { version: 'x' } })).statusCode, 409, 'a published set is frozen')

  const old = (await app.inject({ method: 'GET', url: url(before.id), headers: officer.headers })).json()
  t.equal(old.criteriaVersion, '2026-1', 'the earlier application keeps its version')
  t.notOk(old.criteriaSet.criteria.some((c: { code: string }) => c.code === 'SP3'))
  const sets = (await app.inject({ method: 'GET', url: '/api/safety-thirst/criteria-sets', headers: officer.headers })).json()
  t.same(sets.items.map((s: { status: string }) => s.status), ['published', 'superseded'])
})

t.test('evidence files: whitelisted types by content, stored in the database, never served to another venue', async t => {
  const premises = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  const stranger = await login(app, 'manager', { premisesIds: [(await createPremises(app.db)).id] })
  const application = (await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: manager.headers, payload: { premisesId: premises.id } })).json()
  const pdf = Buffer.from('%PDF-1.4\n% test evidence\n')
  const upload = multipart('review.pdf', 'application/pdf', pdf)
  const res = await app.inject({ method: 'POST', url: url(application.id, '/evidence?criterionCode=CD1'), headers: { ...manager.headers, ...upload.headers }, payload: upload.payload })
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.json().mimeType, 'application/pdf')
  t.equal(res.json().criterionCode, 'CD1')
  const fileId = res.json().id

  const png = multipart('photo.jpg', 'image/jpeg', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))
  t.equal((await app.inject({ method: 'POST', url: url(application.id, '/evidence'), headers: { ...manager.headers, ...png.headers }, payload: png.payload })).json().mimeType, 'image/png', 'the type comes from the bytes')
  const exe = multipart('evil.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 not a pdf'))
  const refused = await app.inject({ method: 'POST', url: url(application.id, '/evidence'), headers: { ...manager.headers, ...exe.headers }, payload: exe.payload })
  t.equal(refused.statusCode, 415)
  t.equal(refused.json().code, 'UNSUPPORTED_FILE_TYPE')
  const wrongField = multipart('a.txt', 'text/plain', Buffer.from('hello'), 'attachment')
  t.equal((await app.inject({ method: 'POST', url: url(application.id, '/evidence'), headers: { ...manager.headers, ...wrongField.headers }, payload: wrongField.payload })).json().field, 'file')
  const strangerUpload = multipart('a.txt', 'text/plain', Buffer.from('hello'))
  t.equal((await app.inject({ method: 'POST', url: url(application.id, '/evidence'), headers: { ...stranger.headers, ...strangerUpload.headers }, payload: strangerUpload.payload })).statusCode, 403)

  const got = await app.inject({ method: 'GET', url: url(application.id, `/evidence/${fileId}`), headers: manager.headers })
  t.equal(got.statusCode, 200)
  t.equal(got.headers['content-type'], 'application/pdf')
  t.same(got.rawPayload, pdf, 'the same bytes come back')
  t.equal((await app.inject({ method: 'GET', url: url(application.id, `/evidence/${fileId}`), headers: police.headers })).statusCode, 200, 'police may read')
  t.equal((await app.inject({ method: 'GET', url: url(application.id, `/evidence/${fileId}`), headers: stranger.headers })).statusCode, 403, 'another venue may not')
  t.equal((await app.inject({ method: 'GET', url: url(application.id, '/evidence/999999'), headers: officer.headers })).statusCode, 404)
  const detail = (await app.inject({ method: 'GET', url: url(application.id), headers: manager.headers })).json()
  t.equal(detail.evidenceFiles.length, 2)
  t.notOk('content' in detail.evidenceFiles[0], 'metadata only')
})

t.test('an upload over the size limit is refused', async t => {
  const small = await build(t, { config: { uploadMaxBytes: 1024 } })
  const o = await login(small, 'officer')
  const premises = await createPremises(small.db)
  const application = (await small.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: o.headers, payload: { premisesId: premises.id } })).json()
  const big = multipart('big.txt', 'text/plain', Buffer.alloc(4096, 'a'))
  const res = await small.inject({ method: 'POST', url: url(application.id, '/evidence'), headers: { ...o.headers, ...big.headers }, payload: big.payload })
  t.equal(res.statusCode, 413)
  t.equal((await small.db.selectFrom('stEvidenceFiles').select('id').execute()).length, 0)
})

t.test('progress, venues not taking part, CSV export, levy list and public awards', async t => {
  const venues = await Promise.all([1, 2, 3, 4].map(() => createPremises(app.db)))
  const pass = await decided(venues[0].id, { notMet: ['CD6', 'CD7', 'CD8', 'PS3', 'PS4', 'PS5', 'PN4', 'CH2'] })
  t.equal(pass.tier, 'pass')
  const failed = await decided(venues[1].id, { notMet: ['CD1'] })
  t.equal(failed.tier, 'not_accredited')
  const lastYear = await decided(venues[2].id, { year: year - 1 })
  t.equal(lastYear.validUntil, `${year - 1}-12-31`)

  const progress = await app.inject({ method: 'GET', url: `/api/safety-thirst/progress?year=${year}`, headers: police.headers })
  t.equal(progress.statusCode, 200)
  const body = progress.json()
  t.equal(body.year, year)
  t.equal(body.target, 80)
  t.ok(body.accredited >= 1)
  t.ok(body.byTier.not_accredited >= 1)
  t.ok(body.byStatus.decided >= 2)
  t.equal((await app.inject({ method: 'GET', url: '/api/safety-thirst/progress', headers: (await login(app, 'manager')).headers })).statusCode, 403)
  t.equal((await app.inject({ method: 'PUT', url: '/api/safety-thirst/settings', headers: admin.headers, payload: { target: 90 } })).json().target, 90)
  t.equal((await app.inject({ method: 'GET', url: `/api/safety-thirst/progress?year=${year}`, headers: officer.headers })).json().target, 90)

  const absent = (await app.inject({ method: 'GET', url: `/api/safety-thirst/progress/not-taking-part?year=${year}`, headers: officer.headers })).json()
  const absentIds = absent.items.map((i: { premisesId: number }) => i.premisesId)
  t.ok(absentIds.includes(venues[3].id))
  t.notOk(absentIds.includes(venues[0].id))

  const csv = await app.inject({ method: 'GET', url: `/api/safety-thirst/progress/export.csv?year=${year}`, headers: officer.headers })
  t.match(csv.headers['content-type'], /text\/csv/)
  t.match(csv.body, /^premises_id,name,/)
  t.match(csv.body, new RegExp(`,${venues[0].name},.*,Pass,`))
  t.match(csv.body, new RegExp(`,${venues[3].name},.*,no,`))

  const levy = (await app.inject({ method: 'GET', url: '/api/safety-thirst/levy-reductions', headers: officer.headers })).json()
  const levyIds = levy.items.map((i: { premisesId: number }) => i.premisesId)
  t.ok(levyIds.includes(venues[0].id), 'accredited venue gets the reduction')
  t.notOk(levyIds.includes(venues[1].id), 'not accredited does not')
  t.notOk(levyIds.includes(venues[2].id), 'last year\'s certificate has run out')
  t.match((await app.inject({ method: 'GET', url: '/api/safety-thirst/levy-reductions?format=csv', headers: officer.headers })).body, /,30%\r\n/)

  const awards = await currentAwards(app.db, venues.map(v => v.id), app.clock.today())
  t.same(awards.get(venues[0].id), { tier: 'pass', validUntil: `${year}-12-31` })
  t.notOk(awards.has(venues[1].id))
  t.notOk(awards.has(venues[2].id))
  const register = await app.inject({ method: 'GET', url: `/api/premises/${venues[0].id}`, headers: officer.headers })
  t.same(register.json().safetyThirst, { tier: 'pass', validUntil: `${year}-12-31` }, 'the premises register shows the current award')
  const publicRegister = await app.inject({ method: 'GET', url: `/api/public/premises?q=${encodeURIComponent(venues[0].name)}` })
  t.same(publicRegister.json().items.find((i: { id: number }) => i.id === venues[0].id)?.safetyThirst, { tier: 'pass', validUntil: `${year}-12-31` }, 'so does the public register')
})

t.test('cycle jobs: expiry, March reminders and overdue assessments, each without duplicates', async t => {
  const venue = await createPremises(app.db)
  const old = await decided(venue.id, { year: year - 1 })
  const first = await expireAwards(app.db, app.clock.today())
  t.ok(first.expired >= 1)
  const row = await app.db.selectFrom('stApplications').select('status').where('id', '=', old.id).executeTakeFirstOrThrow()
  t.equal(row.status, 'expired')
  t.equal((await expireAwards(app.db, app.clock.today())).expired, 0, 'running again expires nothing more')
  t.equal((await app.inject({ method: 'GET', url: url(old.id, '/certificate'), headers: officer.headers })).statusCode, 200, 'an expired certificate can still be shown')

  const managed = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [managed.id] })
  const draftVenue = await createPremises(app.db)
  const draftManager = await login(app, 'manager', { premisesIds: [draftVenue.id] })
  await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: draftManager.headers, payload: { premisesId: draftVenue.id } })
  const march = `${year}-03-02`
  const sent = await remindVenues(app.db, march)
  t.ok(sent.invited >= 1 && sent.reminded >= 1)
  t.same(await remindVenues(app.db, march), { invited: 0, reminded: 0 }, 'dedupe keys stop repeats')
  const inbox = (await app.inject({ method: 'GET', url: '/api/notifications', headers: manager.headers })).json()
  t.ok(inbox.items.some((n: { title: string }) => n.title.includes(`Apply for Safety Thirst ${year}`)))
  const draftInbox = (await app.inject({ method: 'GET', url: '/api/notifications', headers: draftManager.headers })).json()
  t.ok(draftInbox.items.some((n: { title: string }) => n.title.startsWith('Finish your Safety Thirst')))
  t.notOk(draftInbox.items.some((n: { title: string }) => n.title.startsWith('Apply for')), 'a venue with a draft is not invited again')

  const late = await createPremises(app.db)
  const lateApp = (await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: late.id } })).json()
  const codes = lateApp.criteriaSet.criteria.map((c: { code: string }) => c.code) as string[]
  await app.inject({ method: 'PUT', url: url(lateApp.id, '/self-assessment'), headers: officer.headers, payload: { answers: codes.map(code => ({ criterionCode: code, answer: 'yes' })) } })
  await app.inject({ method: 'POST', url: url(lateApp.id, '/submit'), headers: officer.headers })
  const soon = await remindOverdueAssessments(app.db, app.clock.today())
  t.equal(soon.sent, 0, 'not overdue on the day of submission')
  const later = addDays(app.clock.today(), 30)
  t.ok((await remindOverdueAssessments(app.db, later)).sent >= 1)
  t.equal((await remindOverdueAssessments(app.db, later)).sent, 0, 'once per application')
  const officerInbox = (await app.inject({ method: 'GET', url: '/api/notifications', headers: officer.headers })).json()
  t.ok(officerInbox.items.some((n: { title: string }) => n.title.startsWith('Safety Thirst assessment overdue')))
  t.ok(app.jobs.list().some(j => j.name === 'safety-thirst-expire'))
  const run = await app.jobs.runNow('safety-thirst-expire')
  t.same(run.ran && run.ok, true)
})
