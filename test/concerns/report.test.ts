// Reporting a concern without an account: nothing reaches officers until the emailed link is
// followed; then the report is on the queue, on the incidents map (source public) and the
// reporter can follow it by a second link. Spam and abuse: honeypot, limits, plain refusals.
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { NOW, confirmationToken, confirmedConcern, report } from './fixtures.ts'

const app = await build(t, { config: { now: () => NOW, concernRateLimit: 1000 } })
const officer = await login(app, 'officer')

t.test('a report waits for its email confirmation, then reaches the officers, the map and the reporter', async t => {
  const venue = await createPremises(app.db, { name: 'The Lantern' })
  const body = report({ premisesId: venue.id })
  const res = await app.inject({ method: 'POST', url: '/api/public/concerns', payload: body })
  t.equal(res.statusCode, 202)
  const { reference } = res.json()
  t.match(reference, /^NS-[A-Z0-9]{6}$/, 'a reference to quote')

  const queue = async () => (await app.inject({ url: '/api/concerns', headers: officer.headers })).json().items.map((c: { reference: string }) => c.reference)
  t.notOk((await queue()).includes(reference), 'officers do not see it before the link is followed')
  t.equal((await app.db.selectFrom('incidents').select('id').where('externalId', '=', reference).execute()).length, 0, 'nor is it an incident yet')
  const mail = await app.db.selectFrom('mailOutbox').selectAll().where('toAddress', '=', body.reporter.email).executeTakeFirstOrThrow()
  t.match(mail, { kind: 'concern_confirmation', subject: `Confirm your report ${reference} to Nightsafe`, linkSecret: true })
  t.match(mail.link, /^\/concerns\/confirm\?token=[A-Za-z0-9_-]{43}$/, 'the email carries a one-time link')
  t.match(mail.bodyText, 'at or near The Lantern')

  const token = await confirmationToken(app, body.reporter.email)
  const confirmed = await app.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token } })
  t.equal(confirmed.statusCode, 200)
  t.match(confirmed.json(), { reference, alreadyConfirmed: false, caseLink: new RegExp(`^/concerns/case/${reference}\\?key=`) })
  t.ok((await queue()).includes(reference), 'now it is on the officers\' queue')
  const again = await app.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token } })
  t.match(again.json(), { reference, alreadyConfirmed: true }, 'following the link again says it is confirmed')

  const incident = await app.db.selectFrom('incidents').selectAll().where('externalId', '=', reference).executeTakeFirstOrThrow()
  t.match(incident, { source: 'public', category: 'noise', premisesId: venue.id, attribution: 'linked', timePrecision: 'minute' }, 'an incident stands for it on the map and in the analyses')
  t.notMatch(incident.description ?? '', body.reporter.name, 'with no reporter detail')
  const listed = await app.inject({ url: `/api/incidents?source=public&from=2025-12-01&to=2025-12-31`, headers: officer.headers })
  t.ok(listed.json().items.some((i: { externalId: string }) => i.externalId === reference), 'officers find it among incidents with source public')

  const receipt = await app.db.selectFrom('mailOutbox').selectAll().where('toAddress', '=', body.reporter.email).where('kind', '=', 'concern_receipt').executeTakeFirstOrThrow()
  t.match(receipt.link, confirmed.json().caseLink, 'a receipt with the case link')
  const notice = await app.inject({ url: '/api/notifications', headers: officer.headers })
  t.ok(notice.json().items.some((n: { title: string }) => n.title.startsWith(`New concern ${reference}`)), 'officers are notified')

  const [path, key] = confirmed.json().caseLink.split('?key=')
  const page = await app.inject({ url: `/api${path.replace('/concerns/case/', '/public/concerns/')}?key=${key}` })
  t.equal(page.statusCode, 200)
  t.match(page.json(), { reference, status: 'received', premisesName: 'The Lantern', updates: [{ text: 'We have received your report.' }] })
  t.notMatch(page.body, body.reporter.email, 'the case page shows no email')
  t.notMatch(page.body, body.description.slice(0, 30), 'nor the words of the report')
  const wrongKey = await app.inject({ url: `/api/public/concerns/${reference}?key=${'A'.repeat(32)}` })
  t.equal(wrongKey.statusCode, 404, 'without the right key there is no case')
})

t.test('a report that repeats an earlier one by the same person links to that case', async t => {
  const venue = await createPremises(app.db, { name: 'The Repeat Arms' })
  const email = 'repeat@resident.example'
  const first = await confirmedConcern(app, { premisesId: venue.id, reporter: { email } })
  const second = await confirmedConcern(app, { premisesId: venue.id, reporter: { email } })
  const row = await app.db.selectFrom('concerns').select('repeatOf').where('id', '=', second.id).executeTakeFirstOrThrow()
  t.equal(row.repeatOf, first.id, 'the second report is linked to the first')
  const detail = await app.inject({ url: `/api/concerns/${second.id}`, headers: officer.headers })
  t.match(detail.json().repeatOf, { id: first.id, reference: first.reference })
  const earlier = await app.inject({ url: `/api/concerns/${first.id}`, headers: officer.headers })
  t.match(earlier.json().repeats, [{ id: second.id }], 'and the first case lists its repeat')
})

