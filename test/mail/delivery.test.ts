// Email delivery against a real SMTP server on loopback: who receives a notification, what
// arrives (recipient, subject, link), refusal and retry without loss, and the folder fallback.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { build, createUser } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { startSmtpServer } from '../fixtures/smtp.ts'
import { notify } from '../../server/notifications/notifications.public.ts'
import { sendDueMail, MAX_ATTEMPTS, retryDelayMs } from '../../server/mail/mail.service.ts'

const APP_URL = 'https://nightsafe.council.example'
const smtpConfig = (url: string) => ({ smtpUrl: url, mailFrom: 'Nightsafe <nightsafe@council.example>', appUrl: APP_URL })

t.test('a notification to a role reaches each active holder by SMTP, with its subject and a link to the screen', async t => {
  const smtp = await startSmtpServer(t)
  const app = await build(t, { config: smtpConfig(smtp.url) })
  const ours = await createPremises(app.db)
  const theirs = await createPremises(app.db)
  const manager = await createUser(app, 'venue_manager', { premisesIds: [ours.id], email: 'ours@venue.example', name: 'Olu Manager' })
  await createUser(app, 'venue_manager', { premisesIds: [theirs.id], email: 'theirs@venue.example' })
  const officerA = await createUser(app, 'licensing_officer', { email: 'a@council.example' })
  const officerB = await createUser(app, 'licensing_officer', { email: 'b@council.example' })
  const retired = await createUser(app, 'licensing_officer', { email: 'retired@council.example' })
  await app.db.updateTable('users').set({ active: false }).where('id', '=', retired.id).execute()

  await app.db.transaction().execute(async trx => {
    await notify(trx, { role: 'venue_manager', premisesId: ours.id, kind: 'plan_returned', title: `Noise management plan v2 returned for ${ours.name}`, body: 'The officer asked for changes in: monitoring.', link: `/plans/premises/${ours.id}` })
    await notify(trx, { role: 'licensing_officer', kind: 'plan_submitted', title: 'Noise management plan submitted', link: '/plans/queue' })
  })
  const queued = await app.db.selectFrom('mailOutbox').select(['toAddress', 'status']).orderBy('toAddress').execute()
  t.same(queued.map(q => q.toAddress), ['a@council.example', 'b@council.example', 'ours@venue.example'], 'one message per recipient: the manager of that premises and the active officers only')
  t.ok(queued.every(q => q.status === 'queued'), 'queued, not yet sent')

  const stats = await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  t.match(stats, { claimed: 3, sent: 3, retried: 0, failed: 0 })
  t.equal(smtp.received.length, 3, 'the SMTP server received three messages')
  const toManager = smtp.received.find(m => m.to === manager.email)!
  t.ok(toManager, 'the manager got one')
  t.equal(toManager.subject, `Noise management plan v2 returned for ${ours.name}`)
  t.equal(toManager.from, 'nightsafe@council.example', 'from MAIL_FROM')
  t.match(toManager.text, 'Dear Olu Manager', 'addressed by name')
  t.match(toManager.text, `${APP_URL}/plans/premises/${ours.id}`, 'the link opens the premises plans screen at APP_URL')
  t.match(toManager.html, `href="${APP_URL}/plans/premises/${ours.id}"`, 'the HTML part links there too')
  t.match(toManager.text, `${APP_URL}/account/email`, 'and says where to change email preferences')
  t.same(smtp.received.filter(m => m.subject === 'Noise management plan submitted').map(m => m.to).sort(), [officerA.email, officerB.email])

  const sent = await app.db.selectFrom('mailOutbox').select(['status', 'transport', 'sentAt', 'messageId']).execute()
  t.ok(sent.every(s => s.status === 'sent' && s.transport === 'smtp' && s.sentAt && s.messageId), 'each row is marked sent with its message id')
  t.match(await sendDueMail(app.db, app.mail, { appUrl: APP_URL }), { claimed: 0 }, 'a second run sends nothing again')
  t.equal(smtp.received.length, 3)
})

t.test('a notification that is rolled back queues no email', async t => {
  const app = await build(t)
  const officer = await createUser(app, 'licensing_officer')
  await t.rejects(app.db.transaction().execute(async trx => {
    await notify(trx, { userId: officer.id, kind: 'flag', title: 'Rising theft' })
    throw new Error('the change that caused it failed')
  }))
  t.equal((await app.db.selectFrom('mailOutbox').select('id').execute()).length, 0, 'no message')
  t.equal((await app.db.selectFrom('notifications').select('id').execute()).length, 0, 'no notification')
})

