// Login guessing limits: per normalised email and per client address, counted in the database
// before the password is checked. TRUST_PROXY decides which address that is.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, createTestDatabase, createUser, testDatabaseMode, TEST_PASSWORD } from '../helper.ts'
import { sql } from 'kysely'
import { addressKey, delayAfter, nextAttempt, takeAttempt, type ThrottleRule } from '../../server/auth/throttle.ts'
import { loginRules } from '../../server/auth/login.service.ts'

const WRONG_PASSWORD = `${TEST_PASSWORD} but wrong`
let forwarded = 0
const nextForwardedFor = () => `203.0.113.${++forwarded % 250}, 198.51.100.${forwarded % 200}`

function attempt (app: FastifyInstance, email: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } })
}

/** Moves every wait of this kind into the past, as if the clock had run on. */
async function endWaits (app: FastifyInstance, kind: string) {
  await app.db.updateTable('authThrottle').set({ lockedUntil: new Date(Date.now() - 1000) }).where('kind', '=', kind).where('lockedUntil', 'is not', null).execute()
}

t.test('per email: whatever the address, the case or the spaces', async t => {
  const app = await build(t, { config: { loginRateLimit: 3, loginAddressRateLimit: 1000 } })

  t.test('rotating X-Forwarded-For and padded, upper-cased emails share one count; the right password is then refused', async t => {
    const user = await createUser(app, 'police')
    const variants = [`  ${user.email.toUpperCase()}  `, `${user.email}\t`, ` ${user.email[0]!.toUpperCase()}${user.email.slice(1)}`]
    for (const [i, email] of variants.entries()) {
      const res = await attempt(app, email, WRONG_PASSWORD, { 'x-forwarded-for': nextForwardedFor() })
      t.equal(res.statusCode, 401, `attempt ${i + 1} (${JSON.stringify(email)}, a new forwarded address) → 401`)
    }
    const right = await attempt(app, user.email.toUpperCase(), TEST_PASSWORD, { 'x-forwarded-for': nextForwardedFor() })
    t.equal(right.statusCode, 429, 'the right password from yet another forwarded address is refused while limited')
    t.equal(right.json().code, 'TOO_MANY_LOGIN_ATTEMPTS')
    t.match(right.json().message, /^Too many attempts to log in with these details: wait (\d+ seconds|1 minute) and try again$/, 'in words, with the wait')
    const retryAfter = Number(right.headers['retry-after'])
    t.ok(retryAfter > 50 && retryAfter <= 60, `Retry-After says about a minute (${retryAfter} s)`)
    t.notOk(right.headers['set-cookie'], 'no session cookie')
  })

  t.test('once the wait is over the right password logs in, and the count starts again', async t => {
    const user = await createUser(app, 'licensing_officer')
    for (let i = 0; i < 3; i++) await attempt(app, user.email, WRONG_PASSWORD)
    t.equal((await attempt(app, user.email, TEST_PASSWORD)).statusCode, 429, 'limited')
    await endWaits(app, 'login-email')
    t.equal((await attempt(app, user.email, TEST_PASSWORD)).statusCode, 200, 'after the wait the right password works')
    for (let i = 0; i < 2; i++) t.equal((await attempt(app, user.email, WRONG_PASSWORD)).statusCode, 401, `a fresh count: failure ${i + 1} → 401`)
  })

  t.test('each attempt after the limit doubles the wait', async t => {
    const user = await createUser(app, 'licensing_officer')
    for (let i = 0; i < 3; i++) await attempt(app, user.email, WRONG_PASSWORD)
    const waits = [Number((await attempt(app, user.email, WRONG_PASSWORD)).headers['retry-after'])]
    for (let round = 0; round < 2; round++) {
      await endWaits(app, 'login-email')
      t.equal((await attempt(app, user.email, WRONG_PASSWORD)).statusCode, 401, `after wait ${round + 1}, one more guess is let through`)
      const refused = await attempt(app, user.email, TEST_PASSWORD)
      t.equal(refused.statusCode, 429, 'and the next is refused at once, even with the right password')
      waits.push(Number(refused.headers['retry-after']))
    }
    t.ok(waits[0]! <= 60 && waits[1]! > 60 && waits[1]! <= 120 && waits[2]! > 120 && waits[2]! <= 240, `waits of about 1, 2 and 4 minutes (${waits.join(', ')} s)`)
  })

  t.test('parallel guesses cannot get past the limit', async t => {
    const user = await createUser(app, 'police')
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => attempt(app, user.email, WRONG_PASSWORD)))).map(r => r.statusCode)
    t.equal(statuses.filter(s => s === 401).length, 3, `three guesses were checked (${statuses.join(' ')})`)
    t.equal(statuses.filter(s => s === 429).length, 7, 'the other seven were refused')
  })

  t.test('an unknown email is limited like a real one (the limit does not reveal accounts)', async t => {
    for (let i = 0; i < 3; i++) t.equal((await attempt(app, 'nobody@example.test', WRONG_PASSWORD)).statusCode, 401)
    t.equal((await attempt(app, 'NOBODY@example.test', WRONG_PASSWORD)).statusCode, 429)
  })

  t.test('no email or address is stored in the clear', async t => {
    const rows = await app.db.selectFrom('authThrottle').selectAll().execute()
    t.ok(rows.length > 0)
    t.ok(rows.every(r => /^[0-9a-f]{64}$/.test(r.keyHash)), 'keys are SHA-256 hashes')
  })

  t.test('the nightly housekeeping drops forgotten counters and keeps waiting ones', async t => {
    const past = new Date(Date.now() - 60_000)
    const future = new Date(Date.now() + 60_000)
    await app.db.insertInto('authThrottle').values([
      { kind: 'test-kind', keyHash: 'forgotten', attempts: 3, lockedUntil: null, forgetAt: past },
      { kind: 'test-kind', keyHash: 'still-waiting', attempts: 9, lockedUntil: future, forgetAt: past },
      { kind: 'test-kind', keyHash: 'remembered', attempts: 1, lockedUntil: null, forgetAt: future }
    ]).execute()
    const outcome = await app.jobs.runNow('auth-housekeeping')
    t.match(outcome, { ran: true, ok: true })
    const left = await app.db.selectFrom('authThrottle').select('keyHash').where('kind', '=', 'test-kind').orderBy('keyHash').execute()
    t.same(left.map(r => r.keyHash), ['remembered', 'still-waiting'])
  })
})

