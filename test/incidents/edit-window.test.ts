// Changing and deleting incidents within the edit window (INCIDENT_EDIT_WINDOW_HOURS): a venue
// manager its own incident-book entries, an officer or police officer deletes only what they
// recorded; after the window a plain 409 saying why and what to do instead; every delete audited
// in its transaction, and the venue's counts and traffic light follow it.
import t from 'tap'
import { sql } from 'kysely'
import { build, json, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { createIncident } from '../fixtures/incidents.ts'

let now = new Date('2025-11-08T02:00:00Z')
const app = await build(t, { config: { now: () => now, incidentEditWindowHours: 72 } })
const venue = await createPremises(app.db, { location: { lat: 51.515, lng: -0.085 } })
const manager = await login(app, 'manager', { premisesIds: [venue.id] })
const otherManager = await login(app, 'manager', { premisesIds: [(await createPremises(app.db, { location: { lat: 51.512, lng: -0.095 } })).id] })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const call = (who: { headers: Record<string, string> }, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) })
const record = async (who: { headers: Record<string, string> }) => {
  const res = await call(who, 'POST', '/api/incidents', { category: 'violent-crime', occurredAt: '2025-11-08T01:10:00Z', location: null, premisesId: venue.id, description: 'A fight at the door' })
  if (res.statusCode !== 201) throw new Error(`recording failed: ${res.body}`)
  return json(res)
}
const venueDays = async () => Number((await sql<{ n: number }>`select coalesce(sum(n), 0) as n from incident_venue_days where premises_id = ${venue.id}`.execute(app.db)).rows[0]!.n)
// The stored light (what the map and the lists read), not the one computed on request.
const points = async () => (await app.db.selectFrom('trafficLightStates').select('points').where('premisesId', '=', venue.id).executeTakeFirst())?.points ?? 0

t.test('inside the window: the recorder changes and deletes, and the counts follow in one transaction', async t => {
  const entry = await record(manager)
  t.match(entry, { editable: true, deletable: true, changeableUntil: '2025-11-11T02:00:00.000Z' }, 'the manager is told until when')
  t.equal((await call(manager, 'PATCH', `/api/incidents/${entry.id}`, { description: 'A fight at the door; police called' })).statusCode, 200)
  const mine = await record(police)
  t.match(json(await call(officer, 'GET', `/api/incidents/${mine.id}`)), { editable: true, deletable: false }, 'an officer may correct the police record but not delete it')
  const counted = await venueDays()
  const lit = await points()
  t.ok(lit > 0, 'the violence counts for the venue\'s light')

  const notTheirs = await call(otherManager, 'DELETE', `/api/incidents/${entry.id}`)
  t.equal(notTheirs.statusCode, 403, 'another venue\'s manager cannot delete it')
  t.equal((await call(manager, 'DELETE', `/api/incidents/${mine.id}`)).statusCode, 403, 'a manager deletes only its own incident-book entries')
  const officerTry = await call(officer, 'DELETE', `/api/incidents/${entry.id}`)
  t.equal(officerTry.statusCode, 403)
  t.equal(json(officerTry).message, 'Only the person who recorded an incident can delete it: correct it instead, or add its outcome')

  const gone = await call(manager, 'DELETE', `/api/incidents/${entry.id}`)
  t.equal(gone.statusCode, 204, gone.body)
  t.equal((await call(manager, 'GET', `/api/incidents/${entry.id}`)).statusCode, 404)
  t.equal(await venueDays(), counted - 1, 'the venue aggregates the flags read no longer count it')
  t.ok(await points() < lit, 'the stored traffic light is recomputed without it')
  const audit = await app.db.selectFrom('auditLog').select(['userId', 'before']).where('action', '=', 'incident.delete').where('entityId', '=', String(entry.id)).execute()
  t.equal(audit.length, 1, 'the delete is audited')
  t.match(audit[0]!.before, { description: 'A fight at the door; police called', category: 'violent-crime' }, 'with what the record said')
  t.equal((await call(manager, 'DELETE', `/api/incidents/${entry.id}`)).statusCode, 404, 'deleting again is a 404, not a 5xx')
  t.equal((await call(police, 'DELETE', `/api/incidents/${mine.id}`)).statusCode, 204, 'police delete what they recorded')
})

t.test('after the window: a plain 409 that says why and what to do', async t => {
  now = new Date('2025-11-08T02:00:00Z')
  const entry = await record(manager)
  const policeRecord = await record(police)
  now = new Date('2025-11-11T02:00:01Z')
  const edit = await call(manager, 'PATCH', `/api/incidents/${entry.id}`, { description: 'changed later' })
  t.equal(edit.statusCode, 409)
  t.equal(json(edit).code, 'INCIDENT_WINDOW_CLOSED')
  t.equal(json(edit).message, 'You can no longer change or delete this incident: that can be done only in the 72 hours after it is recorded, and it was recorded on Sat, 8 Nov 2025 at 02:00. If something in it is wrong, ask the licensing team to correct it.')
  t.equal((await call(manager, 'DELETE', `/api/incidents/${entry.id}`)).statusCode, 409)
  t.match(json(await call(manager, 'GET', `/api/incidents/${entry.id}`)), { editable: false, deletable: false, changeableUntil: null })
  const late = await call(police, 'DELETE', `/api/incidents/${policeRecord.id}`)
  t.equal(late.statusCode, 409)
  t.equal(json(late).message, 'You can no longer delete this incident: that can be done only in the 72 hours after it is recorded, and it was recorded on Sat, 8 Nov 2025 at 02:00. It is evidence now, so correct it or add its outcome instead.')
  t.equal((await call(police, 'PATCH', `/api/incidents/${policeRecord.id}`, { outcome: 'Suspect charged' })).statusCode, 200, 'officers and police still correct a record, audited')
  t.equal((await call(officer, 'PATCH', `/api/incidents/${entry.id}`, { outcome: 'Reviewed' })).statusCode, 200, 'and a venue\'s entry')
  t.ok(await app.db.selectFrom('incidents').select('id').where('id', '=', entry.id).executeTakeFirst(), 'nothing was deleted')
})

t.test('police.uk records are never deleted', async t => {
  const imported = await createIncident(app.db, { source: 'police_uk', premisesId: venue.id, createdAt: now })
  const res = await call(officer, 'DELETE', `/api/incidents/${imported.id}`)
  t.equal(res.statusCode, 409)
  t.equal(json(res).code, 'INCIDENT_READ_ONLY')
  // A venue manager is refused them as any record outside its book is: 403, saying nothing of where it came from.
  for (const method of ['PATCH', 'DELETE'] as const) {
    const refused = await call(manager, method, `/api/incidents/${imported.id}`, method === 'PATCH' ? { description: 'ours now' } : undefined)
    t.equal(refused.statusCode, 403, `${method} by the venue's manager`)
    t.equal(json(refused).message, 'This incident is not in the incident book of premises you manage')
  }
  t.equal((await call(officer, 'DELETE', '/api/incidents/999999')).statusCode, 404)
})
