// The migration that moves the police.uk content hash from SHA-1 to MD5 re-keys stored rows, so
// that a month imported by an earlier version is still matched row for row on re-import.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build, createTestDatabase, login } from '../helper.ts'
import { createMigrator } from '../../server/db/migrate.ts'
import { lngLatToBng } from '../../server/geo/bng.ts'

const DEMO = join(import.meta.dirname, '../../demo/police-uk')

t.test('rows keyed by the SHA-1 version are re-keyed, and re-importing the month adds nothing', async t => {
  const database = await createTestDatabase(t)
  const migrated = await createMigrator(database.db).migrateTo('2026_12_02_090000_incidents_import_indexes')
  t.notOk(migrated.error, 'migrated up to the version before the re-key')
  const header = readFileSync(join(DEMO, '2017-01-city-of-london-street.csv'), 'utf8').split(/\r?\n/)[0]
  const rows = [
    { crimeId: '', lng: -0.0901, lat: 51.5151, location: 'On or near Cheapside', type: 'Anti-social behaviour', category: 'anti-social-behaviour' },
    { crimeId: '', lng: -0.0902, lat: 51.5152, location: 'On or near Poultry', type: 'Anti-social behaviour', category: 'anti-social-behaviour' },
    { crimeId: '', lng: -0.0902, lat: 51.5152, location: 'On or near Poultry', type: 'Anti-social behaviour', category: 'anti-social-behaviour' },
    { crimeId: 'abc', lng: -0.0903, lat: 51.5153, location: 'On or near Bank', type: 'Other theft', category: 'other-theft' },
    { crimeId: 'abc', lng: -0.0904, lat: 51.5154, location: 'On or near Mansion House', type: 'Other theft', category: 'other-theft' },
    { crimeId: 'def', lng: -0.0905, lat: 51.5155, location: 'On or near Cornhill', type: 'Other theft', category: 'other-theft' }
  ]
  // The key as the SHA-1 version made it (police-uk.parse.ts before the COPY import).
  const sha1 = (r: typeof rows[number]) => createHash('sha1').update([r.lng.toFixed(6), r.lat.toFixed(6), r.location.toLowerCase(), 'E01000001', r.category].join('|')).digest('hex').slice(0, 24)
  const groups = new Map<string, { row: typeof rows[number]; hash: string }[]>()
  for (const row of rows) {
    const hash = sha1(row)
    const group = row.crimeId || `noid:${hash}`
    groups.set(group, [...(groups.get(group) ?? []), { row, hash }])
  }
  for (const [base, list] of groups) {
    list.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
    for (const [i, { row }] of list.entries()) {
      const { easting, northing } = lngLatToBng(row.lng, row.lat)
      await database.db.insertInto('incidents').values({
        source: 'police_uk', externalId: i === 0 ? base : `${base}#${i + 1}`, category: row.category, occurredAt: new Date('2024-05-01T00:00:00+01:00'),
        timePrecision: 'month', month: '2024-05-01', lat: row.lat, lng: row.lng, easting, northing, locationText: row.location, lsoaCode: 'E01000001', outcome: null
      } as never).execute()
    }
  }
  const app = await build(t, { database })
  const csv = [header, ...rows.map(r => `${r.crimeId},2024-05,City of London Police,City of London Police,${r.lng.toFixed(6)},${r.lat.toFixed(6)},${r.location},E01000001,City of London 001A,${r.type},,`), ''].join('\n')
  const res = await app.inject({ method: 'POST', url: '/api/imports/police-uk', headers: { ...(await login(app, 'officer')).headers, 'content-type': 'text/csv' }, payload: csv })
  t.equal(res.statusCode, 200, res.body)
  t.same([res.json().imported, res.json().updated, res.json().unchanged], [0, 0, 6], 'every stored row matched again')
  const keys = (await app.db.selectFrom('incidents').select('externalId').execute()).map(r => r.externalId).sort()
  t.equal(keys.filter(k => k!.startsWith('noid:')).length, 3, 'three ASB rows, two of them identical')
  t.same(keys.filter(k => !k!.startsWith('noid:')), ['abc', 'abc#2', 'def'])
})
