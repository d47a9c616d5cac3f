// One-click unsubscribe (RFC 8058) against a real SMTP server on loopback: the headers and the
// footer link arrive, the POST a mail program makes works without a session, a changed or old
// token is refused in words, and once a topic (or a report's updates) is stopped the next one is
// not mailed but is still shown in the app.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, login } from '../helper.ts'
import { startSmtpServer, type ReceivedMail } from '../fixtures/smtp.ts'
import { notify } from '../../server/notifications/notifications.public.ts'
import { sendDueMail } from '../../server/mail/mail.service.ts'
import { signUnsubscribe, unsubscribeKeyFor } from '../../server/mail/mail.unsubscribe.ts'
import { NOW, confirmedConcern } from '../concerns/fixtures.ts'

const APP_URL = 'https://nightsafe.council.example'

const header = (mail: ReceivedMail, name: string) =>
  mail.raw.headerLines.filter(h => h.key === name.toLowerCase()).map(h => h.line.slice(h.line.indexOf(':') + 1).replace(/\s+/g, '').trim())

/** The one-click URL of the List-Unsubscribe header, as a path for app.inject. */
function oneClickPath (mail: ReceivedMail): string {
  const [value] = header(mail, 'List-Unsubscribe')
  const url = /^<([^>]+)>$/.exec(value ?? '')?.[1]
  if (!url?.startsWith(`${APP_URL}/api/public/unsubscribe?token=`)) throw new Error(`no one-click URL in ${value}`)
  return url.slice(APP_URL.length)
}

const oneClick = (app: FastifyInstance, path: string) => app.inject({
  method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click'
})

