// Accounts that onboard themselves by email, against a real SMTP server on loopback: an
// administrator's invitation whose link sets the password once and expires, and "forgot
// password", which answers the same for known and unknown emails and is limited like login.
import t, { type Test } from 'tap'
import { build, createUser, login, TEST_PASSWORD } from '../helper.ts'
import { startSmtpServer, type TestSmtp } from '../fixtures/smtp.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { sendDueMail } from '../../server/mail/mail.service.ts'
import type { FastifyInstance } from 'fastify'

const APP_URL = 'https://nightsafe.council.example'
const NEW_PASSWORD = 'lanterns over the river at dusk'

const smtp = await startSmtpServer(t)
const app = await build(t, { config: { smtpUrl: smtp.url, mailFrom: 'Nightsafe <nightsafe@council.example>', appUrl: APP_URL, loginRateLimit: 3 } })
const admin = await login(app, 'admin')

/** Sends what is queued and returns the one-time token in the newest email to `to`. */
async function tokenSentTo (t: Test, app: FastifyInstance, smtp: TestSmtp, to: string, path: string): Promise<{ token: string; subject: string }> {
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  const mail = smtp.received.filter(m => m.to === to).at(-1)
  if (!mail) throw new Error(`no email to ${to}`)
  const match = new RegExp(`${APP_URL}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text)
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`)
  t.match(mail.html, `href="${APP_URL}${path}?token=${match[1]}"`, 'the HTML part carries the same link')
  return { token: match[1]!, subject: mail.subject }
}

const logIn = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })

t.test('an invitation emails a link that sets the password once', async t => {
  const email = 'new.manager@venue.example'
  const res = await app.inject({ method: 'POST', url: '/api/users/invitations', headers: admin.headers, payload: { email, name: 'Nia Newcomer', role: 'licensing_officer' } })
  t.equal(res.statusCode, 201)
  t.match(res.json(), { user: { email, name: 'Nia Newcomer', role: 'licensing_officer' }, expiresAt: String })
  const days = (Date.parse(res.json().expiresAt) - Date.now()) / 86400_000
  t.ok(days > 6.9 && days <= 7, 'it expires in 7 days')

  const { token, subject } = await tokenSentTo(t, app, smtp, email, '/invitation')
  t.equal(subject, 'You are invited to Nightsafe')
  t.equal((await logIn(email, TEST_PASSWORD)).statusCode, 401, 'nobody can log in before the link is used')

  const weak = await app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'short' } })
  t.equal(weak.statusCode, 400)
  t.match(weak.json(), { field: 'password', message: /at least 12 characters/ }, 'a weak password is refused in words')

  const accepted = await app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: NEW_PASSWORD } })
  t.equal(accepted.statusCode, 200, 'the refused password did not spend the link')
  t.same(accepted.json(), { email })
  t.equal((await logIn(email, NEW_PASSWORD)).statusCode, 200, 'the chosen password logs in')

  const again = await app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'another long passphrase here' } })
  t.equal(again.statusCode, 410)
  t.match(again.json().message, 'used already')
  t.equal((await logIn(email, NEW_PASSWORD)).statusCode, 200, 'a second use changes nothing')
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password: NEW_PASSWORD } })).statusCode, 404, 'an invitation token is no reset token')
})

t.test('an invitation link expires', async t => {
  const email = 'late.reader@council.example'
  t.equal((await app.inject({ method: 'POST', url: '/api/users/invitations', headers: admin.headers, payload: { email, name: 'Lee Late', role: 'police' } })).statusCode, 201)
  const { token } = await tokenSentTo(t, app, smtp, email, '/invitation')
  await app.db.updateTable('linkTokens').set({ expiresAt: new Date(Date.now() - 1000) }).where('email', '=', email).execute()
  const res = await app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: NEW_PASSWORD } })
  t.equal(res.statusCode, 410)
  t.match(res.json().message, 'This invitation has expired')
  t.equal((await logIn(email, NEW_PASSWORD)).statusCode, 401)
})

