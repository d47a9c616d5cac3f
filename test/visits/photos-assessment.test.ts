// Photos and the Safety Thirst assessment made on a visit, on a real server on loopback: an upload
// cut off half-way leaves nothing and its retry is stored once; bytes decide the type; results
// recorded offline go to the Safety Thirst domain, and an assessment changed on a desktop since
// the phone downloaded it is a conflict with both sides, never overwritten.
import t from 'tap'
import { randomUUID } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { build, json, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'

const NOW = new Date('2026-05-14T21:00:00Z')
const app = await build(t, { config: { now: () => NOW } })
await app.listen({ host: '127.0.0.1', port: 0 })
const port = (app.server.address() as AddressInfo).port
const officer = await login(app, 'officer')
const premises = await createPremises(app.db)
const manager = await login(app, 'manager', { premisesIds: [premises.id] })

// A small PNG: the signature, then filler bytes (the type is decided from the first bytes).
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40_000, 7)])

async function newVisit (kind = 'compliance') {
  const id = randomUUID()
  const res = await app.inject({ method: 'PUT', url: `/api/visits/${id}`, headers: officer.headers, payload: { premisesId: premises.id, kind, startedAt: '2026-05-14T20:30:00Z', attendees: [{ name: 'Olu Officer' }], checklist: [] } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return id
}

/** Sends the headers and half the body, then drops the connection: a phone losing its signal. */
function interruptedUpload (path: string, body: Buffer) {
  return new Promise<void>(resolve => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'PUT', headers: { ...officer.headers, 'content-type': 'image/png', 'content-length': body.byteLength } })
    req.on('error', () => resolve())
    req.on('response', () => resolve())
    req.write(body.subarray(0, body.byteLength / 2), () => setImmediate(() => { req.destroy(); resolve() }))
  })
}