t.test('a server that refuses a message causes a retry later, and the message is delivered, not lost', async t => {
  const smtp = await startSmtpServer(t)
  const app = await build(t, { config: smtpConfig(smtp.url) })
  const officer = await createUser(app, 'licensing_officer', { email: 'officer@council.example' })
  await notify(app.db, { userId: officer.id, kind: 'flag', title: 'Strong rise in theft at Test Tavern', link: '/flags/7' })

  smtp.refuseNext(1)
  const t0 = new Date()
  t.match(await sendDueMail(app.db, app.mail, { appUrl: APP_URL, now: t0 }), { claimed: 1, sent: 0, retried: 1 })
  t.equal(smtp.refused(), 1, 'the server refused it')
  const row = await app.db.selectFrom('mailOutbox').selectAll().executeTakeFirstOrThrow()
  t.equal(row.status, 'queued', 'back in the queue')
  t.equal(row.attempts, 1)
  t.match(row.lastError, /451/, 'with the server\'s answer kept')
  t.equal(row.nextAttemptAt.getTime(), t0.getTime() + retryDelayMs(1), 'to be tried again after the first back-off')

  t.match(await sendDueMail(app.db, app.mail, { appUrl: APP_URL, now: new Date(t0.getTime() + 1000) }), { claimed: 0 }, 'not before the back-off has passed')
  t.match(await sendDueMail(app.db, app.mail, { appUrl: APP_URL, now: new Date(t0.getTime() + retryDelayMs(1)) }), { sent: 1 })
  t.equal(smtp.received.length, 1, 'delivered on the second attempt')
  t.match(smtp.received[0], { to: officer.email, subject: 'Strong rise in theft at Test Tavern' })
  t.match(smtp.received[0]!.text, `${APP_URL}/flags/7`)
})

t.test('after every attempt fails the message is kept as failed, and an administrator can send it again', async t => {
  const smtp = await startSmtpServer(t)
  const app = await build(t, { config: smtpConfig(smtp.url) })
  const officer = await createUser(app, 'licensing_officer')
  await notify(app.db, { userId: officer.id, kind: 'flag', title: 'Rising violence' })
  smtp.refuseNext(MAX_ATTEMPTS)
  let now = new Date()
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await sendDueMail(app.db, app.mail, { appUrl: APP_URL, now })
    now = new Date(now.getTime() + retryDelayMs(attempt))
  }
  const row = await app.db.selectFrom('mailOutbox').selectAll().executeTakeFirstOrThrow()
  t.equal(row.status, 'failed', `failed after ${MAX_ATTEMPTS} attempts`)
  t.equal(row.attempts, MAX_ATTEMPTS)
  t.equal(retryDelayMs(MAX_ATTEMPTS), 6 * 3600_000, 'the delay grows to at most six hours')

  const { headers } = await (await import('../helper.ts')).login(app, 'admin')
  const list = await app.inject({ url: '/api/mail/outbox?status=failed', headers })
  t.equal(list.statusCode, 200)
  t.match(list.json(), { total: 1, counts: { failed: 1 }, transport: 'smtp', items: [{ id: row.id, status: 'failed', subject: 'Rising violence' }] })
  const retry = await app.inject({ method: 'POST', url: `/api/mail/outbox/${row.id}/retry`, headers })
  t.equal(retry.statusCode, 200)
  t.match(retry.json(), { status: 'queued', attempts: 0 })
  const again = await app.inject({ method: 'POST', url: `/api/mail/outbox/${row.id}/retry`, headers })
  t.equal(again.statusCode, 409, 'a message that has not failed cannot be retried')
  t.match(again.json(), { code: 'MAIL_NOT_FAILED' })
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  t.equal(smtp.received.length, 1, 'it is delivered')
})

t.test('without SMTP, mail is written as .eml files to the mail folder', async t => {
  const folder = mkdtempSync(join(tmpdir(), 'nightsafe-mail-'))
  t.teardown(() => rmSync(folder, { recursive: true, force: true }))
  const app = await build(t, { config: { smtpUrl: null, mailDir: folder, appUrl: APP_URL } })
  t.equal(app.mail.transport.kind, 'folder')
  const officer = await createUser(app, 'licensing_officer', { email: 'reader@council.example' })
  await notify(app.db, { userId: officer.id, kind: 'plan_submitted', title: 'A plan is waiting', link: '/plans/queue' })
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  const files = readdirSync(folder)
  t.equal(files.length, 1, 'one file')
  t.match(files[0], /\.eml$/)
  const raw = readFileSync(join(folder, files[0]!), 'utf8')
  t.match(raw, /^To: reader@council\.example$/m)
  t.match(raw, /^Subject: A plan is waiting$/m)
  t.match(raw, `${APP_URL}/plans/queue`)
  t.match((await app.db.selectFrom('mailOutbox').select(['status', 'transport']).executeTakeFirstOrThrow()), { status: 'sent', transport: 'folder' })
})
