// The flags API on a real database: a run over a December peak flags the venue whose share
// tripled (with the right numbers in its sentence) and not the steady one; the lifecycle,
// roles, notifications, idempotency and the exports.
import t from 'tap'
import { build, json, login } from '../helper.ts'
import { decemberScenario, AS_OF } from './scenario.ts'
import { insertIncidents, spread } from './factory.ts'
import { failNthWrite } from '../fixtures/failing-write.ts'
import { runFlags } from '../../server/flags/flags.run.service.ts'

const app = await build(t)
const { riser, steady, quiet } = await decemberScenario(app.db)
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const admin = await login(app, 'admin')
const manager = await login(app, 'manager', { premisesIds: [riser.id] })
const otherManager = await login(app, 'manager', { premisesIds: [steady.id] })

t.test('POST /api/flags/run evaluates every venue and flags only the riser', async t => {
  const res = await app.inject({ method: 'POST', url: `/api/flags/run?asOf=${AS_OF}`, headers: officer.headers })
  t.equal(res.statusCode, 200, res.body)
  const body = json(res)
  t.equal(body.evaluated, 3 * 2, 'three venues × two groups (no month-only data)')
  t.equal(body.flagged, 1)
  const latest = json(await app.inject({ url: '/api/flags/runs/latest', headers: police.headers }))
  t.equal(latest.asOf, AS_OF)
  t.equal(latest.evaluations.length, 6)
  const steadyViolence = latest.evaluations.find((e: any) => e.premisesId === steady.id && e.crimeGroup === 'violence')
  t.equal(steadyViolence.recent, 6)
  t.equal(steadyViolence.baseline, 26)
  t.equal(steadyViolence.level, null, 'a steady share during the December peak is not flagged')
  t.ok(steadyViolence.p > 0.3)
  const quietTheft = latest.evaluations.find((e: any) => e.premisesId === quiet.id && e.crimeGroup === 'theft')
  t.equal(quietTheft.level, null)
})

t.test('the riser is flagged strong with the numbers in its explanation', async t => {
  const { items } = json(await app.inject({ url: '/api/flags?status=open', headers: officer.headers }))
  t.equal(items.length, 1)
  const flag = items[0]
  t.equal(flag.premisesId, riser.id)
  t.equal(flag.premisesName, 'The Rising Arms')
  t.equal(flag.crimeGroup, 'violence')
  t.equal(flag.level, 'strong')
  t.equal(flag.recent, 18)
  t.equal(flag.recentLinked, 12)
  t.equal(flag.recentProximate, 6)
  t.equal(flag.baseline, 26)
  // City totals exclude the venue's own incidents: 300 + 6 (steady) in R; 1300 + 26 (steady) in B.
  t.equal(flag.cityRecent, 306)
  t.equal(flag.cityBaseline, 1326)
  t.ok(Math.abs(flag.expected - 26 * 306 / 1326) < 1e-12)
  t.ok(Math.abs(flag.ratio - (18 / 306) / (26.5 / 1326)) < 1e-12)
  t.ok(flag.q <= 0.01)
  t.match(flag.explanation, /^Violence at The Rising Arms: 18 incidents in the last 28 days \(12 linked, 6 within 20 m\) against 26 in the previous 52 weeks\. Across the City, violence was 306 against 1,326 in the same periods, so about 6 would be expected; 18 is 2\.9 times that \(one-sided p [=<] [\d.]+, FDR q [=<] [\d.]+\)\. Same 28 days last year: 2\. Counted from every source of incidents\.$/)
  t.ok(flag.firstRaisedAt && flag.lastEvaluatedAt)
})

t.test('officers and police are notified of a strong flag once, and a re-run changes nothing', async t => {
  const before = json(await app.inject({ url: '/api/notifications', headers: police.headers }))
  t.equal(before.items.filter((n: any) => n.kind === 'flag').length, 1)
  t.match(before.items[0].title, /Strong rise in violence at The Rising Arms/)
  const second = await runFlags(app.db, { asOf: AS_OF, tz: app.clock.tz })
  t.equal(second.flagged, 1)
  t.equal(second.notified, 0, 'the same run notifies nobody twice')
  const after = json(await app.inject({ url: '/api/notifications', headers: officer.headers }))
  t.equal(after.items.filter((n: any) => n.kind === 'flag').length, 1)
  const runs = await app.db.selectFrom('flagRuns').selectAll().execute()
  t.equal(runs.length, 1, 'one run per asOf')
  t.equal(await app.db.selectFrom('flagEvaluations').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then(r => Number(r.n)), 6)
  t.equal((await app.db.selectFrom('flags').selectAll().execute()).length, 1)
})