t.test('a photo upload interrupted and retried is stored once', async t => {
  const visitId = await newVisit()
  const photoId = randomUUID()
  const path = `/api/visits/${visitId}/photos/${photoId}?caption=Fire%20exit%20blocked&item=hours`
  await interruptedUpload(path, png)
  const count = async () => (await app.db.selectFrom('visitPhotos').select('id').where('visitId', '=', visitId).execute()).length
  t.equal(await count(), 0, 'half a photo leaves nothing stored')
  const first = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'image/png' }, body: png })
  t.equal(first.status, 201)
  const stored = await first.json() as any
  t.equal(stored.mimeType, 'image/png')
  t.equal(stored.sizeBytes, png.byteLength)
  t.equal(stored.caption, 'Fire exit blocked')
  const retry = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'image/png' }, body: png })
  t.equal(retry.status, 200, 'a retry of a stored photo is answered with what is stored')
  t.equal(await count(), 1, 'stored once')
  const other = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/photos/${photoId}`, headers: { ...officer.headers, 'content-type': 'image/png' }, payload: Buffer.concat([png, Buffer.from([1])]) })
  t.equal(other.statusCode, 409, 'other bytes under the same id are refused')
  const back = await app.inject({ url: `/api/visits/${visitId}/photos/${photoId}`, headers: officer.headers })
  t.equal(back.statusCode, 200)
  t.equal(back.headers['content-type'], 'image/png')
  t.equal(back.rawPayload.byteLength, png.byteLength)
  const visit = json(await app.inject({ url: `/api/visits/${visitId}`, headers: officer.headers }))
  t.equal(visit.photos.length, 1)
})

t.test('a photo is typed by its bytes, never by the type it claims', async t => {
  const visitId = await newVisit()
  const fake = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/photos/${randomUUID()}`, headers: { ...officer.headers, 'content-type': 'image/jpeg' }, payload: Buffer.from('<html>not a photo</html>') })
  t.equal(fake.statusCode, 415)
  t.match(json(fake).message, /A photo must be a JPEG, PNG or WebP image/)
  const empty = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/photos/${randomUUID()}`, headers: { ...officer.headers, 'content-type': 'image/png' }, payload: Buffer.alloc(0) })
  t.equal(empty.statusCode, 400)
  const noVisit = await app.inject({ method: 'PUT', url: `/api/visits/${randomUUID()}/photos/${randomUUID()}`, headers: { ...officer.headers, 'content-type': 'image/png' }, payload: png })
  t.equal(noVisit.statusCode, 404)
})

async function applicationUnderAssessment () {
  const created = await app.inject({ method: 'POST', url: '/api/safety-thirst/applications', headers: manager.headers, payload: { premisesId: premises.id } })
  if (created.statusCode !== 201) throw new Error(created.body)
  const id = json(created).id as number
  const criteria = json(await app.inject({ url: '/api/safety-thirst/criteria', headers: officer.headers })).criteria as { code: string }[]
  await app.inject({ method: 'PUT', url: `/api/safety-thirst/applications/${id}/self-assessment`, headers: manager.headers, payload: { answers: criteria.map(c => ({ criterionCode: c.code, answer: 'yes', evidence: 'In place' })) } })
  const sub = await app.inject({ method: 'POST', url: `/api/safety-thirst/applications/${id}/submit`, headers: manager.headers })
  if (sub.statusCode !== 200) throw new Error(sub.body)
  return { id, codes: criteria.map(c => c.code) }
}

t.test('a Safety Thirst assessment visit records evidence per criterion; a desktop edit meanwhile is a conflict', async t => {
  const { id: applicationId, codes } = await applicationUnderAssessment()
  const visitId = await newVisit('safety_thirst')
  const pack = json(await app.inject({ url: `/api/visits/${visitId}/pack`, headers: officer.headers }))
  t.equal(pack.safetyThirst.id, applicationId, 'the pack opens the year\'s application')
  t.equal(pack.safetyThirst.criteria.length, codes.length, 'with its criteria beside the checklist')
  const baseUpdatedAt = pack.safetyThirst.updatedAt
  const [a, b] = codes as [string, string]
  const noEvidence = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/assessment`, headers: officer.headers, payload: { applicationId, baseUpdatedAt, items: [{ criterionCode: a, result: 'met' }] } })
  t.equal(noEvidence.statusCode, 400)
  t.match(json(noEvidence).message, /Say what evidence you saw/)
  const body = { applicationId, baseUpdatedAt, items: [{ criterionCode: a, result: 'met', evidenceSeen: 'Training log signed by all bar staff' }, { criterionCode: b, result: 'not_met' }] }
  const first = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/assessment`, headers: officer.headers, payload: body })
  t.equal(first.statusCode, 200, first.body)
  t.equal(json(first).changed, true)
  const replay = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/assessment`, headers: officer.headers, payload: body })
  t.equal(replay.statusCode, 200)
  t.equal(json(replay).changed, false, 'a retried sync changes nothing')
  const results = await app.db.selectFrom('stResults').select(['criterionCode', 'result', 'note']).where('applicationId', '=', applicationId).execute()
  t.equal(results.length, 2, 'each result once, in the Safety Thirst domain')
  t.match(results.find(r => r.criterionCode === a)?.note, /Evidence seen: Training log signed/)
  // A desktop edit after the phone's last download: a later change from the same old base conflicts.
  const desk = await app.inject({ method: 'PUT', url: `/api/safety-thirst/applications/${applicationId}/assessment`, headers: officer.headers, payload: { results: [{ criterionCode: a, result: 'partly', note: 'Only half the staff trained' }] } })
  t.equal(desk.statusCode, 200, desk.body)
  const conflict = await app.inject({ method: 'PUT', url: `/api/visits/${visitId}/assessment`, headers: officer.headers, payload: { ...body, baseUpdatedAt: json(first).updatedAt } })
  t.equal(conflict.statusCode, 409, conflict.body)
  t.equal(json(conflict).code, 'ASSESSMENT_CONFLICT')
  t.same(json(conflict).details.differing, [a])
  const kept = await app.db.selectFrom('stResults').select('result').where('applicationId', '=', applicationId).where('criterionCode', '=', a).executeTakeFirst()
  t.equal(kept?.result, 'partly', 'the desktop\'s result is not overwritten')
  const compliance = await newVisit()
  const wrongKind = await app.inject({ method: 'PUT', url: `/api/visits/${compliance}/assessment`, headers: officer.headers, payload: body })
  t.equal(wrongKind.statusCode, 409)
  t.equal(json(wrongKind).code, 'NOT_AN_ASSESSMENT_VISIT')
})