t.test('an invitation is refused in words, and nothing is kept when a write fails', async t => {
  const taken = await app.inject({ method: 'POST', url: '/api/users/invitations', headers: admin.headers, payload: { email: admin.email, name: 'Twice', role: 'police' } })
  t.equal(taken.statusCode, 409)
  const bad = await app.inject({ method: 'POST', url: '/api/users/invitations', headers: admin.headers, payload: { email: 'not an email', name: 'X', role: 'police' } })
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { field: 'email', message: 'Enter an email address like name@example.com' })
  const officer = await login(app, 'officer')
  t.equal((await app.inject({ method: 'POST', url: '/api/users/invitations', headers: officer.headers, payload: { email: 'x@example.test', name: 'X', role: 'admin' } })).statusCode, 403, 'only an administrator invites')

  for (const n of [1, 2, 3]) {
    const failing = await failNthWrite(app.db, ['link_tokens', 'mail_outbox', 'audit_log'], n)
    const res = await app.inject({ method: 'POST', url: '/api/users/invitations', headers: admin.headers, payload: { email: `rollback${n}@example.test`, name: 'Rolled Back', role: 'police' } })
    await failing.restore()
    t.equal(res.statusCode, 500, `write ${n} failed`)
    t.equal((await app.db.selectFrom('users').select('id').where('email', '=', `rollback${n}@example.test`).execute()).length, 0, `write ${n} failed: no account without its invitation`)
  }
})

t.test('"forgot password" answers the same for known and unknown emails, and emails only a known one', async t => {
  const known = await createUser(app, 'venue_manager', { email: 'forgetful@venue.example', name: 'Fran Forgetful' })
  const before = smtp.received.length
  const forKnown = await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: ' Forgetful@Venue.example ' } })
  const forUnknown = await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: 'nobody@nowhere.example' } })
  t.equal(forKnown.statusCode, 202)
  t.equal(forUnknown.statusCode, forKnown.statusCode, 'the same status')
  t.same(forUnknown.json(), forKnown.json(), 'the same body')
  await sendDueMail(app.db, app.mail, { appUrl: APP_URL })
  t.same(smtp.received.slice(before).map(m => m.to), [known.email], 'one email, to the known account only')

  const { token, subject } = await tokenSentTo(t, app, smtp, known.email, '/reset-password')
  t.equal(subject, 'Choose a new Nightsafe password')
  const opened = await logIn(known.email, TEST_PASSWORD)
  const session = { authorization: `Bearer ${opened.json().token}` }
  t.equal((await app.inject({ url: '/api/me', headers: session })).statusCode, 200, 'a session opened with the old password')
  const reset = await app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password: NEW_PASSWORD } })
  t.equal(reset.statusCode, 200)
  t.equal((await app.inject({ url: '/api/me', headers: session })).statusCode, 401, 'the reset ends the sessions opened with the old password')
  t.equal((await logIn(known.email, TEST_PASSWORD)).statusCode, 401, 'the old password no longer works')
  t.equal((await logIn(known.email, NEW_PASSWORD)).statusCode, 200, 'the new one does')
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password: 'yet another long passphrase' } })).statusCode, 410, 'the link works once')
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token: 'x'.repeat(43), password: NEW_PASSWORD } })).statusCode, 404, 'a made-up token opens nothing')
})

t.test('a deactivated account gets no reset email; a newer link replaces an older one', async t => {
  const gone = await createUser(app, 'police', { email: 'retired@police.example' })
  await app.db.updateTable('users').set({ active: false }).where('id', '=', gone.id).execute()
  await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: gone.email } })
  t.equal((await app.db.selectFrom('mailOutbox').select('id').where('toAddress', '=', gone.email).execute()).length, 0)

  const user = await createUser(app, 'police', { email: 'twice@police.example' })
  await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: user.email } })
  const first = await tokenSentTo(t, app, smtp, user.email, '/reset-password')
  await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: user.email } })
  const second = await tokenSentTo(t, app, smtp, user.email, '/reset-password')
  t.not(first.token, second.token)
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token: first.token, password: NEW_PASSWORD } })).statusCode, 410, 'the older link no longer works')
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token: second.token, password: NEW_PASSWORD } })).statusCode, 200)
})

t.test('"forgot password" is limited like login, the same for known and unknown emails', async t => {
  const known = await createUser(app, 'police', { email: 'hammered@police.example' })
  for (const email of [known.email, 'ghost@nowhere.example']) {
    const codes: number[] = []
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email }, remoteAddress: `10.9.${i}.1` })).statusCode)
    t.same(codes, [202, 202, 202, 429], `${email}: three tries (LOGIN_RATE_LIMIT), then a wait`)
  }
  const limited = await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: known.email }, remoteAddress: '10.9.9.1' })
  t.match(limited.json().message, /^Too many requests for this email address: wait \d+ (second|minute)s? and try again$/)
})
