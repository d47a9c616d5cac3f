// A&E assault data (ISTV, ISB 1594) through the shipped profile, against the real City register
// (the FSA file of 229 pubs, bars and nightclubs): free-text locations matched to premises with
// misspellings, abbreviations and suffixes; uncertain and unmatched texts wait in a review queue;
// an officer's decision places every record with that text, now and in later extracts; files
// with patient identifiers are refused.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { build, login } from '../helper.ts'
import { DEMO_FHRS_FILE } from '../../server/premises/premises.demo.ts'

const app = await build(t, { config: { now: () => new Date('2026-12-01T12:00:00Z') } })
const officer = await login(app, 'officer')
const police = await login(app, 'police')
const manager = await login(app, 'manager')

const fhrs = await app.inject({ method: 'POST', url: '/api/imports/premises-fhrs', headers: { ...officer.headers, 'content-type': 'text/xml' }, payload: readFileSync(DEMO_FHRS_FILE, 'utf8') })
if (fhrs.statusCode !== 200) throw new Error(`the City register did not load: ${fhrs.body}`)

const premisesId = async (name: string, street: string) =>
  (await app.db.selectFrom('premises').select('id').where('name', '=', name).where('address', 'like', `%${street}%`).executeTakeFirstOrThrow()).id
const bishopsFinger = await premisesId('Bishops Finger', 'West Smithfield')
const crosseKeys = await premisesId('Crosse Keys PH', 'Gracechurch Street')
const cheshireCheese = await premisesId('Cheshire Cheese', 'Crutched Friars')
const allBarOneLudgate = await premisesId('All Bar One', 'Ludgate Hill')

