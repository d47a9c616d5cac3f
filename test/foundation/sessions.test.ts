// Sessions that can be ended: a token names its session, and logout, a password change,
// deactivation (reactivation does not revive it) and a role change end the tokens already out.
// The browser's cookie works like a bearer token, and a change made with it needs X-Requested-With.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, createTestDatabase, createUser, login, TEST_PASSWORD } from '../helper.ts'
import { SESSION_CACHE_MS } from '../../server/auth/session-cache.ts'

const NEW_PASSWORD = `${TEST_PASSWORD} changed`
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const me = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ url: '/api/me', headers })

async function logInAs (app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find(c => c.name === 'nightsafe_token')!
  return { token: res.json().token as string, cookie: `${cookie.name}=${cookie.value}`, cookieAttributes: cookie }
}

const database = await createTestDatabase(t)
const app = await build(t, { database })
const admin = await login(app, 'admin')
const patchUser = (id: number, payload: object, headers = admin.headers) => app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers, payload })

t.test('a login opens a session that the token and the cookie name', async t => {
  const user = await createUser(app, 'police')
  const { token, cookieAttributes } = await logInAs(app, user.email)
  const { sid, exp } = app.jwt.decode<{ sid: string; exp: number }>(token)!
  const row = await app.db.selectFrom('sessions').selectAll().where('id', '=', sid).executeTakeFirstOrThrow()
  t.equal(row.userId, user.id)
  t.equal(row.revokedAt, null)
  t.equal(row.expiresAt.getTime(), exp * 1000, 'the session ends when the token does')
  t.match(cookieAttributes, { httpOnly: true, sameSite: 'Strict', path: '/' }, 'the cookie is httpOnly and SameSite=Strict')
})

t.test('logout ends the session: its bearer token and its cookie stop working', async t => {
  const user = await createUser(app, 'police')
  const first = await logInAs(app, user.email)
  const second = await logInAs(app, user.email)
  t.equal((await me(app, bearer(first.token))).statusCode, 200, 'control: the token works before logout')
  const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(first.token) })
  t.equal(out.statusCode, 200)
  const after = await me(app, bearer(first.token))
  t.equal(after.statusCode, 401, 'the logged-out token is refused at once')
  t.match(after.json().message, /session has ended/)
  t.equal((await me(app, bearer(second.token))).statusCode, 200, 'another session of the same account is not affected')

  t.equal((await me(app, { cookie: second.cookie })).statusCode, 200, 'control: the cookie works')
  const cookieOut = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: second.cookie } })
  t.match(cookieOut.headers['set-cookie'], /nightsafe_token=;/, 'the cookie is cleared')
  t.equal((await me(app, { cookie: second.cookie })).statusCode, 401, 'a copy of the old cookie no longer works')
  const row = await app.db.selectFrom('sessions').select('revokedReason').where('id', '=', app.jwt.decode<{ sid: string }>(second.token)!.sid).executeTakeFirstOrThrow()
  t.equal(row.revokedReason, 'logout')
})

t.test('a password change ends every session of the account', async t => {
  const user = await createUser(app, 'licensing_officer')
  const sessions = [await logInAs(app, user.email), await logInAs(app, user.email)]
  for (const s of sessions) t.equal((await me(app, bearer(s.token))).statusCode, 200, 'control: works before')
  t.equal((await patchUser(user.id, { password: NEW_PASSWORD })).statusCode, 200)
  for (const [i, s] of sessions.entries()) t.equal((await me(app, bearer(s.token))).statusCode, 401, `session ${i + 1} ended`)
  t.equal((await logInAs(app, user.email, NEW_PASSWORD).then(s => me(app, bearer(s.token)))).statusCode, 200, 'the new password opens a new session')
})

t.test('an administrator changing their own password keeps the session they use and ends their others', async t => {
  const self = await login(app, 'admin')
  const other = await logInAs(app, self.email)
  const res = await patchUser(self.id, { password: NEW_PASSWORD }, self.headers)
  t.equal(res.statusCode, 200)
  t.equal((await me(app, self.headers)).statusCode, 200, 'the session used for the change goes on')
  t.equal((await me(app, bearer(other.token))).statusCode, 401, 'the other session ended')
})

t.test('deactivation ends the sessions, and reactivation does not bring them back', async t => {
  const user = await createUser(app, 'venue_manager')
  const { token } = await logInAs(app, user.email)
  t.equal((await me(app, bearer(token))).statusCode, 200, 'control: works before')
  t.equal((await patchUser(user.id, { active: false })).statusCode, 200)
  t.equal((await me(app, bearer(token))).statusCode, 401, 'refused once deactivated')
  t.equal((await patchUser(user.id, { active: true })).statusCode, 200)
  t.equal((await me(app, bearer(token))).statusCode, 401, 'still refused after reactivation')
  t.equal((await logInAs(app, user.email).then(s => me(app, bearer(s.token)))).statusCode, 200, 'the person logs in afresh')
})