t.test('two app instances on one database share the limit', async t => {
  const database = await createTestDatabase(t)
  const config = { loginRateLimit: 3, loginAddressRateLimit: 1000 }
  const [a, b] = [await build(t, { database, config }), await build(t, { database, config })]
  const user = await createUser(a, 'police')
  const statuses = []
  for (const app of [a, b, a]) statuses.push((await attempt(app, user.email, WRONG_PASSWORD)).statusCode)
  t.same(statuses, [401, 401, 401], 'three guesses, spread over the two instances')
  const onB = await attempt(b, ` ${user.email.toUpperCase()}`, TEST_PASSWORD)
  t.equal(onB.statusCode, 429, 'B refuses the right password: it counts the guesses A saw')
  t.match(onB.json().message, /wait (\d+ seconds|1 minute) and try again/)
  t.equal((await attempt(a, user.email, TEST_PASSWORD)).statusCode, 429, 'and so does A')
})

t.test('per address: TRUST_PROXY decides what the address is', async t => {
  t.test('off (the default): X-Forwarded-For is ignored, so rotating it does not give new addresses', async t => {
    const app = await build(t, { config: { loginRateLimit: 100, loginAddressRateLimit: 4 } })
    t.equal(app.config.trustProxy, false, 'off by default')
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await attempt(app, `guess-${i}@example.test`, WRONG_PASSWORD, { 'x-forwarded-for': nextForwardedFor() })).statusCode)
    t.same(statuses, [401, 401, 401, 401, 429, 429], 'a fifth email from one connecting address is refused')
  })

  t.test('naming the proxy: each forwarded client has its own count', async t => {
    const app = await build(t, { config: { loginRateLimit: 100, loginAddressRateLimit: 4, trustProxy: ['127.0.0.1'] } })
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await attempt(app, `guess-${i}@example.test`, WRONG_PASSWORD, { 'x-forwarded-for': nextForwardedFor() })).statusCode)
    t.same(statuses, [401, 401, 401, 401, 401, 401], 'six clients behind the trusted proxy, one guess each')
    const same = { 'x-forwarded-for': '192.0.2.77' }
    for (let i = 0; i < 4; i++) await attempt(app, `other-${i}@example.test`, WRONG_PASSWORD, same)
    t.equal((await attempt(app, 'another@example.test', WRONG_PASSWORD, same)).statusCode, 429, 'one forwarded client still has its limit')
  })

  t.test('a hop count believes only the address the trusted proxy added, not what the client wrote before it', async t => {
    const app = await build(t, { config: { loginRateLimit: 100, loginAddressRateLimit: 4, trustProxy: 1 } })
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await attempt(app, `hop-${i}@example.test`, WRONG_PASSWORD, { 'x-forwarded-for': `198.51.100.${i}, 192.0.2.50` })).statusCode)
    t.same(statuses, [401, 401, 401, 401, 429, 429], 'the proxy-appended 192.0.2.50 is the client, however the first entry rotates')
  })

  t.test('people logging in from one office address do not use up its limit', async t => {
    const app = await build(t, { config: { loginRateLimit: 100, loginAddressRateLimit: 3 } })
    const users = [await createUser(app, 'police'), await createUser(app, 'licensing_officer')]
    for (let round = 0; round < 3; round++) {
      for (const user of users) t.equal((await attempt(app, user.email, TEST_PASSWORD)).statusCode, 200, `round ${round + 1}: ${user.role} logs in`)
    }
  })
})

