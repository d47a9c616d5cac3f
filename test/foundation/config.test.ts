import t from 'tap'
import { ConfigError, loadConfig } from '../../server/config.ts'

const base = { DATA_DIR: ':memory:' }

t.test('defaults match the architecture document', async t => {
  const config = loadConfig(base)
  t.equal(config.port, 3000)
  t.equal(config.host, '127.0.0.1')
  t.equal(config.databaseUrl, undefined)
  t.equal(config.demo, 'auto')
  t.equal(config.cron, true)
  t.equal(config.tzLocal, 'Europe/London')
  t.ok(config.jwtSecret.length >= 32, 'a secret is generated in embedded mode')
})

const bad: [Record<string, string>, string][] = [
  [{ PORT: 'abc' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
  [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
  [{ DATABASE_URL: 'postgres://u:x@h/db' }, 'JWT_SECRET'],
  [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
  [{ DEMO: 'maybe' }, 'DEMO'],
  [{ CRON: 'sometimes' }, 'CRON'],
  [{ TZ_LOCAL: 'Mars/Olympus' }, 'TZ_LOCAL'],
  [{ MAP_TILES: 'ftp://tiles' }, 'MAP_TILES'],
  [{ LOGIN_RATE_LIMIT: '0' }, 'LOGIN_RATE_LIMIT'],
  [{ TEST_PAUSE_AT: 'police-uk-import' }, 'TEST_PAUSE_AT'],
  [{ TEST_PAUSE_AT: 'police-uk-import', NODE_ENV: 'production' }, 'TEST_PAUSE_AT'],
  [{ TEST_PAUSE_AT: 'somewhere', NODE_ENV: 'test' }, 'TEST_PAUSE_AT'],
  [{ LOGIN_ADDRESS_RATE_LIMIT: 'many' }, 'LOGIN_ADDRESS_RATE_LIMIT'],
  [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
  [{ TRUST_PROXY: '*' }, 'TRUST_PROXY'],
  [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
  [{ TRUST_PROXY: 'lb.example.internal' }, 'TRUST_PROXY'],
  [{ TRUST_PROXY: '10.0.0.1, 10.0.0.999' }, 'TRUST_PROXY'],
  [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
  [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
  [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
  [{ SMTP_URL: 'smtp://mail.example.org:587', APP_URL: 'https://nightsafe.example.org' }, 'MAIL_FROM'],
  [{ SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: 'nightsafe@example.org' }, 'APP_URL'],
  [{ MAIL_FROM: 'nightsafe' }, 'MAIL_FROM'],
  [{ APP_URL: 'ftp://nightsafe.example.org' }, 'APP_URL'],
  [{ APP_URL: 'https://nightsafe.example.org/?x=1' }, 'APP_URL']
]
for (const [env, variable] of bad) {
  t.test(`a bad ${variable} stops start-up with a message naming it (${JSON.stringify(env)})`, async t => {
    let caught: unknown
    try { loadConfig({ ...base, ...env }) } catch (error) { caught = error }
    t.ok(caught instanceof ConfigError, 'a ConfigError is thrown')
    t.equal((caught as ConfigError).variable, variable)
    t.match((caught as ConfigError).message, variable)
  })
}

t.test('TRUST_PROXY: off by default, or proxy addresses and ranges, or a hop count', async t => {
  t.equal(loadConfig(base).trustProxy, false, 'unset: X-Forwarded-For is not believed')
  t.equal(loadConfig({ ...base, TRUST_PROXY: 'off' }).trustProxy, false)
  t.same(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,2001:db8::/32 , loopback' }).trustProxy, ['10.0.0.0/8', '192.0.2.7', '2001:db8::/32', 'loopback'])
  t.equal(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy, 2)
  let caught: unknown
  try { loadConfig({ ...base, TRUST_PROXY: 'on' }) } catch (error) { caught = error }
  t.match((caught as Error).message, /TRUST_PROXY must name the proxies to trust or a hop count.*any client choose its own address.*e\.g\. TRUST_PROXY=10\.0\.0\.0\/8/, 'trusting everyone is refused, with what to write instead')
})

t.test('server mode with a secret is accepted', async t => {
  const config = loadConfig({ ...base, DATABASE_URL: 'postgres://u:x@localhost:5432/db', JWT_SECRET: 'x'.repeat(40), CRON: 'off', DEMO: 'off' })
  t.equal(config.databaseUrl, 'postgres://u:x@localhost:5432/db')
  t.equal(config.cron, false)
  t.equal(config.demo, 'off')
})

t.test('the test-only pause is off unless set, and accepted only with NODE_ENV=test', async t => {
  t.equal(loadConfig(base).testPauseAt, null)
  t.equal(loadConfig({ ...base, NODE_ENV: 'test', TEST_PAUSE_AT: 'safety-thirst-submit' }).testPauseAt, 'safety-thirst-submit')
  t.throws(() => loadConfig({ ...base, TEST_PAUSE_AT: 'safety-thirst-submit' }), /test-only setting .* refused unless NODE_ENV=test/)
})

t.test('mail: SMTP with a sender and the app address, or a folder in DATA_DIR without SMTP', async t => {
  const login = 'nightsafe:not-a-secret'
  const smtp = loadConfig({ ...base, SMTP_URL: `smtp://${login}@mail.example.org:587`, MAIL_FROM: 'Nightsafe <nightsafe@example.org>', APP_URL: 'https://nightsafe.example.org/' })
  t.equal(smtp.smtpUrl, `smtp://${login}@mail.example.org:587`)
  t.equal(smtp.mailFrom, 'Nightsafe <nightsafe@example.org>')
  t.equal(smtp.appUrl, 'https://nightsafe.example.org', 'without the trailing slash, so links join cleanly')
  const folder = loadConfig({ DATA_DIR: '/srv/nightsafe-data', PORT: '8080', JWT_SECRET: 'x'.repeat(40) })
  t.equal(folder.smtpUrl, null)
  t.equal(folder.mailDir, '/srv/nightsafe-data/mail', 'mail goes to DATA_DIR/mail')
  t.equal(folder.appUrl, 'http://localhost:8080', 'links point at this machine by default')
  t.equal(loadConfig(base).mailDir, null, 'in-memory data: mail is only recorded')
})
