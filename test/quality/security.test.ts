// Security basics: helmet headers, the login rate limit, expired and tampered tokens, uploads of
// the wrong type or size, and no secret committed to the repository.
import { createHmac } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build, createUser, login, testConfig, TEST_PASSWORD } from '../helper.ts'
import { repoRoot } from '../../bench/lib/app-process.ts'

const b64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
function signJwt (payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const head = `${b64url(header)}.${b64url(payload)}`
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

// One app for the whole file (each build costs seconds): small limits so the limits are testable.
const app = await build(t, { config: { loginRateLimit: 3, uploadMaxBytes: 2048, importMaxBytes: 4096 } })

t.test('helmet headers are on API responses and the health check', async t => {
  for (const url of ['/health', '/api/public/settings']) {
    const res = await app.inject(url)
    t.match(res.headers['content-security-policy'], /default-src 'self'/, `${url}: a content security policy`)
    t.match(res.headers['content-security-policy'], /frame-ancestors 'none'/, `${url}: no framing by other sites`)
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${url}: nosniff`)
    t.ok(res.headers['strict-transport-security'], `${url}: HSTS`)
    t.ok(res.headers['referrer-policy'], `${url}: a referrer policy`)
    t.notOk(res.headers['x-powered-by'], `${url}: no x-powered-by`)
  }
})

t.test('login attempts beyond LOGIN_RATE_LIMIT are refused with 429, even with the right password', async t => {
  const user = await createUser(app, 'police')
  for (let i = 1; i <= 3; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: `wrong-${i}` } })
    t.equal(res.statusCode, 401, `attempt ${i}: wrong password → 401`)
  }
  const blocked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } })
  t.equal(blocked.statusCode, 429, 'the fourth attempt is rate limited')
  t.equal(blocked.json().code, 'TOO_MANY_LOGIN_ATTEMPTS')
  t.ok(blocked.headers['retry-after'], 'says when to retry')
})

t.test('expired, tampered, unsigned and foreign tokens are refused with 401', async t => {
  const secret = testConfig().jwtSecret
  const me = await login(app, 'officer')
  const now = Math.floor(Date.now() / 1000)
  const sid = app.jwt.decode<{ sid: string }>(me.token)!.sid
  const good = signJwt({ sub: me.id, sid, role: me.role, iat: now, exp: now + 600 }, secret)
  t.equal((await app.inject({ url: '/api/me', headers: bearer(good) })).statusCode, 200, 'control: a token crafted with the right secret works')
  const cases: Record<string, string> = {
    expired: signJwt({ sub: me.id, sid, role: me.role, iat: now - 7200, exp: now - 3600 }, secret),
    'no session id': signJwt({ sub: me.id, role: me.role, iat: now, exp: now + 600 }, secret),
    'an unknown session id': signJwt({ sub: me.id, sid: 'not-a-session', role: me.role, iat: now, exp: now + 600 }, secret),
    'another user’s session id': signJwt({ sub: me.id + 1, sid, role: me.role, iat: now, exp: now + 600 }, secret),
    'tampered (role changed, old signature)': `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: me.id, role: 'admin', iat: now, exp: now + 600 })}.${me.token.split('.')[2]}`,
    'unsigned (alg none)': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: me.id, role: 'admin', exp: now + 600 })}.`,
    'signed with another secret': signJwt({ sub: me.id, role: 'admin', exp: now + 600 }, 'not-the-secret-'.padEnd(48, 'z')),
    garbage: 'not.a.token'
  }
  for (const [name, token] of Object.entries(cases)) {
    const res = await app.inject({ url: '/api/me', headers: bearer(token) })
    t.equal(res.statusCode, 401, `${name} → 401`)
    t.equal(res.json().code, 'NOT_AUTHENTICATED', `${name}: the error code says so`)
  }
  const admin = await login(app, 'admin')
  await app.inject({ method: 'PATCH', url: `/api/users/${me.id}`, headers: admin.headers, payload: { active: false } })
  t.equal((await app.inject({ url: '/api/me', headers: me.headers })).statusCode, 401, 'a deactivated account’s token stops working')
})

