// police.uk kept current by itself, against a stand-in for the API on loopback that serves the
// recorded /crimes-street responses (five West End wards in January 2016, one in February), answering
// each polygon with the recorded crimes inside it, 503 when more than a limit, and 429 once.
import { createServer } from 'node:http'
import { readFileSync, readdirSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { build, login } from '../helper.ts'
import { syncPoliceUk } from '../../server/incidents/police-uk-sync.ts'

const RECORDED = fileURLToPath(new URL('../fixtures/police-uk', import.meta.url))
type Crime = { id: number; month: string; location: { latitude: string; longitude: string } }
const byMonth = new Map<string, Crime[]>()
for (const file of readdirSync(RECORDED).filter(f => /^crime_month_2016_0[12]_/.test(f))) {
  const crimes = JSON.parse(gunzipSync(readFileSync(`${RECORDED}/${file}`)).toString('utf8')) as Crime[]
  for (const c of crimes) byMonth.set(c.month, [...(byMonth.get(c.month) ?? []), c])
}
const distinct = (month: string) => new Set(byMonth.get(month)!.map(c => c.id)).size

const LIMIT = 2500
const seen: { path: string; date?: string; points?: number; status: number }[] = []
let tooMany = 1
const server = createServer((req, res) => {
  let body = ''
  req.on('data', chunk => { body += chunk })
  req.on('end', () => {
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(json))
    }
    if (req.method === 'GET' && req.url === '/api/crimes-street-dates') {
      seen.push({ path: req.url, status: 200 })
      return answer(200, [{ date: '2016-02', 'stop-and-search': [] }, { date: '2016-01', 'stop-and-search': [] }])
    }
    if (req.method === 'POST' && req.url === '/api/crimes-street/all-crime') {
      const form = new URLSearchParams(body)
      const points = form.get('poly')!.split(':').map(p => p.split(',').map(Number) as [number, number])
      const lats = points.map(p => p[0])
      const lngs = points.map(p => p[1])
      const inside = (byMonth.get(form.get('date')!) ?? []).filter(c => {
        const lat = Number(c.location.latitude)
        const lng = Number(c.location.longitude)
        return lat >= Math.min(...lats) && lat <= Math.max(...lats) && lng >= Math.min(...lngs) && lng <= Math.max(...lngs)
      })
      if (tooMany > 0) {
        tooMany -= 1
        seen.push({ path: req.url, date: form.get('date')!, points: points.length, status: 429 })
        return answer(429, { error: 'rate limited' }, { 'retry-after': '2' })
      }
      const status = inside.length > LIMIT ? 503 : 200
      seen.push({ path: req.url, date: form.get('date')!, points: points.length, status })
      return status === 503 ? answer(503, {}) : answer(200, inside)
    }
    answer(404, {})
  })
})
await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
t.teardown(() => new Promise<void>(resolve => server.close(() => resolve())))
const address = server.address() as { port: number }
const baseUrl = `http://127.0.0.1:${address.port}/api`

const app = await build(t, { config: { policeUkApiUrl: baseUrl } })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const stored = async () => Number((await app.db.selectFrom('incidents').select(eb => eb.fn.countAll().as('n')).where('source', '=', 'police_uk').executeTakeFirstOrThrow()).n)

// The area: every recorded crime of the two months, as a ring of [lng, lat].
const all = [...byMonth.values()].flat()
const lat = all.map(c => Number(c.location.latitude))
const lng = all.map(c => Number(c.location.longitude))
const [w, e, s, n] = [Math.min(...lng) - 0.001, Math.max(...lng) + 0.001, Math.min(...lat) - 0.001, Math.max(...lat) + 0.001]
const ring: [number, number][] = [[w, s], [e, s], [e, n], [w, n], [w, s]]

t.test('a sync finds the months not held, splits a 503, waits out a 429 and keeps each crime once', async t => {
  t.ok(byMonth.get('2016-01')!.length > LIMIT, `the recorded month is over the stand-in's limit (${byMonth.get('2016-01')!.length})`)
  const waits: number[] = []
  const result = await syncPoliceUk(app.db, { baseUrl, ring, tz: 'Europe/London', sleep: async ms => { waits.push(ms) } })
  t.same(result.months, ['2016-01', '2016-02'], 'both months, oldest first')
  t.same(waits, [2000], 'the 429 was waited out for its Retry-After')
  t.equal(result.retries, 1)
  t.ok(result.splits >= 1, `January's area was split (${result.splits} splits)`)
  t.ok(seen.some(r => r.status === 503) && seen.filter(r => r.status === 200 && r.path.endsWith('all-crime')).length >= 5, 'quarters were asked after the 503')
  t.ok(seen.filter(r => r.path.endsWith('all-crime')).every(r => r.points === 4), 'every request sends its polygon in the form body')
  t.ok(result.duplicates > 0, `overlapping quarters returned some crimes twice (${result.duplicates}), kept once`)
  t.equal(await stored(), distinct('2016-01') + distinct('2016-02'), 'one stored incident per recorded crime')
  t.equal(result.imported, await stored())
  const runs = await app.db.selectFrom('importRuns').select(['kind', 'fileName']).where('kind', '=', 'police-uk-json').execute()
  t.same(runs.map(r => r.fileName).sort(), ['police.uk API 2016-01', 'police.uk API 2016-02'], 'each month is recorded as an import, like an uploaded response')
})

t.test('a second sync is a no-op', async t => {
  const before = seen.length
  const again = await syncPoliceUk(app.db, { baseUrl, ring, tz: 'Europe/London', sleep: async () => {} })
  t.match(again, { months: [], imported: 0, updated: 0 })
  t.same(seen.slice(before).map(r => r.path), ['/api/crimes-street-dates'], 'only the months were asked')
})

t.test('POST /api/imports/police-uk/sync is for officers and admins, and the job runs it with a job_runs row', async t => {
  t.equal((await app.inject({ method: 'POST', url: '/api/imports/police-uk/sync', headers: police.headers })).statusCode, 403)
  const res = await app.inject({ method: 'POST', url: '/api/imports/police-uk/sync', headers: officer.headers })
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { months: [], imported: 0, updated: 0 })
  const outcome = await app.jobs.runNow('police-uk-sync')
  t.match(outcome, { ran: true, ok: true })
  const run = await app.db.selectFrom('jobRuns').selectAll().where('name', '=', 'police-uk-sync').executeTakeFirstOrThrow()
  t.equal(run.ok, true)
})

t.test('police.uk out of reach is a 424 in words, and the job run keeps the reason', async t => {
  const down = await build(t)
  const who = await login(down, 'officer')
  const res = await down.inject({ method: 'POST', url: '/api/imports/police-uk/sync', headers: who.headers })
  t.equal(res.statusCode, 424)
  t.match(res.json().message, /police.uk could not be reached: check the network and POLICE_UK_API_URL/)
  const outcome = await down.jobs.runNow('police-uk-sync')
  t.match(outcome, { ran: true, ok: false, error: /police.uk could not be reached: check the network and POLICE_UK_API_URL/ })
})
