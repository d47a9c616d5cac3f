// Email preferences: at once, a daily digest or off, in general and per topic; the digest
// gathers a day's notifications into one email; the routes' validation and access.
import t from 'tap'
import { build, createUser, login } from '../helper.ts'
import { startSmtpServer } from '../fixtures/smtp.ts'
import { notify } from '../../server/notifications/notifications.public.ts'
import { sendDueMail } from '../../server/mail/mail.service.ts'

const APP_URL = 'https://nightsafe.council.example'

t.test('preferences decide whether a notification is emailed at once, in the digest, or not at all', async t => {
  const app = await build(t, { config: { appUrl: APP_URL } })
  const me = await login(app, 'officer')
  const get = await app.inject({ url: '/api/me/mail-preferences', headers: me.headers })
  t.equal(get.statusCode, 200)
  t.same(get.json(), { email: me.email, mode: 'immediate', topics: {}, digestTime: '07:00' }, 'everything by email at once until changed')

  const put = await app.inject({ method: 'PUT', url: '/api/me/mail-preferences', headers: me.headers, payload: { mode: 'off', topics: { flags: 'immediate', plans: 'digest', concerns: 'off' } } })
  t.equal(put.statusCode, 200)
  t.same(put.json().topics, { flags: 'immediate', plans: 'digest' }, 'a topic set to the general mode is not stored as an exception')

  await notify(app.db, [
    { userId: me.id, kind: 'flag', title: 'Rising theft at The Bell' },
    { userId: me.id, kind: 'plan_submitted', title: 'Plan submitted by The Bell' },
    { userId: me.id, kind: 'safety_thirst_submitted', title: 'Self-assessment submitted' }
  ])
  const queued = await app.db.selectFrom('mailOutbox').select(['subject', 'kind']).execute()
  t.same(queued, [{ subject: 'Rising theft at The Bell', kind: 'notification' }], 'only the flag goes at once; plans wait for the digest, Safety Thirst is off')
  const audit = await app.db.selectFrom('auditLog').select(['action', 'after']).where('action', '=', 'mail.preferences').execute()
  t.equal(audit.length, 1, 'the change is audited')
})

t.test('the daily digest gathers a day of notifications into one email, and a second run sends nothing', async t => {
  const smtp = await startSmtpServer(t)
  const app = await build(t, { config: { smtpUrl: smtp.url, mailFrom: 'nightsafe@council.example', appUrl: APP_URL } })
  const me = await login(app, 'manager')
  const other = await createUser(app, 'licensing_officer')
  await app.inject({ method: 'PUT', url: '/api/me/mail-preferences', headers: me.headers, payload: { mode: 'digest' } })
  const started = new Date()
  await app.db.updateTable('mailPreferences').set({ digestSince: new Date(started.getTime() - 1000) }).execute()
  await notify(app.db, [
    { userId: me.id, kind: 'plan_returned', title: 'Dispersal policy v3 returned', body: 'Changes asked in: transport.', link: '/plans/premises/4' },
    { userId: me.id, kind: 'safety_thirst_decided', title: 'Safety Thirst decision: Commended', link: '/safety-thirst/applications/9' },
    { userId: other.id, kind: 'flag', title: 'Not for the manager' }
  ])
  t.equal((await app.db.selectFrom('mailOutbox').select('id').where('toAddress', '=', me.email).execute()).length, 0, 'nothing is sent at once to a digest reader')

  const admin = await login(app, 'admin')
  const run = await app.inject({ method: 'POST', url: '/api/jobs/mail-digest/run', headers: admin.headers })
  t.equal(run.statusCode, 200)
  t.match(run.json(), { ran: true, ok: true, stats: { people: 1, queued: 1 } })
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  const digest = smtp.received.filter(m => m.to === me.email)
  t.equal(digest.length, 1, 'one digest email')
  t.match(digest[0]!.subject, /^Nightsafe: 2 new notifications \(\d{4}-\d{2}-\d{2}\)$/)
  t.match(digest[0]!.text, 'Dispersal policy v3 returned')
  t.match(digest[0]!.text, `${APP_URL}/plans/premises/4`, 'each item links to its screen')
  t.match(digest[0]!.text, 'Safety Thirst decision: Commended')
  t.match(digest[0]!.text, `${APP_URL}/safety-thirst/applications/9`)
  t.notMatch(digest[0]!.text, 'Not for the manager', 'only the reader\'s own notifications')

  const second = await app.inject({ method: 'POST', url: '/api/jobs/mail-digest/run', headers: admin.headers })
  t.match(second.json(), { stats: { people: 1, queued: 0 } }, 'nothing new since: no second digest')
})

t.test('email preference and outbox routes: validation, login, roles, not found', async t => {
  const app = await build(t)
  const me = await login(app, 'police')
  const bad = await app.inject({ method: 'PUT', url: '/api/me/mail-preferences', headers: me.headers, payload: { mode: 'immediate', topics: { gossip: 'off' } } })
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { field: 'topics.gossip' }, 'an unknown topic is named')
  const missing = await app.inject({ method: 'PUT', url: '/api/me/mail-preferences', headers: me.headers, payload: { topics: {} } })
  t.match(missing.json(), { statusCode: 400, field: 'mode' })
  t.equal((await app.inject({ url: '/api/me/mail-preferences' })).statusCode, 401)
  t.equal((await app.inject({ url: '/api/mail/outbox', headers: me.headers })).statusCode, 403, 'the outbox is for administrators')
  const admin = await login(app, 'admin')
  const none = await app.inject({ url: '/api/mail/outbox/999', headers: admin.headers })
  t.equal(none.statusCode, 404)
  t.match(none.json(), { code: 'MAIL_MESSAGE_NOT_FOUND' })
})