t.test('a role change ends the sessions; a change of name does not', async t => {
  const user = await createUser(app, 'police')
  const { token } = await logInAs(app, user.email)
  t.equal((await patchUser(user.id, { name: 'Renamed Officer' })).statusCode, 200)
  t.equal((await me(app, bearer(token))).statusCode, 200, 'a new name keeps the session')
  t.equal((await patchUser(user.id, { role: 'licensing_officer' })).statusCode, 200)
  t.equal((await me(app, bearer(token))).statusCode, 401, 'a new role ends it')
  const fresh = await logInAs(app, user.email)
  t.equal((await me(app, bearer(fresh.token))).json().role, 'licensing_officer', 'a new login carries the new role')
})

type Opened = Awaited<ReturnType<typeof logInAs>>
const EVENTS: Record<string, (user: { id: number }, sessions: Opened[]) => Promise<unknown>> = {
  logout: (_user, sessions) => Promise.all(sessions.map(s => app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(s.token) }))),
  'a password change': user => patchUser(user.id, { password: NEW_PASSWORD }),
  'deactivation, then reactivation': async user => { await patchUser(user.id, { active: false }); await patchUser(user.id, { active: true }) },
  'a role change': user => patchUser(user.id, { role: 'licensing_officer' })
}

t.test(`another instance on the same database refuses an ended session within ${SESSION_CACHE_MS} ms`, async t => {
  const other = await build(t, { database })
  for (const [event, run] of Object.entries(EVENTS)) {
    t.test(event, async t => {
      const user = await createUser(app, 'police')
      const cold = await logInAs(app, user.email)
      const warm = await logInAs(app, user.email)
      t.equal((await me(other, bearer(warm.token))).statusCode, 200, 'control: instance B has checked (and cached) one session')
      await run(user, [cold, warm])
      const endedAt = Date.now()
      t.equal((await me(app, bearer(warm.token))).statusCode, 401, 'A, where it happened, refuses the token at once')
      t.equal((await me(app, { cookie: warm.cookie })).statusCode, 401, 'and the cookie')
      t.equal((await me(other, bearer(cold.token))).statusCode, 401, 'B refuses at once a session it had not cached')
      // B's cached check of the warm session was made before the event, so it lapses by then.
      await new Promise(resolve => setTimeout(resolve, Math.max(0, endedAt + SESSION_CACHE_MS - Date.now())))
      t.equal((await me(other, bearer(warm.token))).statusCode, 401, `B refuses the cached one ${SESSION_CACHE_MS} ms after the event at the latest`)
      t.equal((await me(other, { cookie: warm.cookie })).statusCode, 401, 'and its cookie')
    })
  }
})

t.test('changes made with the cookie need X-Requested-With; bearer tokens do not', async t => {
  const user = await createUser(app, 'licensing_officer')
  const { token, cookie } = await logInAs(app, user.email)
  const body = { name: 'Cookie Arms', address: '1 Cookie Lane, London', postcode: 'EC2V 7HH' }
  const forged = await app.inject({ method: 'POST', url: '/api/premises', headers: { cookie }, payload: body })
  t.equal(forged.statusCode, 403, 'a cookie-only POST (what a forged cross-site form sends) is refused')
  t.equal(forged.json().code, 'CROSS_SITE_REQUEST')
  t.equal((await app.db.selectFrom('premises').select('id').where('name', '=', 'Cookie Arms').execute()).length, 0, 'and nothing was written')
  t.equal((await me(app, { cookie })).statusCode, 200, 'reading with the cookie alone is fine')
  t.equal((await app.inject({ method: 'POST', url: '/api/premises', headers: { cookie, 'x-requested-with': 'nightsafe' }, payload: body })).statusCode, 201, 'the app’s own request (with the header) is accepted')
  t.equal((await app.inject({ method: 'POST', url: '/api/premises', headers: bearer(token), payload: { ...body, name: 'Bearer Arms' } })).statusCode, 201, 'an API client with a bearer token needs no header')
})

t.test('the nightly housekeeping deletes expired sessions', async t => {
  const user = await createUser(app, 'police')
  await app.db.insertInto('sessions').values([
    { id: 'expired-session', userId: user.id, expiresAt: new Date(Date.now() - 1000) },
    { id: 'live-session', userId: user.id, expiresAt: new Date(Date.now() + 60_000) }
  ]).execute()
  t.match(await app.jobs.runNow('auth-housekeeping'), { ran: true, ok: true })
  const left = await app.db.selectFrom('sessions').select('id').where('id', 'in', ['expired-session', 'live-session']).execute()
  t.same(left.map(r => r.id), ['live-session'])
})
