// Reporters' details never reach a venue manager or the public: every registered /api route is
// called as the manager of the premises the concerns are about and as an anonymous caller, with
// path parameters pointing at those concerns and that premises, and no answer may contain a
// reporter's name, email address or the words of their report. Generated from the route table,
// so a route added later is walked too.
import t from 'tap'
import { login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { submitPlan } from '../plans/plan-fixtures.ts'
import { apiRoutes, buildWithRoutes, endsSession, premisesParam, type RouteInfo } from '../quality/route-table.ts'
import { NOW, confirmedConcern } from './fixtures.ts'

const { app, routes } = await buildWithRoutes(t, { now: () => NOW, concernRateLimit: 1000 })
const officer = await login(app, 'officer')
const admin = await login(app, 'admin')
const venue = await createPremises(app.db, { name: 'The Discreet Inn' })
const manager = await login(app, 'manager', { premisesIds: [venue.id] })
await submitPlan(app, manager.headers, venue.id, 'noise_management_plan')
await app.inject({ method: 'POST', url: `/api/premises/${venue.id}/noise-plan/approve`, headers: officer.headers, payload: {} })
await app.inject({ method: 'PUT', url: '/api/concerns/settings', headers: admin.headers, payload: { threshold: 2, periodDays: 90 } })

const secrets: string[] = []
const concerns: Awaited<ReturnType<typeof confirmedConcern>>[] = []
for (const [i, anonymous] of [[1, true], [2, false], [3, false]] as const) {
  const name = `Philippa Privatename${i}`
  const email = `philippa.private${i}@resident.example`
  const description = `Unmistakable words of report ${i}: the bass from the cellar bar rattles my kitchen.`
  const concern = await confirmedConcern(app, { premisesId: venue.id, location: { lat: 51.51, lng: -0.09, accuracyM: 20 }, description, reporter: { name, email, anonymousToVenue: anonymous } })
  concerns.push(concern)
  secrets.push(name, email, description.slice(0, 40))
}
// Substantiated and over the threshold: the manager is notified about these concerns, and an
// officer wrote a public update to the reporter.
for (const c of concerns) {
  await app.inject({ method: 'POST', url: `/api/concerns/${c.id}/updates`, headers: officer.headers, payload: { substantiated: true, status: 'investigating', publicText: 'We are looking into it.' } })
}
const key = (caseLink: string) => caseLink.split('?key=')[1]!

function pathFor (route: RouteInfo, concernId: number, reference: string): string {
  const premises = premisesParam(route.url)
  const props = (route.schema?.params?.properties ?? {}) as Record<string, { enum?: unknown[] }>
  return route.url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === premises) return String(venue.id)
    if (name === 'reference') return reference
    if (props[name]?.enum?.length) return String(props[name]!.enum![0])
    return String(concernId)
  })
}

t.test('no answer to a venue manager or the public holds a reporter\'s name, email or words', async t => {
  t.ok((await app.inject({ url: `/api/concerns/${concerns[0]!.id}`, headers: officer.headers })).body.includes(secrets[0]!), 'officers do see the details (the search works)')
  const who = { manager: manager.headers, public: {} as Record<string, string> }
  let calls = 0
  let managerAnswered = 0
  // Logging out would end the manager's session and leave every later call a bare 401, which
  // shows nothing and so proves nothing: a call that ends its session gets a session of its own.
  for (const route of apiRoutes(routes)) {
    for (const concern of concerns) {
      for (const [label, walking] of Object.entries(who)) {
        const headers = label === 'manager' && endsSession(route) ? (await login(app, 'manager', { premisesIds: [venue.id] })).headers : walking
        const query = route.url.includes(':reference') ? `?key=${key(concern.caseLink)}` : route.url === '/api/incidents' ? '?source=public' : ''
        const res = await app.inject({
          method: route.method as 'GET', url: pathFor(route, concern.id, concern.reference) + query, headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} })
        })
        calls++
        if (label === 'manager' && res.statusCode < 400) managerAnswered++
        const leaked = secrets.filter(s => res.body.includes(s))
        if (leaked.length) t.fail(`${label} ${route.key} → ${res.statusCode} shows ${leaked.join(', ')}`)
      }
    }
  }
  t.ok(calls > 100, `${calls} calls made`)
  t.ok(managerAnswered > 20, `the manager's session lasted the walk (${managerAnswered} answers it could read)`)
  const notices = (await app.inject({ url: '/api/notifications', headers: manager.headers })).json().items
  t.ok(notices.some((n: { kind: string; body: string }) => n.kind === 'plan_review_concerns' && n.body.includes(concerns[0]!.reference)), 'the manager was told which concerns (by reference)')
  const view = (await app.inject({ url: `/api/premises/${venue.id}/concerns`, headers: manager.headers })).json()
  t.equal(view.total, 3, 'and sees the three concerns on its plans page')
  const page = (await app.inject({ url: `/api/public/concerns/${concerns[1]!.reference}?key=${key(concerns[1]!.caseLink)}` })).json()
  t.match(page.updates, [{ text: 'We have received your report.' }, { text: 'We are looking into it.' }], 'the reporter reads the officer\'s update by the link')
})