t.test('the throttle rules', async t => {
  const rule: ThrottleRule = { limit: 2, firstDelayMs: 1000, maxDelayMs: 3000, forgetAfterMs: 10000 }
  const now = new Date('2026-01-01T00:00:00Z')
  const at = (ms: number) => new Date(now.getTime() + ms)
  let state = { attempts: 0, lockedUntil: null as Date | null, forgetAt: now }
  const first = nextAttempt(state, rule, now)
  t.same(first.decision, { allowed: true })
  t.equal(first.state.lockedUntil, null, 'below the limit: no wait')
  state = nextAttempt(first.state, rule, now).state
  t.same(state.lockedUntil, at(1000), 'the limit-th attempt starts the first wait')
  t.same(nextAttempt(state, rule, at(400)).decision, { allowed: false, retryAfterMs: 600 }, 'during the wait: refused, with the time left')
  t.equal(nextAttempt(state, rule, at(400)).state, state, 'a refused attempt changes nothing')
  state = nextAttempt(state, rule, at(1000)).state
  t.same(state.lockedUntil, at(3000), 'the next attempt waits twice as long')
  t.same([2, 3, 4, 5, 40].map(n => delayAfter(rule, n)), [1000, 2000, 3000, 3000, 3000], 'doubling, capped')
  const forgotten = nextAttempt(state, rule, at(20000))
  t.equal(forgotten.state.attempts, 1, 'a key quiet for forgetAfterMs starts from nothing')
  t.equal(forgotten.state.lockedUntil, null)
})

t.test('addresses: IPv6 clients are counted by their /64, IPv4-mapped addresses as IPv4', async t => {
  t.equal(addressKey('203.0.113.9'), '203.0.113.9')
  t.equal(addressKey('::ffff:203.0.113.9'), '203.0.113.9')
  t.equal(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64')
  t.equal(addressKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64')
  t.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64')
  t.equal(addressKey('::1'), '0:0:0:0::/64')
})

// Only PostgreSQL has a second connection to interleave with; PGlite runs one query at a time.
if (testDatabaseMode() === 'postgres') {
  t.test('a counter deleted by a login elsewhere while this attempt waits for it: the attempt still counts', async t => {
    // The interleaving a busy server produced: attempt A finds the row existing, a successful login
    // B deletes it and commits, and A, waiting on B's lock, must then make the row afresh.
    const app = await build(t, { config: { loginRateLimit: 1000, loginAddressRateLimit: 100000 } })
    const key = { kind: 'login-email', key: `race-${Date.now()}@example.com`, rule: loginRules(app.config).email }
    t.same(await takeAttempt(app.db, [key]), { allowed: true }, 'the counter exists')
    const row = () => app.db.selectFrom('authThrottle').where('kind', '=', key.kind).orderBy('forgetAt', 'desc')
    const { keyHash } = await row().select('keyHash').executeTakeFirstOrThrow()
    let release!: () => void
    const released = new Promise<void>(resolve => { release = resolve })
    let held!: () => void
    const holding = new Promise<void>(resolve => { held = resolve })
    const loginElsewhere = app.db.transaction().execute(async trx => {
      await trx.selectFrom('authThrottle').select('attempts').where('kind', '=', key.kind).where('keyHash', '=', keyHash).forUpdate().execute()
      held()
      await released
      await trx.deleteFrom('authThrottle').where('kind', '=', key.kind).where('keyHash', '=', keyHash).execute()
    })
    await holding
    const contender = takeAttempt(app.db, [key])
    // Wait on state: until the contender is blocked on the row lock.
    for (;;) {
      const { rows } = await sql<{ waiting: number }>`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(app.db)
      if (rows[0]!.waiting > 0) break
      await new Promise(resolve => setImmediate(resolve))
    }
    release()
    await loginElsewhere
    t.same(await contender, { allowed: true }, 'the attempt went ahead (no "no result" error)')
    const after = await app.db.selectFrom('authThrottle').select('attempts').where('kind', '=', key.kind).where('keyHash', '=', keyHash).executeTakeFirstOrThrow()
    t.equal(after.attempts, 1, 'and was counted on a new row')
  })
}
