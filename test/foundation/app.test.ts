import t from 'tap'
import Fastify from 'fastify'
import app from '../../server/app.ts'
import { fastifyOptions } from '../../server/fastify-options.ts'
import { build, createTestDatabase, login, testConfig } from '../helper.ts'
import { notify } from '../../server/notifications/notifications.service.ts'
import { createPremises } from '../fixtures/premises.ts'

t.test('cross-cutting behaviour', async t => {
  const server = await build(t)

  t.test('GET /health says ok and names the database mode', async t => {
    const res = await server.inject('/health')
    t.equal(res.statusCode, 200)
    t.same(res.json(), { status: 'ok', database: server.dbMode })
  })

  t.test('helmet sets security headers', async t => {
    const res = await server.inject('/health')
    t.match(res.headers['content-security-policy'], /default-src 'self'/)
    t.equal(res.headers['x-content-type-options'], 'nosniff')
    t.ok(res.headers['strict-transport-security'])
  })

  t.test('malformed JSON, unknown fields and huge bodies get clear 4xx errors', async t => {
    const bad = await server.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.c", ' })
    t.equal(bad.statusCode, 400)
    t.match(bad.json(), { statusCode: 400, code: String, error: 'Bad Request' })
    const unknown = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c', password: 'x', admin: true } })
    t.equal(unknown.statusCode, 400)
    t.equal(unknown.json().field, 'admin')
    t.match(unknown.json().message, /"admin" is not a field this form takes/, 'the unknown field is named in words')
    const huge = await server.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }) })
    t.equal(huge.statusCode, 413)
    t.equal((await server.inject('/health')).statusCode, 200, 'the app stays up')
  })

  t.test('unknown API routes get a JSON 404; browser routes get the app page or a hint', async t => {
    const res = await server.inject('/api/nothing-here')
    t.equal(res.statusCode, 404)
    t.equal(res.json().code, 'NOT_FOUND')
  })

  t.test('the OpenAPI document lists the routes', async t => {
    const res = await server.inject('/docs/json')
    t.equal(res.statusCode, 200)
    const doc = res.json()
    t.ok(doc.paths['/api/auth/login'], 'login is documented')
    t.ok(doc.paths['/api/me'])
    t.equal((await server.inject('/docs')).statusCode < 400, true, 'Swagger UI is served')
  })

  t.test('public settings and boundary need no login', async t => {
    const settings = await server.inject('/api/public/settings')
    t.equal(settings.statusCode, 200)
    t.equal(settings.json().mapTiles, null, 'tests run without map tiles')
    const boundary = await server.inject('/api/public/boundary')
    t.equal(boundary.json().geometry.type, 'Polygon')
  })

  t.test('notifications reach a role, respect venue scope and are read per user', async t => {
    const mine = await createPremises(server.db)
    const other = await createPremises(server.db)
    const manager = await login(server, 'manager', { premisesIds: [mine.id] })
    const officer = await login(server, 'officer')
    await notify(server.db, [
      { role: 'venue_manager', premisesId: mine.id, kind: 'test', title: 'About my venue' },
      { role: 'venue_manager', premisesId: other.id, kind: 'test', title: 'About another venue' },
      { role: 'licensing_officer', kind: 'test', title: 'For officers', dedupeKey: 'once' },
      { role: 'licensing_officer', kind: 'test', title: 'For officers again', dedupeKey: 'once' }
    ])
    const forManager = (await server.inject({ url: '/api/notifications', headers: manager.headers })).json()
    t.same(forManager.items.map((n: { title: string }) => n.title), ['About my venue'])
    const forOfficer = (await server.inject({ url: '/api/notifications', headers: officer.headers })).json()
    t.same(forOfficer.items.map((n: { title: string }) => n.title), ['For officers'], 'the same dedupe key is stored once')
    await server.inject({ method: 'POST', url: '/api/notifications/read', headers: officer.headers, payload: { ids: forOfficer.items.map((n: { id: number }) => n.id) } })
    t.equal((await server.inject({ url: '/api/notifications?unread=true', headers: officer.headers })).json().unread, 0)
    const another = await login(server, 'officer')
    t.equal((await server.inject({ url: '/api/notifications?unread=true', headers: another.headers })).json().unread, 1, 'read marks are per user')
  })

  t.test('the audit log is for officers', async t => {
    const officer = await login(server, 'officer')
    const police = await login(server, 'police')
    t.equal((await server.inject({ url: '/api/audit', headers: officer.headers })).statusCode, 200)
    t.equal((await server.inject({ url: '/api/audit', headers: police.headers })).statusCode, 403)
  })
})

t.test('5xx errors are logged and masked', async t => {
  const config = testConfig()
  const database = await createTestDatabase(t)
  const server = Fastify(fastifyOptions(config, false))
  await server.register(app, { config, database })
  server.get('/api/test/explode', { config: { access: 'public' } }, async () => { throw new Error('secret connection string postgres://x') })
  await server.ready()
  t.teardown(() => server.close())
  const res = await server.inject('/api/test/explode')
  t.equal(res.statusCode, 500)
  t.notMatch(res.body, /secret|postgres/)
  t.equal(res.json().code, 'INTERNAL_ERROR')
})

t.test('a route without an access rule stops start-up', async t => {
  const config = testConfig()
  const database = await createTestDatabase(t)
  const server = Fastify(fastifyOptions(config, false))
  await server.register(app, { config, database })
  t.teardown(() => server.close())
  await server.ready()
  let caught: unknown
  try {
    server.get('/api/test/undeclared-after-ready', async () => 'x')
  } catch (error) { caught = error }
  t.ok(caught, 'routes cannot be added once the app is ready')
  const fresh = Fastify(fastifyOptions(config, false))
  t.teardown(() => fresh.close())
  await fresh.register(app, { config, database })
  let refused: unknown
  try {
    fresh.get('/api/test/undeclared', async () => 'x')
  } catch (error) { refused = error }
  t.match((refused as Error)?.message, /declares no config.access/, 'a route without config.access is refused when it is added')
})
