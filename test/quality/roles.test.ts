// Every registered /api route × every role (and a venue manager's own vs someone else's
// premises): the status follows the access policy written down in access-policy.ts (not the
// route's own config.access, so a wrong declaration fails), and handlers never run for refused
// callers. The routes come from the app's route table: a new route fails until it has a policy,
// and a new premises-scoped route open to venue managers until it has a rule in SCOPED below.
import t from 'tap'
import { ROLES, type Role } from '../../shared/roles.ts'
import { createPremises } from '../fixtures/premises.ts'
import { login } from '../helper.ts'
import { ACCESS_POLICY, type Policy } from './access-policy.ts'
import { apiRoutes, buildWithRoutes, endsSession, fillPath, premisesParam, type RouteInfo } from './route-table.ts'

type Expect = 'allowed' | 403 | 404
interface ScopeRule {
  /** What a venue manager gets on someone else's premises; 'allowed' needs a reason. */
  other: Expect
  why?: string
  /** A body valid enough to reach the service's scoping rule (validation runs first). */
  body?: unknown
  query?: Record<string, string>
}

const planSections = { sections: {}, draft: true }
// Venue-manager rules for routes whose path names a premises (key: "METHOD url").
export const SCOPED: Record<string, ScopeRule> = {
  'GET /api/premises/:id': { other: 403, why: 'managers read others through the public register (/api/public/premises/:id) only' },
  'PATCH /api/premises/:id': { other: 403, body: { phone: '020 7946 0000' } },
  'GET /api/premises/:id/plans': { other: 403 },
  'GET /api/premises/:id/concerns': { other: 403 },
  'GET /api/premises/:id/noise-plan': { other: 403 },
  'PUT /api/premises/:id/noise-plan': { other: 403, body: planSections },
  'GET /api/premises/:id/noise-plan/versions': { other: 403 },
  'GET /api/premises/:id/noise-plan/versions/:version': { other: 403 },
  'GET /api/premises/:id/noise-plan/versions/:version/diff': { other: 403 },
  'GET /api/premises/:id/dispersal-policy': { other: 403 },
  'PUT /api/premises/:id/dispersal-policy': { other: 403, body: planSections },
  'GET /api/premises/:id/dispersal-policy/versions': { other: 403 },
  'GET /api/premises/:id/dispersal-policy/versions/:version': { other: 403 },
  'GET /api/premises/:id/dispersal-policy/versions/:version/diff': { other: 403 },
  'GET /api/premises/:id/traffic-light': { other: 403 }
}

const ROLE_KEYS: Record<Role, 'admin' | 'officer' | 'police' | 'manager' | 'authority'> = {
  admin: 'admin', licensing_officer: 'officer', police: 'police', venue_manager: 'manager', responsible_authority: 'authority'
}

const describe = (policy: Policy | undefined) => policy === undefined ? 'nothing' : policy === 'public' ? 'public' : [...policy].sort().join(', ')

t.test('every /api route answers each role as the access policy says', async t => {
  const { app, routes, handlerRan } = await buildWithRoutes(t)
  const api = apiRoutes(routes)
  t.ok(api.length >= 10, `the route table was collected (${api.length} /api routes)`)
  t.ok(api.some(r => r.key === 'GET /api/me'), 'GET /api/me is in the table')

  const own = await createPremises(app.db)
  const other = await createPremises(app.db)
  const headers: Record<string, Record<string, string>> = {}
  for (const role of ROLES) headers[role] = (await login(app, ROLE_KEYS[role], role === 'venue_manager' ? { premisesIds: [own.id] } : {})).headers

  // Logging out ends the session it is called with: give it a session of its own each time.
  const send = async (route: RouteInfo, who: Role | 'anonymous', premisesId: number, rule?: ScopeRule) => {
    const query = rule?.query ? '?' + new URLSearchParams(rule.query).toString() : ''
    const callerHeaders = who === 'anonymous' ? {} : endsSession(route) ? (await login(app, ROLE_KEYS[who])).headers : headers[who]
    const handled = handlerRan.size
    const res = await app.inject({
      method: route.method as 'GET',
      url: fillPath(route, premisesId) + query,
      headers: callerHeaders,
      ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: (rule?.body ?? {}) as object })
    })
    return { status: res.statusCode, ran: handlerRan.size > handled, body: res.body.slice(0, 200) }
  }

  for (const route of api) {
    const access = ACCESS_POLICY[route.key]
    if (access === undefined) {
      t.fail(`${route.key} has no entry in test/quality/access-policy.ts: write down who may call it (it declares ${describe(route.access)})`)
      continue
    }
    t.equal(describe(route.access), describe(access), `${route.key} declares the roles the policy gives it`)
    const scopedParam = premisesParam(route.url)
    const managerScoped = scopedParam !== undefined && access !== 'public' && access.includes('venue_manager')
    const rule = SCOPED[route.key]
    if (managerScoped && !rule) {
      t.fail(`${route.key} takes a premises id and is open to venue managers but has no own/other rule in SCOPED`)
      continue
    }

    const anon = await send(route, 'anonymous', other.id, rule)
    if (access === 'public') t.not(anon.status, 401, `${route.key}: public, anonymous is not refused`)
    else t.same([anon.status, anon.ran], [401, false], `${route.key}: anonymous → 401, handler not run`)

    for (const role of ROLES) {
      const premisesId = role === 'venue_manager' ? own.id : other.id
      const res = await send(route, role, premisesId, rule)
      const allowed = access === 'public' || access.includes(role)
      if (allowed) t.notOk([401, 403].includes(res.status), `${route.key} as ${role}: allowed by the policy (got ${res.status} ${res.status === 403 || res.status === 401 ? res.body : ''})`)
      else t.same([res.status, res.ran], [403, false], `${route.key} as ${role}: refused by the policy → 403, handler not run`)
      t.ok(res.status < 500, `${route.key} as ${role}: no 5xx (got ${res.status})`)
    }

    if (managerScoped && rule) {
      const res = await send(route, 'venue_manager', other.id, rule)
      if (rule.other === 'allowed') {
        t.ok(rule.why, `${route.key}: a manager reading others' premises has a stated reason`)
        t.notOk([401, 403].includes(res.status), `${route.key}: manager, other premises → allowed (${rule.why})`)
      } else {
        t.equal(res.status, rule.other, `${route.key}: manager, someone else's premises → ${rule.other} (${res.body})`)
      }
    }
  }

  const stale = Object.keys(SCOPED).filter(key => !api.some(r => r.key === key))
  t.same(stale, [], 'every SCOPED rule names a route that exists')
  const unknown = Object.keys(ACCESS_POLICY).filter(key => !api.some(r => r.key === key))
  t.same(unknown, [], 'every access policy names a route that exists')
})
