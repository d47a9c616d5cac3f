// Property-based fuzz of every /api route in the route table, as every role and as no one, over
// HTTP on loopback: path parameters, query strings and JSON bodies generated from the route's own
// schemas with boundary values (schema-arbitraries.ts). Whatever is sent, the answer is never a
// 5xx, and a refused request (4xx) changes no table's row count. Bounded: a fixed number of runs
// per route and role, and a fixed seed per route and role, printed with any failure so it can be
// replayed (FUZZ_SEED and FUZZ_RUNS change them).
import t from 'tap'
import fc from 'fast-check'
import { ROLES, type Role } from '../../shared/roles.ts'
import { countAllRows } from '../../bench/lib/database.ts'
import { createPremises } from '../fixtures/premises.ts'
import { login } from '../helper.ts'
import { apiRoutes, buildWithRoutes, premisesParam, WRITE_METHODS, type RouteInfo } from './route-table.ts'
import { objectFor, toJson, toParam, valueFor } from './schema-arbitraries.ts'

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261213)
/** Runs per route for a role the route admits; a role it refuses is answered before any parsing. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 4)

const { app, routes } = await buildWithRoutes(t, { loginRateLimit: 100000, bodyLimitBytes: 256 * 1024 })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
const premises = await createPremises(app.db)

// Fuzzed routes may log a user out, change a password or deactivate an account (ids are
// generated too): a role whose token stops working gets a new user.
const tokens: Partial<Record<Role, Record<string, string>>> = {}
async function headersOf (role: Role, fresh = false) {
  if (fresh || !tokens[role]) tokens[role] = (await login(app, role, role === 'venue_manager' ? { premisesIds: [premises.id] } : {})).headers
  return tokens[role]!
}

interface Input { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }

function inputFor (route: RouteInfo): fc.Arbitrary<Input> {
  const schema = route.schema ?? {}
  const premisesName = premisesParam(route.url)
  const paramProps = (schema.params?.properties ?? {}) as Record<string, any>
  const names = [...route.url.matchAll(/:(\w+)/g)].map(m => m[1]!)
  const params = fc.record(Object.fromEntries(names.map(name => {
    const arbitrary = valueFor(paramProps[name] ?? { type: 'string' })
    return [name, name === premisesName || name === 'id' ? fc.oneof(fc.constant(premises.id), arbitrary) : arbitrary]
  })))
  const body = WRITE_METHODS.has(route.method)
    ? (schema.body ? fc.oneof({ weight: 4, arbitrary: valueFor(schema.body) }, { weight: 1, arbitrary: fc.constant(undefined) }) : valueFor(undefined))
    : fc.constant(undefined)
  return fc.record({ params, query: objectFor(schema.querystring), body })
}

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser would send it). */
const encode = (text: string) => [...Buffer.from(text, 'utf8')].map(b => /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')

function urlOf (route: RouteInfo, input: Input): string {
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => encode(toParam(input.params[name])) || 'x')
  const query = Object.entries(input.query).map(([k, v]) => `${encode(k)}=${encode(toParam(v))}`).join('&')
  return base + path + (query ? `?${query}` : '')
}

const seedOf = (key: string) => [...key].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261 ^ BASE_SEED) | 0

// Tables that record a refused request by design: failed logins count towards the login limit.
const RECORDS_REFUSALS = new Set(['authThrottle'])

let counts = await countAllRows(app.db)
let stale = false
let sent = 0

async function send (route: RouteInfo, who: Role | 'anonymous', input: Input): Promise<string | null> {
  if (stale) { counts = await countAllRows(app.db); stale = false }
  const headers: Record<string, string> = who === 'anonymous' ? {} : { ...await headersOf(who) }
  if (input.body !== undefined) headers['content-type'] = 'application/json'
  const request = () => fetch(urlOf(route, input), { method: route.method, headers, body: input.body === undefined ? undefined : toJson(input.body) })
  let res = await request()
  if (res.status === 401 && who !== 'anonymous' && route.access !== 'public') {
    // The session ended (a fuzzed logout, password change or deactivation): the same request as a new user.
    await res.arrayBuffer()
    Object.assign(headers, await headersOf(who, true))
    counts = await countAllRows(app.db)
    res = await request()
  }
  const text = await res.text()
  sent++
  if (res.status >= 500) return `${res.status} ${text.slice(0, 200)}`
  if (res.status >= 400) {
    const after = await countAllRows(app.db)
    const changed = Object.keys(after).filter(k => after[k] !== counts[k] && !RECORDS_REFUSALS.has(k)).map(k => `${k} ${counts[k]}→${after[k]}`)
    counts = after
    if (changed.length) return `refused with ${res.status} but rows changed: ${changed.join(', ')}`
  } else stale = true
  return null
}

t.test('no input to any route, as any role, gives a 5xx or a write on refusal', async t => {
  const api = apiRoutes(routes)
  t.ok(api.length >= 20, `${api.length} /api routes in the table`)
  for (const route of api) {
    for (const who of ['anonymous', ...ROLES] as const) {
      const admitted = route.access === 'public' || (who !== 'anonymous' && (route.access ?? []).includes(who))
      const seed = seedOf(`${route.key} ${who}`)
      const problems: string[] = []
      const result = await fc.check(fc.asyncProperty(inputFor(route), async input => {
        const problem = await send(route, who, input)
        if (problem) problems.push(`${problem}\n    input: ${toJson(input).slice(0, 400)}`)
        return problem === null
      }), { seed, numRuns: admitted ? RUNS : 1, endOnFailure: true })
      if (result.failed) t.fail(`${route.key} as ${who} (seed ${seed}): ${problems[0] ?? result.errorInstance}`)
    }
  }
  t.ok(sent >= api.length * 5, `${sent} generated requests sent`)
})
