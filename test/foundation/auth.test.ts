import t from 'tap'
import { build, createUser, login, TEST_PASSWORD } from '../helper.ts'

// Made-up passwords built from the shared test password, so no literal looks like a real secret.
const NEW_ACCOUNT_PASSWORD = `${TEST_PASSWORD} for new accounts`
const WRONG_PASSWORD = `${TEST_PASSWORD} but wrong`

t.test('accounts, login and access rules', async t => {
  const app = await build(t, { config: { loginRateLimit: 5 } })

  t.test('login returns a token and the user with premisesIds', async t => {
    const user = await createUser(app, 'police')
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } })
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.type(body.token, 'string')
    t.match(body.user, { id: user.id, email: user.email, name: String, role: 'police', premisesIds: [] })
    t.equal(body.user.role, 'police')
    t.match(res.headers['set-cookie'], /nightsafe_token=.*HttpOnly/i, 'an httpOnly cookie is set for the browser')
    const payload = app.jwt.decode<{ exp: number; iat: number }>(body.token)!
    t.ok(payload.exp - payload.iat <= 8 * 3600 && payload.exp > payload.iat, 'the token expires')
  })

  t.test('a wrong password gets 401 INVALID_CREDENTIALS in Fastify error shape', async t => {
    const user = await createUser(app, 'licensing_officer')
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: WRONG_PASSWORD } })
    t.equal(res.statusCode, 401)
    t.match(res.json(), { statusCode: 401, code: 'INVALID_CREDENTIALS', error: 'Unauthorized', message: String })
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'x' } })
    t.equal(unknown.json().code, 'INVALID_CREDENTIALS', 'an unknown email looks the same')
  })

  t.test('login validation names the field', async t => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c' } })
    t.equal(res.statusCode, 400)
    t.equal(res.json().field, 'password')
    t.match(res.json().message, /password/)
  })

  t.test('/api calls need a token: none, garbage and tampered tokens get 401', async t => {
    t.equal((await app.inject('/api/me')).statusCode, 401)
    t.equal((await app.inject({ url: '/api/me', headers: { authorization: 'Bearer nonsense' } })).statusCode, 401)
    const officer = await login(app, 'officer')
    const [h, p, s] = officer.token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString('base64url')
    const res = await app.inject({ url: '/api/users', headers: { authorization: `Bearer ${h}.${forged}.${s}` } })
    t.equal(res.statusCode, 401, 'a token whose payload was changed is refused')
  })

  t.test('an expired token gets 401 saying the session expired', async t => {
    const officer = await createUser(app, 'licensing_officer')
    const token = app.jwt.sign({ sub: officer.id, sid: 'any-session', role: 'licensing_officer' }, { expiresIn: 1 })
    await new Promise(r => setTimeout(r, 1500))
    const res = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })
    t.equal(res.statusCode, 401)
    t.match(res.json().message, /expired/)
  })

  t.test('the wrong role gets 403', async t => {
    const officer = await login(app, 'officer')
    const res = await app.inject({ url: '/api/users', headers: officer.headers })
    t.equal(res.statusCode, 403)
    t.equal(res.json().code, 'FORBIDDEN')
  })

  t.test('GET /api/me returns the current user', async t => {
    const manager = await login(app, 'manager')
    const res = await app.inject({ url: '/api/me', headers: manager.headers })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { id: manager.id, role: 'venue_manager', premisesIds: [] })
  })

  t.test('admins create and change accounts, audited; duplicates are 409', async t => {
    const admin = await login(app, 'admin')
    const created = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'new.officer@example.test', name: 'New Officer', role: 'licensing_officer', password: NEW_ACCOUNT_PASSWORD } })
    t.equal(created.statusCode, 201)
    const id = created.json().id
    const again = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'NEW.officer@example.test', name: 'Again', role: 'police', password: NEW_ACCOUNT_PASSWORD } })
    t.equal(again.statusCode, 409)
    const short = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'x@example.test', name: 'X', role: 'police', password: 'short' } })
    t.equal(short.statusCode, 400)
    t.equal(short.json().field, 'password')
    const wrongPremises = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'y@example.test', name: 'Y', role: 'police', password: NEW_ACCOUNT_PASSWORD, premisesIds: [1] } })
    t.equal(wrongPremises.statusCode, 400, 'only venue managers manage premises')
    const deactivated = await app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin.headers, payload: { active: false } })
    t.equal(deactivated.statusCode, 200)
    t.equal(deactivated.json().active, false)
    const audit = await app.db.selectFrom('auditLog').selectAll().where('entity', '=', 'user').where('entityId', '=', String(id)).orderBy('id').execute()
    t.same(audit.map(a => a.action), ['create', 'update'])
    t.equal(audit[1]!.before.active, true)
    t.equal(audit[1]!.after.active, false)
    const noLogin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'new.officer@example.test', password: NEW_ACCOUNT_PASSWORD } })
    t.equal(noLogin.statusCode, 401, 'a deactivated account cannot log in')
    const missing = await app.inject({ method: 'PATCH', url: '/api/users/999999', headers: admin.headers, payload: { active: false } })
    t.equal(missing.statusCode, 404)
  })

  t.test('a failed account change writes nothing (rollback)', async t => {
    const admin = await login(app, 'admin')
    const before = await app.db.selectFrom('users').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'mgr@example.test', name: 'Mgr', role: 'venue_manager', password: NEW_ACCOUNT_PASSWORD, premisesIds: [424242] } })
    t.equal(res.statusCode, 400, 'an unknown premises is refused')
    t.equal(res.json().code, 'UNKNOWN_PREMISES')
    const after = await app.db.selectFrom('users').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    t.equal(after.n, before.n, 'the user inserted before the failure was rolled back')
  })

  t.test('too many login attempts get 429', async t => {
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'target@example.test', password: `guess-${i}` } })
      statuses.push(res.statusCode)
    }
    t.same(statuses.slice(0, 5), [401, 401, 401, 401, 401])
    t.equal(statuses[6], 429)
  })
})

t.test('a responsible authority account names its organisation, and no other role has one', async t => {
  const app = await build(t)
  const admin = await login(app, 'admin')
  const create = (payload: object) => app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: `ra-${Math.random()}@example.test`, name: 'RA', password: NEW_ACCOUNT_PASSWORD, ...payload } })
  let res = await create({ role: 'responsible_authority' })
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'organisation')
  t.match(res.json().message, /Choose the organisation/)
  res = await create({ role: 'police', organisation: 'fire' })
  t.equal(res.statusCode, 400, 'a police account has no organisation field of its own')
  res = await create({ role: 'responsible_authority', organisation: 'fire' })
  t.equal(res.statusCode, 201)
  t.equal(res.json().organisation, 'fire')
  const changed = await app.inject({ method: 'PATCH', url: `/api/users/${res.json().id}`, headers: admin.headers, payload: { role: 'licensing_officer' } })
  t.equal(changed.statusCode, 200)
  t.equal(changed.json().organisation, null, 'the organisation goes with the role')
})