t.test('roles: managers see a flag only once acknowledged; others are refused', async t => {
  t.equal((await app.inject({ url: '/api/flags' })).statusCode, 401)
  t.equal((await app.inject({ method: 'POST', url: `/api/flags/run?asOf=${AS_OF}`, headers: police.headers })).statusCode, 403)
  t.equal((await app.inject({ method: 'POST', url: `/api/flags/run?asOf=${AS_OF}`, headers: manager.headers })).statusCode, 403)
  t.equal((await app.inject({ url: '/api/flags/runs/latest', headers: manager.headers })).statusCode, 403)
  const hidden = json(await app.inject({ url: '/api/flags', headers: manager.headers }))
  t.equal(hidden.items.length, 0, 'not yet acknowledged')
  const flag = json(await app.inject({ url: '/api/flags', headers: officer.headers })).items[0]
  t.equal((await app.inject({ url: `/api/flags/${flag.id}`, headers: manager.headers })).statusCode, 404)
  t.equal((await app.inject({ url: `/api/flags/${flag.id}`, headers: otherManager.headers })).statusCode, 403)
  t.equal((await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: police.headers, payload: { note: 'x' } })).statusCode, 403)
})

t.test('acknowledge and resolve with notes; validation, 404 and 409', async t => {
  const flag = json(await app.inject({ url: '/api/flags', headers: officer.headers })).items[0]
  const bad = await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: officer.headers, payload: { note: 'ok', extra: 1 } })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /extra/)
  const blank = await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: officer.headers, payload: { note: '   ' } })
  t.equal(blank.statusCode, 400)
  t.equal(json(blank).field, 'note')
  t.equal((await app.inject({ method: 'POST', url: '/api/flags/999999/acknowledge', headers: officer.headers, payload: { note: 'x' } })).statusCode, 404)
  const ack = await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: officer.headers, payload: { note: 'Met the DPS; door staff added Fri–Sat' } })
  t.equal(ack.statusCode, 200, ack.body)
  t.equal(json(ack).status, 'acknowledged')
  t.equal((await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: officer.headers, payload: { note: 'again' } })).statusCode, 409)
  const seen = json(await app.inject({ url: '/api/flags', headers: manager.headers }))
  t.equal(seen.items.length, 1, 'the manager now sees its acknowledged flag')
  t.equal(json(await app.inject({ url: '/api/flags', headers: otherManager.headers })).items.length, 0)
  const detail = json(await app.inject({ url: `/api/flags/${flag.id}`, headers: manager.headers }))
  t.same(detail.events.map((e: any) => e.kind), ['raised', 'notified', 'acknowledged'])
  t.equal(detail.events.find((e: any) => e.kind === 'notified').note, 'Notified licensing officers and police', 'the history names who was told in words, not role keys')
  t.equal(detail.chart.length, 24)
  const dec = detail.chart.find((m: any) => m.month === '2024-12')
  t.ok(dec.count >= 12, 'December counts the tripled incidents')
  t.ok(dec.expected > 0 && dec.expected < dec.count)
  const resolved = await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/resolve`, headers: admin.headers, payload: { note: 'Conditions added at review' } })
  t.equal(json(resolved).status, 'resolved')
  const audit = await app.db.selectFrom('auditLog').select('action').where('entity', '=', 'flag').execute()
  t.same(audit.map(a => a.action).sort(), ['flag.acknowledge', 'flag.resolve'])
})

t.test('an acknowledge whose second or third write fails leaves the flag open, with no event and no audit (rollback)', async t => {
  const flag = (await app.db.selectFrom('flags').selectAll().executeTakeFirstOrThrow())
  await app.db.updateTable('flags').set({ status: 'open', acknowledgedAt: null, acknowledgedBy: null, acknowledgeNote: null }).where('id', '=', flag.id).execute()
  const eventsBefore = (await app.db.selectFrom('flagEvents').select('id').where('flagId', '=', flag.id).execute()).length
  const auditBefore = (await app.db.selectFrom('auditLog').select('id').where('entity', '=', 'flag').execute()).length
  // The acknowledge writes the flag, then its event, then the audit row: fail the second, then the third.
  for (const n of [2, 3]) {
    const failing = await failNthWrite(app.db, ['flags', 'flag_events', 'audit_log'], n)
    const res = await app.inject({ method: 'POST', url: `/api/flags/${flag.id}/acknowledge`, headers: officer.headers, payload: { note: 'Spoke to the DPS' } })
    const written = await failing.rowsWritten()
    await failing.restore()
    t.equal(res.statusCode, 500, `write ${n} failed inside the acknowledge`)
    t.equal(written, n, `the acknowledge reached write ${n}`)
    const after = await app.db.selectFrom('flags').selectAll().where('id', '=', flag.id).executeTakeFirstOrThrow()
    t.same([after.status, after.acknowledgedAt, after.acknowledgeNote], ['open', null, null], `write ${n} failed: the flag is still open`)
    t.equal((await app.db.selectFrom('flagEvents').select('id').where('flagId', '=', flag.id).execute()).length, eventsBefore, `write ${n} failed: no event kept`)
    t.equal((await app.db.selectFrom('auditLog').select('id').where('entity', '=', 'flag').execute()).length, auditBefore, `write ${n} failed: no audit kept`)
  }
  await app.db.updateTable('flags').set({ status: 'resolved', resolvedAt: new Date('2025-01-06T10:00:00Z') }).where('id', '=', flag.id).execute()
})

t.test('a resolved flag re-opens when the venue is still rising once its 28 days have passed', async t => {
  const again = await runFlags(app.db, { asOf: '2025-01-13', tz: app.clock.tz })
  t.ok(again.flagged >= 1)
  let flag = await app.db.selectFrom('flags').selectAll().executeTakeFirstOrThrow()
  t.equal(flag.status, 'resolved', 'a week later the same incidents do not re-open it')
  // The venue keeps rising in January: 12 more linked incidents against a normal City month.
  await insertIncidents(app.db, [
    ...spread('2025-01-07', '2025-02-03', 100).map(at => ({ category: 'violent-crime', at, dx: -600, dy: 600 })),
    ...spread('2025-01-07', '2025-02-03', 12).map(at => ({ category: 'violent-crime', at, premisesId: riser.id }))
  ])
  const later = await runFlags(app.db, { asOf: '2025-02-03', tz: app.clock.tz })
  t.ok(later.flagged >= 1)
  flag = await app.db.selectFrom('flags').selectAll().executeTakeFirstOrThrow()
  t.equal(flag.status, 'open')
  t.equal(flag.acknowledgedAt, null, 'a re-opened flag waits for a new acknowledgement')
  const kinds = (await app.db.selectFrom('flagEvents').select('kind').where('flagId', '=', flag.id).execute()).map(e => e.kind)
  t.ok(kinds.includes('reopened'))
})

t.test('CSV export, concentration, the venue\'s traffic light, settings', async t => {
  const csv = await app.inject({ url: '/api/flags/export', headers: officer.headers })
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /text\/csv/)
  t.match(csv.body.split('\r\n')[0], /^id,premisesId,premisesName,crimeGroup/)
  t.match(csv.body, /The Rising Arms/)
  const conc = json(await app.inject({ url: `/api/flags/concentration?group=violence&asOf=${AS_OF}`, headers: police.headers }))
  t.equal(conc.venues, 3)
  t.ok(conc.incidents > 60 && conc.incidents < 26 + 18 + 26 + 6 + 30, 'venue incidents over the year')
  t.equal(conc.top[0].premisesName, 'The Rising Arms')
  t.ok(conc.top10Share > 0.5)
  t.same(conc.lorenz.at(-1), { venues: 1, incidents: 1 })
  t.equal(conc.rates[0].premisesName, 'The Rising Arms')
  t.equal((await app.inject({ url: '/api/flags/concentration?group=nope', headers: police.headers })).statusCode, 400)
  // The traffic light moved to its own record (test/visits/traffic-light.test.ts); the flag's venue has one.
  const light = json(await app.inject({ url: `/api/premises/${riser.id}/traffic-light?asOf=${AS_OF}`, headers: manager.headers }))
  t.equal(light.light, 'red')
  const settings = json(await app.inject({ url: '/api/flags/settings', headers: officer.headers }))
  t.notOk('radiusM' in settings, 'the radius is the incidents domain\'s one setting, not a flag setting')
  const bad = await app.inject({ method: 'PUT', url: '/api/flags/settings', headers: admin.headers, payload: { ...settings, radiusM: 60 } })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /radiusM/)
  t.equal((await app.inject({ method: 'PUT', url: '/api/flags/settings', headers: officer.headers, payload: settings })).statusCode, 403)
  t.same(Object.keys(settings), ['groups', 'sources'], 'flag settings are the crime groups and the sources counted; the points are the traffic light\'s')
  const put = await app.inject({ method: 'PUT', url: '/api/flags/settings', headers: admin.headers, payload: settings })
  t.equal(put.statusCode, 200, put.body)
})