t.test('a notification email carries one-click unsubscribe; after it, that topic is shown in the app but not mailed', async t => {
  const smtp = await startSmtpServer(t)
  const app = await build(t, { config: { smtpUrl: smtp.url, mailFrom: 'nightsafe@council.example', appUrl: APP_URL } })
  const me = await login(app, 'officer')
  await notify(app.db, { userId: me.id, kind: 'flag', title: 'Rising theft at The Bell', link: '/flags/3' })
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  const [first] = smtp.received
  t.ok(first, 'the email arrived')
  t.same(header(first!, 'List-Unsubscribe-Post'), ['List-Unsubscribe=One-Click'], 'RFC 8058 one-click header')
  const path = oneClickPath(first!)
  const token = new URL(APP_URL + path).searchParams.get('token')!
  t.match(first!.text, `Stop emails about flags for rising theft or violence: ${APP_URL}/unsubscribe?token=${token}`, 'the footer links to the page that asks')
  t.match(first!.html, `href="${APP_URL}/unsubscribe?token=${token}"`)

  const check = await app.inject({ url: `/api/public/unsubscribe?token=${token}` })
  t.equal(check.statusCode, 200)
  t.same(check.json(), { kind: 'topic', stops: 'emails about flags for rising theft or violence', stopped: false }, 'opening the link changes nothing')

  const res = await oneClick(app, path)
  t.equal(res.statusCode, 200, 'the one-click POST works with no session')
  t.same(res.json(), { kind: 'topic', stops: 'emails about flags for rising theft or violence', stopped: true })
  t.same((await oneClick(app, path)).json().stopped, true, 'a second POST is harmless')
  const boundary = 'nightsafe-test-boundary'
  const multipart = await app.inject({
    method: 'POST', url: path, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`
  })
  t.equal(multipart.statusCode, 200, 'a multipart one-click POST (RFC 8058 allows it) works too')
  const prefs = await app.inject({ url: '/api/me/mail-preferences', headers: me.headers })
  t.same(prefs.json().topics, { flags: 'off' }, 'the preferences show the topic off')
  t.same(prefs.json().mode, 'immediate', 'and nothing else changed')
  const audit = await app.db.selectFrom('auditLog').select(['userId', 'action']).where('action', '=', 'mail.unsubscribe').execute()
  t.same(audit, [{ userId: me.id, action: 'mail.unsubscribe' }], 'audited once, as the person')

  await notify(app.db, [
    { userId: me.id, kind: 'flag', title: 'Rising violence at The Bell', link: '/flags/4' },
    { userId: me.id, kind: 'plan_submitted', title: 'Plan submitted by The Bell', link: '/plans/queue' }
  ])
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  t.same(smtp.received.map(m => m.subject), ['Rising theft at The Bell', 'Plan submitted by The Bell'], 'the next flag is not mailed; another topic still is')
  const shown = (await app.inject({ url: '/api/notifications', headers: me.headers })).json()
  t.ok(JSON.stringify(shown).includes('Rising violence at The Bell'), 'the flag is still shown in the app')
})

t.test('a changed, foreign, missing or year-old token gets a 400 in words, and changes nothing', async t => {
  const app = await build(t, { config: { appUrl: APP_URL } })
  const me = await login(app, 'officer')
  const good = signUnsubscribe(app.mail.unsubscribeKey, { topic: 'flags', userId: me.id }, new Date(Date.now() + 3600_000))
  const [head, payload, signature] = good.split('.')
  const otherUser = Buffer.from(JSON.stringify({ u: me.id + 1, t: 'flags', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url')
  const cases = [
    { why: 'a changed signature', token: `${head}.${payload}.${signature!.slice(0, -2)}AA`, code: 'UNSUBSCRIBE_LINK_INVALID' },
    { why: 'a payload changed to another person', token: `${head}.${otherUser}.${signature}`, code: 'UNSUBSCRIBE_LINK_INVALID' },
    { why: 'a token signed with another secret', token: signUnsubscribe(unsubscribeKeyFor('another-secret-of-at-least-32-chars!'), { topic: 'flags', userId: me.id }, new Date(Date.now() + 3600_000)), code: 'UNSUBSCRIBE_LINK_INVALID' },
    { why: 'a session token (signed with JWT_SECRET itself)', token: me.token, code: 'UNSUBSCRIBE_LINK_INVALID' },
    { why: 'half a token', token: `${head}.${payload}`, code: 'UNSUBSCRIBE_LINK_INVALID' },
    { why: 'an expired token', token: signUnsubscribe(app.mail.unsubscribeKey, { topic: 'flags', userId: me.id }, new Date(Date.now() - 1000)), code: 'UNSUBSCRIBE_LINK_EXPIRED' }
  ]
  for (const c of cases) {
    for (const res of [await oneClick(app, `/api/public/unsubscribe?token=${encodeURIComponent(c.token)}`), await app.inject({ url: `/api/public/unsubscribe?token=${encodeURIComponent(c.token)}` })]) {
      t.equal(res.statusCode, 400, c.why)
      t.equal(res.json().code, c.code, c.why)
      t.match(res.json().message, /^This unsubscribe link (is not complete or has been changed|is more than a year old)/, `${c.why}: said in words`)
      t.notMatch(res.json().message, /\/|token|must|schema/i, `${c.why}: no schema path or rule`)
    }
  }
  const none = await app.inject({ method: 'POST', url: '/api/public/unsubscribe', payload: {} })
  t.equal(none.statusCode, 400, 'no token at all')
  t.equal(none.json().code, 'UNSUBSCRIBE_LINK_INVALID')
  const junk = await app.inject({ method: 'POST', url: '/api/public/unsubscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'x'.repeat(10_000) })
  t.ok(junk.statusCode >= 400 && junk.statusCode < 500, 'an oversized form is a 4xx')
  t.same((await app.inject({ url: '/api/me/mail-preferences', headers: me.headers })).json().topics, {}, 'nothing changed')
  t.equal((await app.db.selectFrom('auditLog').select('id').where('action', '=', 'mail.unsubscribe').execute()).length, 0)

  const asSession = await app.inject({ url: '/api/me/mail-preferences', headers: { authorization: `Bearer ${good}` } })
  t.equal(asSession.statusCode, 401, 'an unsubscribe token opens no session')

  const good2 = await app.inject({ method: 'POST', url: '/api/public/unsubscribe', payload: { token: good } })
  t.equal(good2.statusCode, 200, 'the page\'s JSON POST works too')
  const sessionless = await app.inject({ url: `/api/public/unsubscribe?token=${good}` })
  t.same(sessionless.json().stopped, true)
})

t.test('the daily digest\'s link stops the digest; the reporter\'s link stops that report\'s updates only', async t => {
  const smtp = await startSmtpServer(t)
  const app = await build(t, { config: { smtpUrl: smtp.url, mailFrom: 'nightsafe@council.example', appUrl: APP_URL, now: () => NOW, concernRateLimit: 1000 } })
  const me = await login(app, 'manager')
  await app.inject({ method: 'PUT', url: '/api/me/mail-preferences', headers: me.headers, payload: { mode: 'immediate', topics: { plans: 'digest', flags: 'digest' } } })
  await app.db.updateTable('mailPreferences').set({ digestSince: new Date(NOW.getTime() - 1000) }).execute()
  await notify(app.db, { userId: me.id, kind: 'plan_returned', title: 'Dispersal policy returned', link: '/plans/premises/4' })
  await app.db.updateTable('notifications').set({ createdAt: NOW }).execute()
  const admin = await login(app, 'admin')
  t.match((await app.inject({ method: 'POST', url: '/api/jobs/mail-digest/run', headers: admin.headers })).json(), { stats: { queued: 1 } })
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  const digest = smtp.received.find(m => m.to === me.email)!
  t.match(digest.text, `Stop your daily digest email: ${APP_URL}/unsubscribe?token=`)
  t.same((await oneClick(app, oneClickPath(digest))).json(), { kind: 'digest', stops: 'your daily digest email', stopped: true })
  t.same((await app.inject({ url: '/api/me/mail-preferences', headers: me.headers })).json().topics, { plans: 'off', flags: 'off' }, 'what came by digest is off; the rest still comes at once')

  const concern = await confirmedConcern(app)
  const other = await confirmedConcern(app)
  const officer = await login(app, 'officer')
  const update = (id: number, publicText: string) => app.inject({ method: 'POST', url: `/api/concerns/${id}/updates`, headers: officer.headers, payload: { publicText } })
  t.equal((await update(concern.id, 'An officer will visit on Friday.')).statusCode, 200)
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  const updatesTo = (email: string) => smtp.received.filter(m => m.to === email && m.subject.startsWith('Update on your report'))
  const receipt = smtp.received.find(m => m.to === concern.body.reporter.email && m.subject === `We have your report ${concern.reference}`)!
  t.match(receipt.text, `Stop updates on your report ${concern.reference}: ${APP_URL}/unsubscribe?token=`, 'the receipt has the link')
  const [first] = updatesTo(concern.body.reporter.email)
  t.ok(first, 'the update arrived')
  t.match(first!.text, `Stop updates on your report ${concern.reference}: ${APP_URL}/unsubscribe?token=`, 'and so has the update')
  t.same(header(first!, 'List-Unsubscribe-Post'), ['List-Unsubscribe=One-Click'])
  const token = new URL(APP_URL + oneClickPath(first!)).searchParams.get('token')!
  t.same((await app.inject({ url: `/api/public/unsubscribe?token=${token}` })).json(), { kind: 'stream', stops: `updates on your report ${concern.reference}`, stopped: false })
  t.same((await app.inject({ method: 'POST', url: '/api/public/unsubscribe', payload: { token } })).json().stopped, true)

  const next = await update(concern.id, 'The venue has fitted a limiter.')
  t.match(next.json().updates.at(-1), { publicText: 'The venue has fitted a limiter.', emailed: 0 }, 'the officer sees that nobody was emailed')
  t.equal((await update(other.id, 'We are looking into it.')).statusCode, 200)
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  t.equal(updatesTo(concern.body.reporter.email).length, 1, 'the next update is not mailed to the reporter who stopped them')
  t.equal(updatesTo(other.body.reporter.email).length, 1, 'another report\'s reporter still hears')
  const [path, key] = concern.caseLink.split('?key=')
  const page = (await app.inject({ url: `/api${path!.replace('/concerns/case/', '/public/concerns/')}?key=${key}` })).json()
  t.match(page.updates.at(-1), { text: 'The venue has fitted a limiter.' }, 'the case page still shows the update')
  const audit = await app.db.selectFrom('auditLog').select(['after']).where('action', '=', 'mail.unsubscribe').where('entity', '=', 'mail_stream').executeTakeFirstOrThrow()
  t.notMatch(JSON.stringify(audit), concern.body.reporter.email, 'the audit of a stopped report keeps no address')
})