t.test('uploads of the wrong type or over the size limit are refused', async t => {
  const police = await login(app, 'police')
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)])
  const wrongType = await app.inject({ method: 'POST', url: '/api/imports/police-uk', headers: { ...police.headers, 'content-type': 'application/x-msdownload' }, payload: exe })
  t.ok([400, 415].includes(wrongType.statusCode), `an executable sent to the police.uk import → ${wrongType.statusCode}`)
  const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n'
  const big = header + ',2024-01,City of London Police,City of London Police,-0.09,51.51,On or near X,E01000001,City of London 001A,Anti-social behaviour,,\n'.repeat(60)
  const tooBig = await app.inject({ method: 'POST', url: '/api/imports/police-uk', headers: { ...police.headers, 'content-type': 'text/csv' }, payload: big })
  t.equal(tooBig.statusCode, 413, 'a CSV over IMPORT_MAX_BYTES → 413')
  t.match(tooBig.json().message, /^The file is larger than this upload accepts \(at most [\d.]+ [KM]B\)/, 'in words, with the limit')
  t.equal(Number((await app.db.selectFrom('incidents').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0, 'nothing was imported')

  const officer = await login(app, 'officer')
  const premises = await app.inject({ method: 'POST', url: '/api/premises', headers: officer.headers, payload: { name: 'Upload Arms', address: '1 Upload Lane, London', postcode: 'EC2V 7HH' } })
  t.equal(premises.statusCode, 201, 'a premises to apply for')
  const application = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: officer.headers, payload: { premisesId: premises.json().id } })
  t.equal(application.statusCode, 201, 'a Safety Thirst application to attach evidence to')
  const upload = (name: string, type: string, bytes: Buffer) => {
    const boundary = '----quality' + Math.random().toString(16).slice(2)
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`)
    ])
    return app.inject({ method: 'POST', url: `/api/safety-thirst/applications/${application.json().id}/evidence`, headers: { ...officer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body })
  }
  const disguised = await upload('policy.pdf', 'application/pdf', exe)
  t.ok([400, 415].includes(disguised.statusCode), `an executable named .pdf → ${disguised.statusCode}`)
  const oversized = await upload('big.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 0x20)]))
  t.equal(oversized.statusCode, 413, 'a PDF over UPLOAD_MAX_BYTES → 413')
  t.match(oversized.json().message, /^The file is larger than this upload accepts/, 'in words')
  const fine = await upload('policy.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))
  t.equal(fine.statusCode, 201, 'control: a small real PDF is accepted')
  const files = await app.db.selectFrom('stEvidenceFiles' as any).select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: number }
  t.equal(Number(files.n), 1, 'only the accepted file was stored')
})

t.test('no private key, token or undocumented password is committed', async t => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot }).toString().split('\0').filter(Boolean)
  t.ok(files.length > 50, `scanned ${files.length} tracked files`)
  const patterns: [string, RegExp][] = [
    ['private key', new RegExp('-----BEGIN ' + '([A-Z]+ )*PRIVATE KEY-----')],
    ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
    ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/],
    ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
    ['password in a URL', /:\/\/[^/\s:@'"`]+:([^@\s'"`/]+)@/g],
    ['password assignment', /\b(?:password|passwd|secret|api[_-]?key)\w*["']?\s*[:=]\s*["'`]([^"'`\s]{6,})["'`]/gi]
  ]
  // Documented, deliberately public values: the demo and test passwords, CI's local PostgreSQL.
  const allowed = new Set(['nightsafe-demo', 'postgres', 'correct horse battery staple', 'bench-password-not-secret', 'password', '${password}', 'PASSWORD'])
  const findings: string[] = []
  for (const file of files) {
    const path = join(repoRoot, file)
    let stat
    try { stat = statSync(path) } catch { continue }
    if (stat.size > 2_000_000 || /\.(png|jpe?g|gz|zip|pdf|ico|woff2?)$/i.test(file) || file.startsWith('demo/')) continue
    const text = readFileSync(path, 'utf8')
    for (const [name, pattern] of patterns) {
      for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))) {
        const value = match[1]
        if (value !== undefined && (allowed.has(value) || /^(\$\{|process\.env|<|\*+$|x+$)/i.test(value) || value.includes('${'))) continue
        if (name === 'password assignment' && /^[A-Z_]+$|^\w+\(|\.(ts|js)$/.test(value ?? '')) continue
        findings.push(`${file}: ${name} (${match[0].slice(0, 60)})`)
      }
    }
  }
  t.same(findings, [], 'no secrets found')
})
