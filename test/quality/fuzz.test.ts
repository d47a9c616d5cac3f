// Bad input to every write route (POST/PUT/PATCH/DELETE from the route table): malformed JSON,
// wrong types, unicode-hostile strings, oversized bodies, hostile query strings, broken CSV,
// XML and multipart. Never a 5xx, and a rejected request leaves every table's row count as it was.
import t from 'tap'
import type { Role } from '../../shared/roles.ts'
import { countAllRows } from '../../bench/lib/database.ts'
import { createPremises } from '../fixtures/premises.ts'
import { login } from '../helper.ts'
import { apiRoutes, buildWithRoutes, fillPath, WRITE_METHODS, type RouteInfo } from './route-table.ts'

const LIMIT = 16 * 1024
// Tables whose whole purpose is to record a refused attempt: a failed login must be counted.
const RECORDS_OF_REFUSALS = new Set(['authThrottle'])
const HOSTILE = '\u0000\u202e\ud800<script>alert(1)</script>\'"; drop table premises; --\uFEFF' + '𝕏'.repeat(50)

interface Attempt { name: string; contentType?: string; payload?: string | Buffer; query?: string }

function wrongValue (schema: { type?: string | string[] } | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type
  switch (type) {
    case 'string': return 12345
    case 'integer': case 'number': return 'abc'
    case 'boolean': return 'maybe'
    case 'array': return { not: 'an array' }
    case 'object': return 'not an object'
    default: return [null]
  }
}

function attemptsFor (route: RouteInfo): Attempt[] {
  const props = (route.schema?.body?.properties ?? {}) as Record<string, { type?: string | string[] }>
  const names = Object.keys(props)
  const json = (value: unknown) => JSON.stringify(value)
  const attempts: Attempt[] = [
    { name: 'malformed JSON', contentType: 'application/json', payload: '{"name": "unterminated' },
    { name: 'JSON array', contentType: 'application/json', payload: '[1,2,3]' },
    { name: 'JSON scalar', contentType: 'application/json', payload: '"just a string"' },
    { name: 'JSON null', contentType: 'application/json', payload: 'null' },
    { name: 'prototype pollution', contentType: 'application/json', payload: '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}' },
    { name: 'every field the wrong type', contentType: 'application/json', payload: json(Object.fromEntries(names.map(n => [n, wrongValue(props[n])]))) },
    { name: 'unicode-hostile strings', contentType: 'application/json', payload: json(Object.fromEntries(names.map(n => [n, HOSTILE]))) },
    { name: 'huge numbers', contentType: 'application/json', payload: json(Object.fromEntries(names.map(n => [n, 1e308]))) },
    { name: 'oversized JSON', contentType: 'application/json', payload: json({ padding: 'x'.repeat(LIMIT + 10) }) },
    { name: 'deeply nested JSON', contentType: 'application/json', payload: '['.repeat(5000) + ']'.repeat(5000) },
    { name: 'hostile query string', contentType: 'application/json', payload: '{}', query: `?limit=-1&offset=abc&asOf=2024-02-30&%00=%ff&q=${'%F0%9F%98%80'.repeat(300)}&bbox=1,2,3&from=9999-99-99` },
    { name: 'broken CSV', contentType: 'text/csv', payload: 'Crime ID,Month\n"unterminated,2024-01\n\u0000\u0001,' },
    { name: 'police.uk header with garbage rows', contentType: 'text/csv', payload: 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\nabc,13-2024,x,y,longitude,NaN,' + HOSTILE + ',,,Not a crime,,\n,,,,,,,,,,,\n' },
    { name: 'binary garbage as CSV', contentType: 'text/csv', payload: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)) },
    { name: 'oversized CSV', contentType: 'text/csv', payload: 'a,b\n' + '1,2\n'.repeat(LIMIT / 2) },
    { name: 'broken XML', contentType: 'application/xml', payload: '<?xml version="1.0"?><FHRSEstablishment><EstablishmentCollection><EstablishmentDetail><BusinessName>' },
    { name: 'XML entity expansion', contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE z [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><FHRSEstablishment><x>&c;</x></FHRSEstablishment>' },
    { name: 'broken multipart', contentType: 'multipart/form-data; boundary=zzz', payload: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nno closing boundary' },
    { name: 'multipart with a garbage file', contentType: 'multipart/form-data; boundary=yyy', payload: Buffer.concat([Buffer.from('--yyy\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\nContent-Type: text/csv\r\n\r\n'), Buffer.from('\u0000\u0001garbage' + HOSTILE), Buffer.from('\r\n--yyy--\r\n')]) },
    { name: 'unsupported content type', contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' }
  ]
  return attempts
}

const PREFERENCE: Role[] = ['admin', 'licensing_officer', 'police', 'venue_manager']

t.test('write routes reject bad input without a 5xx or a partial write', async t => {
  const { app, routes } = await buildWithRoutes(t, { bodyLimitBytes: LIMIT, importMaxBytes: LIMIT, uploadMaxBytes: LIMIT / 2 })
  const writes = apiRoutes(routes).filter(r => WRITE_METHODS.has(r.method))
  t.ok(writes.length >= 5, `${writes.length} write routes found`)
  const premises = await createPremises(app.db)
  const headers: Partial<Record<Role, Record<string, string>>> = {}
  for (const role of PREFERENCE) headers[role] = (await login(app, role, role === 'venue_manager' ? { premisesIds: [premises.id] } : {})).headers

  let counts = await countAllRows(app.db)
  let sent = 0
  for (const route of writes) {
    const access = route.access
    const role = access === 'public' ? undefined : PREFERENCE.find(r => (access ?? []).includes(r))
    const failures: string[] = []
    for (const attempt of attemptsFor(route)) {
      const res = await app.inject({
        method: route.method as 'POST',
        url: fillPath(route, premises.id, 1) + (attempt.query ?? ''),
        headers: { ...(role ? headers[role] : {}), ...(attempt.contentType ? { 'content-type': attempt.contentType } : {}) },
        ...(attempt.payload !== undefined ? { payload: attempt.payload } : {})
      })
      sent++
      const after = await countAllRows(app.db)
      if (res.statusCode >= 500) failures.push(`${attempt.name}: ${res.statusCode} ${res.body.slice(0, 160)}`)
      if (res.statusCode >= 400) {
        const changed = Object.keys(after).filter(k => after[k] !== counts[k] && !RECORDS_OF_REFUSALS.has(k)).map(k => `${k} ${counts[k]}→${after[k]}`)
        if (changed.length) failures.push(`${attempt.name}: rejected with ${res.statusCode} but wrote rows (${changed.join(', ')})`)
      }
      counts = after
    }
    t.same(failures, [], `${route.key} as ${role ?? 'anonymous'}: no 5xx, no partial write`)
  }
  t.ok(sent > writes.length * 10, `${sent} hostile requests sent`)
})
