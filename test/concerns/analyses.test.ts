// A confirmed concern is a source of the analyses like any other: counted by hotspots and
// switched off with the source switch, and, once triaged to a venue, on its premises timeline
// (without the reporter's details).
import t from 'tap'
import { build, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { ONE_AM, NOW, confirmedConcern } from './fixtures.ts'

const app = await build(t, { config: { now: () => NOW, concernRateLimit: 1000 } })
const officer = await login(app, 'officer')
const venue = await createPremises(app.db, { name: 'Late Lounge', location: { lat: 51.5141, lng: -0.0902 } })
const concern = await confirmedConcern(app, { location: { lat: 51.5141, lng: -0.0902, accuracyM: 10 }, occurredAt: ONE_AM })

t.test('hotspots count the concern as the source "public", and the source switch leaves it out', async t => {
  const count = async (query: string) => {
    const res = await app.inject({ url: `/api/hotspots?from=2025-12-01&to=2025-12-31${query}`, headers: officer.headers })
    t.equal(res.statusCode, 200, query || 'every source')
    return res.json().meta.n as number
  }
  t.equal(await count(''), 1, 'counted with every source')
  t.equal(await count('&sources=public'), 1, 'counted as public concerns')
  t.equal(await count('&sources=police_uk,police'), 0, 'left out when only police sources are switched on')
})

t.test('once triaged to the venue, the concern is on the premises timeline, without the reporter', async t => {
  const triaged = await app.inject({ method: 'POST', url: `/api/concerns/${concern.id}/triage`, headers: officer.headers, payload: { premisesId: venue.id } })
  t.equal(triaged.statusCode, 200)
  const res = await app.inject({ url: `/api/premises/${venue.id}/timeline?kinds=incident`, headers: officer.headers })
  t.equal(res.statusCode, 200)
  const events = res.json().items
  t.match(events, [{ kind: 'incident', title: /noise/i }], 'the concern is an incident on the timeline')
  const text = JSON.stringify(res.json())
  t.notMatch(text, concern.body.reporter.email, 'no reporter email')
  t.notMatch(text, concern.body.reporter.name, 'no reporter name')
  t.notMatch(text, concern.body.description, 'no words of the report')
})

t.test('a report larger than 64 KB is refused with a 413 in words, and nothing is stored', async t => {
  const before = (await app.db.selectFrom('concerns').select('id').execute()).length
  const res = await app.inject({ method: 'POST', url: '/api/public/concerns', payload: { kind: 'noise_music', description: 'x'.repeat(70 * 1024), reporter: { email: 'big@resident.example' } } })
  t.equal(res.statusCode, 413)
  t.notMatch(res.json().message, /body|schema|\//i, 'said in words')
  t.equal((await app.db.selectFrom('concerns').select('id').execute()).length, before)
})
