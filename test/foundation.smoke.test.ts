import t from 'tap'
import { build, login } from './helper.ts'

t.test('app builds, migrates and answers /health', async t => {
  const app = await build(t)
  const res = await app.inject('/health')
  t.equal(res.statusCode, 200)
  t.match(res.json(), { status: 'ok' })
  const me = await login(app, 'officer')
  const meRes = await app.inject({ url: '/api/me', headers: me.headers })
  t.equal(meRes.statusCode, 200)
  t.equal(meRes.json().role, 'licensing_officer')
})
