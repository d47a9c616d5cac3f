// Every refusal reads as plain English. For every route in the route table: bodies built from
// its schema with one field missing, of the wrong type, too long, too short, out of range, not
// in the form its pattern takes, an unknown field, an empty change; query strings and path
// parameters likewise. Any 4xx whose message shows a field path ("body.email", "/answers/0"),
// a schema keyword ("must NOT have", "must match pattern") or a regular expression fails.
import t from 'tap'
import type { Role } from '../../shared/roles.ts'
import { createPremises } from '../fixtures/premises.ts'
import { login } from '../helper.ts'
import { apiRoutes, buildWithRoutes, fillPath, type RouteInfo } from './route-table.ts'

type Schema = Record<string, any>

/** Developer language a person should never be shown. */
export const DEVELOPER_LANGUAGE: [string, RegExp][] = [
  ['a field path', /\b(body|querystring|params|headers)(\.|\[|\/)|(^|[\s"'(])\/[A-Za-z0-9]+\/|\w\/\d+(\/|\b)|\b[a-z]\w*\.\d+\b|\b[a-z]+\.[a-z]+[A-Z]\w*/],
  ['a schema keyword', /must NOT have|must match (pattern|format)|must be [<>]=|must be equal to one of|must have required property|must pass|\b(additionalProperties|anyOf|oneOf|allOf|minLength|maxLength|minItems|maxItems|minProperties)\b|\bproperties\b/],
  ['a regular expression', /\^|\\[dswbDSW.]|\[\^|\(\?|\{\d+,\d*\}|\$"|\$\)/]
]

export function developerLanguage (message: string): string[] {
  return DEVELOPER_LANGUAGE.filter(([, pattern]) => pattern.test(message)).map(([what]) => what)
}

// Values that satisfy the common patterns, so a body can be valid except for the one field at fault.
const SAMPLES = ['2024-12-06', '2024-12-06T23:15:00Z', '2024-12-06T23:15', 'name@example.com', 'fri,sat', '22-04', 'theft', 'violent-crime', '50m-532000-181000', '-0.11,51.50,-0.07,51.52', 'SP1', '12:00', '2024-12', 'EC2V 7HH', 'Example text', 'a']

function firstType (schema: Schema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((x: string) => x !== 'null') : schema.type
  return type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined)
}

/** A value that passes `schema` where it can (the first choice of an anyOf, the minimum, a matching sample). */
function sample (schema: Schema | undefined): unknown {
  if (!schema) return 'x'
  if (schema.anyOf || schema.oneOf) return sample((schema.anyOf ?? schema.oneOf).find((s: Schema) => s.type !== 'null') ?? {})
  if (schema.enum) return schema.enum[0]
  if ('const' in schema) return schema.const
  switch (firstType(schema)) {
    case 'string': {
      if (schema.format === 'email') return 'name@example.com'
      if (schema.format === 'date') return '2024-12-06'
      if (schema.format === 'date-time') return '2024-12-06T23:15:00Z'
      if (schema.pattern) return SAMPLES.find(s => new RegExp(schema.pattern, 'u').test(s)) ?? 'x'
      return 'Example text'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 1000)
    }
    case 'integer': case 'number': return Math.max(schema.minimum ?? 1, 1)
    case 'boolean': return true
    case 'array': return [sample(schema.items)]
    case 'object': return Object.fromEntries((schema.required ?? []).map((name: string) => [name, sample(schema.properties?.[name])]))
    default: return 'x'
  }
}

interface Mutation { name: string; value: unknown }

/** Ways to get one field wrong. */
function wrongValues (schema: Schema): Mutation[] {
  const out: Mutation[] = []
  const type = firstType(schema)
  out.push({ name: 'wrong type', value: type === 'string' ? { not: 'text' } : type === 'array' ? 'not a list' : 'not a number or object' })
  if (schema.enum) out.push({ name: 'not one of the choices', value: 'not-a-choice' })
  if (type === 'string') {
    if (schema.minLength) out.push({ name: 'empty', value: '' })
    if (schema.maxLength) out.push({ name: 'too long', value: 'x'.repeat(schema.maxLength + 1) })
    if (schema.pattern || schema.format) out.push({ name: 'not in the right form', value: '!! not valid !!' })
    if (schema.pattern && new RegExp(schema.pattern, 'u').test('2099-12-06T23:15:00Z')) out.push({ name: 'in the future', value: '2099-12-06T23:15:00Z' })
    if (schema.pattern && new RegExp(schema.pattern, 'u').test('2099-12-06')) out.push({ name: 'in the future', value: '2099-12-06' })
  }
  if (type === 'integer' || type === 'number') {
    if (typeof schema.minimum === 'number') out.push({ name: 'below the minimum', value: schema.minimum - 1 })
    if (typeof schema.maximum === 'number') out.push({ name: 'above the maximum', value: schema.maximum + 1 })
    if (type === 'integer') out.push({ name: 'not whole', value: 1.5 })
  }
  if (type === 'array') {
    if (schema.minItems) out.push({ name: 'empty list', value: [] })
    if (schema.maxItems && schema.maxItems < 2000) out.push({ name: 'too many', value: Array.from({ length: schema.maxItems + 1 }, () => sample(schema.items)) })
    if (schema.uniqueItems) out.push({ name: 'repeated', value: [sample(schema.items), sample(schema.items)] })
  }
  if (type === 'object' && schema.minProperties) out.push({ name: 'empty object', value: {} })
  return out
}

/** Bodies for a route: the sample, then each field missing or wrong in turn (one level of nesting too). */
function bodies (schema: Schema | undefined): { name: string; body: unknown }[] {
  if (!schema || firstType(schema) !== 'object') return []
  const base = sample(schema) as Record<string, unknown>
  const out: { name: string; body: unknown }[] = [{ name: 'empty body', body: {} }, { name: 'unknown field', body: { ...base, colour: 'blue' } }]
  const visit = (object: Schema, path: string[]) => {
    for (const [name, property] of Object.entries((object.properties ?? {}) as Record<string, Schema>)) {
      const field = [...path, name].join('.')
      if (object.required?.includes(name)) out.push({ name: `${field} missing`, body: setAt(base, [...path, name], undefined, true) })
      for (const wrong of wrongValues(property)) out.push({ name: `${field} ${wrong.name}`, body: setAt(base, [...path, name], wrong.value) })
      const inner = property.anyOf?.find((s: Schema) => s.type === 'object') ?? property
      if (path.length === 0 && firstType(inner) === 'object' && inner.properties) visit(inner, [name])
      if (path.length === 0 && firstType(property) === 'array' && property.items?.properties) visit(property.items, [name, '0'])
    }
  }
  visit(schema, [])
  return out
}

function setAt (base: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string, any>
  let node: any = copy
  for (const [i, key] of path.slice(0, -1).entries()) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(path[i + 1]!) ? [] : {}
    node = node[key]
  }
  const last = path[path.length - 1]!
  if (remove) delete node[last]
  else node[last] = value
  return copy
}

/** Query strings with one parameter wrong each. */
function queries (schema: Schema | undefined): { name: string; query: string }[] {
  const out: { name: string; query: string }[] = [{ name: 'unknown parameter', query: 'colour=blue' }]
  if (schema?.properties?.from && schema?.properties?.to) out.push({ name: 'dates the wrong way round', query: 'from=2024-12-31&to=2024-01-01' })
  for (const [name, property] of Object.entries((schema?.properties ?? {}) as Record<string, Schema>)) {
    for (const wrong of wrongValues(property)) {
      if (typeof wrong.value === 'object') continue
      out.push({ name: `${name} ${wrong.name}`, query: `${encodeURIComponent(name)}=${encodeURIComponent(String(wrong.value))}` })
    }
    if (['integer', 'number'].includes(firstType(property) ?? '')) out.push({ name: `${name} not a number`, query: `${name}=abc` })
  }
  return out
}

const PREFERENCE: Role[] = ['admin', 'licensing_officer', 'police', 'venue_manager', 'responsible_authority']

t.test('every 400 from every route is plain English: no field path, no schema keyword, no regular expression', async t => {
  const { app, routes } = await buildWithRoutes(t)
  const premises = await createPremises(app.db)
  const headers: Partial<Record<Role, Record<string, string>>> = {}
  for (const role of PREFERENCE) headers[role] = (await login(app, role, role === 'venue_manager' ? { premisesIds: [premises.id] } : {})).headers
  let refusals = 0
  for (const route of apiRoutes(routes)) {
    const access = route.access
    // The first role allowed, and a venue manager too where one may call it (its rules differ).
    const roles: (Role | undefined)[] = access === 'public' ? [undefined] : [...new Set([PREFERENCE.find(r => (access ?? []).includes(r)), (access ?? []).includes('venue_manager') ? 'venue_manager' as const : undefined])].filter(Boolean)
    for (const role of roles) {
      const failures: string[] = []
      const send = async (what: string, url: string, payload?: unknown) => {
        const res = await app.inject({ method: route.method as 'POST', url, headers: role ? headers[role] : {}, ...(payload !== undefined ? { payload: payload as object } : {}) })
        if (res.statusCode < 400 || res.statusCode >= 500 || res.statusCode === 401 || res.statusCode === 403) return
        let message = ''
        try { message = String(res.json().message ?? '') } catch { message = res.body }
        refusals++
        const found = developerLanguage(message)
        if (found.length) failures.push(`${what}: ${res.statusCode} "${message}" shows ${found.join(' and ')}`)
        if (res.statusCode === 400 && !message.trim()) failures.push(`${what}: a 400 with no message`)
      }
      const path = fillPath(route, premises.id, 1)
      const withBody = route.method !== 'GET' && route.method !== 'DELETE'
      const body = withBody ? sample(route.schema?.body) ?? {} : undefined
      for (const attempt of bodies(route.schema?.body)) await send(attempt.name, path, attempt.body)
      for (const attempt of queries(route.schema?.querystring)) await send(attempt.name, `${path}?${attempt.query}`, body)
      if (/:\w+/.test(route.url)) {
        for (const bad of ['abc', '0', '-1', '99999999999']) await send(`path parameter ${bad}`, route.url.replace(/:(\w+)/g, bad), body)
      }
      t.same(failures, [], `${route.key} as ${role ?? 'anonymous'}`)
    }
  }
  t.ok(refusals > 500, `${refusals} refusals read`)
})
