// How answers travel: compressed JSON, GeoJSON and CSV; no API answer stored by a browser or
// proxy except the public register, which is cacheable for a minute with an ETag and a 304; and
// the CSP lets the browser load tiles from the server MAP_TILES names (the default host was
// blocked before). Static files (hashed assets, index.html) are checked in test/e2e/hardening.e2e.ts.
import t from 'tap'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { loadConfig } from '../../server/config.ts'
import { createPremises } from '../fixtures/premises.ts'
import { build, login } from '../helper.ts'

const app = await build(t)
const officer = await login(app, 'officer')
for (let i = 0; i < 30; i++) await createPremises(app.db, { name: `Compressible Arms ${i}` })

t.test('JSON, GeoJSON and CSV go out compressed when the client accepts it', async t => {
  for (const url of ['/api/premises?limit=1000', '/api/premises/export.geojson', '/api/premises/export.csv', '/api/hotspots?from=2024-01-01&to=2024-01-31', '/api/public/premises']) {
    const br = await app.inject({ url, headers: { ...officer.headers, 'accept-encoding': 'br, gzip' } })
    t.equal(br.statusCode, 200, url)
    t.equal(br.headers['content-encoding'], 'br', `${url}: brotli when offered`)
    t.match(br.headers.vary, /accept-encoding/i, `${url}: varies on Accept-Encoding`)
    const plain = await app.inject({ url, headers: officer.headers })
    t.equal(plain.headers['content-encoding'], undefined, `${url}: plain when not offered`)
    t.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body, `${url}: the same body`)
    t.ok(br.rawPayload.length < plain.rawPayload.length / 2, `${url}: ${plain.rawPayload.length} → ${br.rawPayload.length} bytes`)
    const gzip = await app.inject({ url, headers: { ...officer.headers, 'accept-encoding': 'gzip' } })
    t.equal(gzip.headers['content-encoding'], 'gzip', `${url}: gzip for clients without brotli`)
    t.equal(gunzipSync(gzip.rawPayload).toString(), plain.body)
  }
})

t.test('authenticated API answers (and refusals, and the login) are never stored', async t => {
  for (const [url, headers] of [['/api/premises', officer.headers], ['/api/me', officer.headers], ['/api/premises', {}], ['/api/incidents?from=1800-01-01', officer.headers]] as const) {
    const res = await app.inject({ url, headers })
    t.equal(res.headers['cache-control'], 'private, no-store', `${url} (${res.statusCode})`)
    t.notOk(res.headers.etag, `${url}: no ETag on private answers`)
  }
  const loginAnswer = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: officer.email, password: 'wrong password here' } })
  t.equal(loginAnswer.headers['cache-control'], 'private, no-store', 'the login answer (a token when it succeeds)')
})

t.test('the public register is cacheable for a minute and answers 304 to a matching ETag', async t => {
  const first = await app.inject({ url: '/api/public/premises?q=Compressible' })
  t.equal(first.statusCode, 200)
  t.equal(first.headers['cache-control'], 'public, max-age=60')
  const etag = first.headers.etag as string
  t.match(etag, /^W\/".+"$/, 'a weak ETag (the same body in every encoding)')
  const again = await app.inject({ url: '/api/public/premises?q=Compressible', headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304, '304 Not Modified')
  t.equal(again.body, '', 'with no body')
  const compressed = await app.inject({ url: '/api/public/premises?q=Compressible', headers: { 'if-none-match': etag, 'accept-encoding': 'br' } })
  t.equal(compressed.statusCode, 304, '304 for a client that accepts brotli too')
  await createPremises(app.db, { name: 'Compressible Arms, newly licensed' })
  const changed = await app.inject({ url: '/api/public/premises?q=Compressible', headers: { 'if-none-match': etag } })
  t.equal(changed.statusCode, 200, 'a changed register is sent again')
  t.not(changed.headers.etag, etag)
  const boundary = await app.inject({ url: '/api/public/boundary' })
  t.equal(boundary.headers['cache-control'], 'public, max-age=3600', 'a route that sets its own rule keeps it')
})

t.test('the CSP allows images from the configured tile server', async t => {
  const csp = async (mapTiles: string | null) => {
    const withTiles = await build(t, { config: { mapTiles } })
    const res = await withTiles.inject({ url: '/api/public/settings' })
    t.equal(res.json().mapTiles, mapTiles, 'the browser is told the same tile URL')
    return String(res.headers['content-security-policy'])
  }
  const imgSrc = (policy: string) => /img-src ([^;]+)/.exec(policy)?.[1]?.split(' ') ?? []
  const defaultTiles = loadConfig({ DATA_DIR: ':memory:' }).mapTiles
  t.equal(defaultTiles, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'the default tile URL')
  t.ok(imgSrc(await csp(defaultTiles)).includes('https://tile.openstreetmap.org'), 'the default host is allowed')
  const council = imgSrc(await csp('https://maps.council.example:8443/tiles/{z}/{x}/{y}.png'))
  t.ok(council.includes('https://maps.council.example:8443'), 'a council tile server is allowed')
  t.notOk(council.some(s => s.includes('openstreetmap')), 'and OpenStreetMap is not')
  t.ok(imgSrc(await csp('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).includes('https://*.tiles.example.org'), '{s} subdomains become a wildcard')
  t.same(imgSrc(await csp(null)), ["'self'", 'data:', 'blob:'], 'MAP_TILES=off allows no outside images')
  t.throws(() => loadConfig({ DATA_DIR: ':memory:', MAP_TILES: 'https://{s}{z}.example.org/{z}/{x}/{y}.png' }), /MAP_TILES must name the tile server's host plainly/)
})