t.test('refusals say what to do, name the field, and store nothing', async t => {
  const before = (await app.db.selectFrom('concerns').select('id').execute()).length
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a bad email', report({ reporter: { email: 'not-an-email' } }), 'reporter.email', /Enter an email address like name@example\.com/],
    ['no place', report({ location: undefined }), 'premisesId', /Choose the venue, or put a pin on the map/],
    ['no time', report({ occurredAt: undefined }), 'when', /Say when it happens/],
    ['two times', report({ happeningNow: true }), 'when', /Choose one of/],
    ['a future time', report({ occurredAt: '2026-01-10T01:00:00Z' }), 'occurredAt', /must be in the past/],
    ['an empty description', report({ description: '   ' }), 'description', /Describe what you heard or saw/],
    ['a long description', report({ description: 'x'.repeat(5001) }), 'description', /5,000 characters or fewer/],
    ['an unknown venue', report({ premisesId: 999999, location: undefined }), 'premisesId', /Choose a venue from the list/],
    ['an unknown kind', report({ kind: 'gossip' }), 'kind', /Choose what the concern is about/],
    ['a pattern with no days', report({ occurredAt: undefined, pattern: { days: [], from: '23:00', to: '02:00' } }), 'pattern.days', /Choose the days/]
  ]
  for (const [what, payload, field, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/api/public/concerns', payload })
    t.equal(res.statusCode, 400, `${what}: 400`)
    t.match(res.json(), { field, message }, `${what}: names ${field} in plain words`)
  }
  t.equal((await app.db.selectFrom('concerns').select('id').execute()).length, before, 'nothing stored')
})

t.test('the honeypot: a form filled in by a program gets the usual answer and nothing is kept or sent', async t => {
  const mails = (await app.db.selectFrom('mailOutbox').select('id').execute()).length
  const res = await app.inject({ method: 'POST', url: '/api/public/concerns', payload: report({ website: 'http://spam.example' }) })
  t.equal(res.statusCode, 202)
  t.match(res.json().reference, /^NS-[A-Z0-9]{6}$/, 'it looks the same')
  t.notOk(await app.db.selectFrom('concerns').select('id').where('reference', '=', res.json().reference).executeTakeFirst(), 'nothing stored')
  t.equal((await app.db.selectFrom('mailOutbox').select('id').execute()).length, mails, 'no email sent')
})

t.test('confirmation links that are unknown or expired are refused in words', async t => {
  const unknown = await app.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token: 'x'.repeat(43) } })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json(), { code: 'CONFIRMATION_LINK_UNKNOWN', message: /Copy the whole link/ })
  const later = await build(t, { config: { now: () => new Date(NOW.getTime() + 4 * 86400_000) } })
  const body = report()
  await later.inject({ method: 'POST', url: '/api/public/concerns', payload: body })
  await later.db.updateTable('linkTokens').set({ expiresAt: new Date(NOW.getTime()) }).execute()
  const expired = await later.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token: await confirmationToken(later, body.reporter.email) } })
  t.equal(expired.statusCode, 410)
  t.match(expired.json(), { code: 'CONFIRMATION_LINK_EXPIRED', message: /Report the concern again/ })
})

t.test('one email address may send five reports in a day, then waits', async t => {
  const email = 'busy@resident.example'
  for (let i = 0; i < 5; i++) {
    t.equal((await app.inject({ method: 'POST', url: '/api/public/concerns', payload: report({ reporter: { email } }) })).statusCode, 202, `report ${i + 1}`)
  }
  const sixth = await app.inject({ method: 'POST', url: '/api/public/concerns', payload: report({ reporter: { email: ' Busy@Resident.example ' } }) })
  t.equal(sixth.statusCode, 429, 'the sixth, even with the email written differently, is refused')
  t.match(sixth.json(), { code: 'TOO_MANY_CONCERNS', message: /Wait \d+ minutes? and try again.*101/ })
  t.ok(Number(sixth.headers['retry-after']) > 0, 'with Retry-After')
})

t.test('one address may send CONCERN_RATE_LIMIT reports, then waits, whatever the emails', async t => {
  const strict = await build(t, { config: { now: () => NOW, concernRateLimit: 3 } })
  for (let i = 0; i < 3; i++) t.equal((await strict.inject({ method: 'POST', url: '/api/public/concerns', payload: report() })).statusCode, 202)
  const fourth = await strict.inject({ method: 'POST', url: '/api/public/concerns', payload: report() })
  t.equal(fourth.statusCode, 429)
})

t.test('a confirmation that fails part-way keeps nothing: the link still works and no one was told (rollback)', async t => {
  const venue = await createPremises(app.db, { name: 'The Rollback' })
  const body = report({ premisesId: venue.id, location: undefined })
  const { reference } = (await app.inject({ method: 'POST', url: '/api/public/concerns', payload: body })).json()
  const token = await confirmationToken(app, body.reporter.email)
  // Confirming spends the token, records the incident, marks the concern received, writes the
  // first update, the audit row, the officers' notification and the emails, in that order.
  const tables = ['link_tokens', 'incidents', 'concerns', 'concern_updates', 'audit_log', 'notifications', 'mail_outbox']
  for (const n of [2, 3, 6]) {
    const failing = await failNthWrite(app.db, tables, n)
    const res = await app.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token } })
    const written = await failing.rowsWritten()
    await failing.restore()
    t.equal(res.statusCode, 500, `write ${n} failed inside the confirmation`)
    t.equal(written, n, `the confirmation reached write ${n}`)
    t.match(await app.db.selectFrom('concerns').select(['status', 'incidentId']).where('reference', '=', reference).executeTakeFirstOrThrow(), { status: 'unconfirmed', incidentId: null }, `write ${n} failed: still unconfirmed`)
    t.equal((await app.db.selectFrom('incidents').select('id').where('externalId', '=', reference).execute()).length, 0, `write ${n} failed: no incident`)
    t.equal((await app.db.selectFrom('mailOutbox').select('id').where('toAddress', '=', body.reporter.email).where('kind', '=', 'concern_receipt').execute()).length, 0, `write ${n} failed: no receipt`)
  }
  const retry = await app.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token } })
  t.match(retry.json(), { reference, alreadyConfirmed: false }, 'the same link works once nothing fails')
})