const HEADER = 'ISTV record ID,Date of assault,Time of assault,Primary means of assault,Location of assault,Age band,Sex'
const istv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n'
const december = istv(
  'ED-0001,05/12/2025,23:40,Fist,"The Bishops Finger, West Smithfield",18-24,M',
  'ED-0002,06/12/2025,00:15,Glass,"Bishop\'s Fingr, W Smithfield",25-34,F',
  'ED-0003,06/12/2025,01:05,Kick,"Crosse Keys, Gracechurch St",25-34,M',
  'ED-0004,12/12/2025,22:50,Bottle,All Bar One,18-24,M',
  'ED-0005,13/12/2025,02:10,Fist,"Outside Tesco, Cheapside",35-44,M',
  'ED-0006,13/12/2025,02:30,Fist,all bar one ,18-24,F',
  'ED-0007,13/12/2025,03:00,Head butt,"Cheshire Chese, Crutched Friars",18-24,M'
)
const post = (body: string, query = '', headers = police.headers) =>
  app.inject({ method: 'POST', url: `/api/imports/records/istv${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: body })
const byRef = (ref: string) => app.db.selectFrom('incidents').selectAll().where('source', '=', 'hospital').where('externalId', '=', ref).executeTakeFirstOrThrow()
const hospitalCount = async () => Number((await app.db.selectFrom('incidents').select(eb => eb.fn.countAll().as('n')).where('source', '=', 'hospital').executeTakeFirstOrThrow()).n)
const review = async () => (await app.inject({ method: 'GET', url: '/api/imports/locations?status=review', headers: police.headers })).json()

t.test('the dry run shows each location with the premises it matched, the score and why', async t => {
  const res = await post(december, '?dryRun=true')
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.match(body, { rows: 7, imported: 7, dryRun: true, problems: [], toReview: 2 })
  const [first, second, third, fourth, fifth] = body.preview
  t.match(first.match, { status: 'matched', premisesId: bishopsFinger, premisesName: 'Bishops Finger', score: 1 })
  t.match(first.match.why, /"bishops finger" against "Bishops Finger": similarity 1\.00; "west smithfield" is in the address/)
  t.match(second.match, { status: 'matched', premisesId: bishopsFinger }, 'a misspelt name and an abbreviated street still match')
  t.ok(second.match.score < 1 && second.match.score >= 0.85, `the misspelling costs a little: ${second.match.score}`)
  t.match(third.match, { status: 'matched', premisesId: crosseKeys, score: 1 }, '"PH" and "St" are read as the register writes them')
  t.match(fourth.match, { status: 'uncertain', premisesName: 'All Bar One' }, 'five All Bar Ones in the City: without a street it is uncertain')
  t.match(fifth.match, { status: 'unmatched', premisesId: null })
  t.equal(first.category, 'violent-crime')
  t.equal(first.classification, 'Fist')
  t.equal(first.occurredAt, '2025-12-05T23:40:00.000Z')
  t.equal(await hospitalCount(), 0, 'nothing written')
  t.same((await review()).items, [], 'the dry run remembers no matches')
})

t.test('the import links matched records to their premises and queues the rest for an officer', async t => {
  const res = await post(december)
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { rows: 7, imported: 7, updated: 0, unchanged: 0, toReview: 2, noLocation: 3 })
  const one = await byRef('ED-0001')
  const finger = await app.db.selectFrom('premises').select(['lat', 'lng']).where('id', '=', bishopsFinger).executeTakeFirstOrThrow()
  t.match(one, { source: 'hospital', premisesId: bishopsFinger, attribution: 'linked', category: 'violent-crime', classification: 'Fist', timePrecision: 'minute', lat: finger.lat, lng: finger.lng })
  t.match(await byRef('ED-0007'), { premisesId: cheshireCheese, attribution: 'linked' })
  t.match(await byRef('ED-0004'), { premisesId: null, lat: null })
  const queue = await review()
  t.same(queue.items.map((i: any) => [i.text, i.status, i.incidents]), [['All Bar One', 'uncertain', 2], ['Outside Tesco, Cheapside', 'unmatched', 1]], 'one entry per text, however it was cased or spaced')
  t.ok(queue.items[0].candidates.length >= 5 && queue.items[0].candidates.every((c: any) => c.name === 'All Bar One'), 'the candidates are offered with their addresses')
  t.ok(queue.items[0].candidates.some((c: any) => c.premisesId === allBarOneLudgate && /Ludgate Hill/.test(c.address)))

  const list = await app.inject({ method: 'GET', url: '/api/incidents?source=hospital&limit=50', headers: police.headers })
  t.equal(list.statusCode, 200, list.body)
  t.equal(list.json().items.length, 7, 'A&E is a source of its own on the incidents list')
})

t.test('an officer confirms or corrects a match; every record with the text follows, and later extracts remember', async t => {
  const decide = (key: string, id: number | null, headers = police.headers) =>
    app.inject({ method: 'POST', url: '/api/imports/locations/decide', headers, payload: { key, premisesId: id } })
  const queue = await review()
  const allBarOne = queue.items.find((i: any) => i.text === 'All Bar One')
  const tesco = queue.items.find((i: any) => i.text === 'Outside Tesco, Cheapside')
  t.equal((await decide(allBarOne.key, allBarOneLudgate, manager.headers)).statusCode, 403, 'a venue manager cannot decide')
  t.equal((await decide('no such place', allBarOneLudgate)).statusCode, 404)
  const missing = await decide(allBarOne.key, 999999)
  t.equal(missing.statusCode, 400)
  t.match(missing.json().message, /There are no premises 999999: choose premises from the register/)

  const res = await decide(allBarOne.key, allBarOneLudgate)
  t.equal(res.statusCode, 200, res.body)
  t.match(res.json(), { status: 'confirmed', premisesId: allBarOneLudgate, incidents: 2 })
  for (const ref of ['ED-0004', 'ED-0006']) t.match(await byRef(ref), { premisesId: allBarOneLudgate, attribution: 'linked' }, `${ref} is placed at the chosen premises`)
  t.match((await decide(tesco.key, null)).json(), { status: 'rejected', premisesId: null })
  t.same((await review()).items, [], 'the queue is empty')
  const audit = await app.db.selectFrom('auditLog').select(['action', 'entityId']).where('action', '=', 'location-match.decide').execute()
  t.equal(audit.length, 2, 'each decision is audited')

  const january = istv(
    'ED-0001,05/12/2025,23:40,Fist,"The Bishops Finger, West Smithfield",18-24,M',
    'ED-0101,09/01/2026,23:10,Fist,ALL BAR ONE,18-24,M',
    'ED-0102,10/01/2026,01:20,Glass,"Outside Tesco, Cheapside",25-34,M'
  )
  const next = await post(january)
  t.equal(next.statusCode, 200, next.body)
  t.match(next.json(), { rows: 3, imported: 2, updated: 0, unchanged: 1, toReview: 0 })
  t.match(await byRef('ED-0101'), { premisesId: allBarOneLudgate, attribution: 'linked' }, 'the decision holds for the next extract')
  t.match(await byRef('ED-0102'), { premisesId: null, lat: null }, 'a text decided to be no premises stays unplaced')
  t.equal(await hospitalCount(), 9)
  t.match((await post(january)).json(), { imported: 0, updated: 0, unchanged: 3 }, 'importing it again changes nothing')
  t.equal(await hospitalCount(), 9)
})

t.test('an A&E file with patient identifiers is refused, naming the columns', async t => {
  const before = await hospitalCount()
  const res = await post('ISTV record ID,Date of assault,Time of assault,Primary means of assault,Location of assault,Patient Name,Date of Birth,NHS No\r\nED-0200,05/12/2025,23:40,Fist,Bishops Finger,A Person,01/01/1990,943 476 5919\r\n')
  t.equal(res.statusCode, 400)
  t.equal(res.json().code, 'IMPORT_PERSONAL_DATA')
  t.match(res.json().message, /"Patient Name" \(column F, looks like a name\), "Date of Birth" \(column G, looks like a date of birth\), "NHS No" \(column H, looks like an NHS number\)\. Remove those columns and send the file again\./)
  t.equal(await hospitalCount(), before)
})

t.test('only officers, police and admins see the review queue', async t => {
  t.equal((await app.inject({ method: 'GET', url: '/api/imports/locations', headers: manager.headers })).statusCode, 403)
  t.equal((await app.inject({ method: 'GET', url: '/api/imports/locations' })).statusCode, 401)
})
