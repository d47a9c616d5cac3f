// The migration that makes attribution one rule (2026_12_03_150000_drop_flag_radii) attributes
// stored incidents again: a venue that is no longer current stops attracting them, and the
// flag settings lose their own radii.
import t from 'tap'
import { sql } from 'kysely'
import { createTestDatabase } from '../helper.ts'
import { createMigrator } from '../../server/db/migrate.ts'
import { bngToLngLat } from '../../server/geo/bng.ts'

const MIGRATION = '2026_12_03_150000_drop_flag_radii'

t.test('incidents near a closed venue are attributed again to current venues only', async t => {
  const database = await createTestDatabase(t)
  const migrator = createMigrator(database.db)
  const migrations = await migrator.getMigrations()
  const before = migrations[migrations.findIndex(m => m.name === MIGRATION) - 1]!.name
  t.notOk((await migrator.migrateTo(before)).error, 'migrated up to the version before')
  const db = database.db
  const at = (e: number, n: number) => ({ easting: e, northing: n, ...(({ lng, lat }) => ({ lng, lat }))(bngToLngLat(e, n)) })
  const venue = async (name: string, status: string, e: number) => (await db.insertInto('premises')
    .values({ name, address: '1 Test Street', status: status as 'current', ...at(e, 181200) }).returning('id').executeTakeFirstOrThrow()).id
  const open = await venue('Open Arms', 'current', 532300)
  const closed = await venue('Closed Arms', 'revoked', 532330)
  const incident = (e: number, attribution: string, premisesId: number | null, candidates: number[] | null) => ({
    source: 'police' as const, category: 'violent-crime', occurredAt: new Date('2025-06-20T21:00:00Z'), timePrecision: 'minute' as const, month: '2025-06-01',
    ...at(e, 181200), attribution: attribution as 'none', premisesId, candidatePremisesIds: candidates
  })
  const [ambiguous, nearClosed, linked] = (await db.insertInto('incidents').values([
    incident(532315, 'ambiguous', null, [open, closed]), // 15 m from both: ambiguous while both counted
    incident(532340, 'proximate', closed, null), // 10 m from the closed venue only
    incident(532330, 'linked', closed, null) // recorded against the closed venue
  ]).returning('id').execute()).map(r => r.id)

  t.notOk((await migrator.migrateTo(MIGRATION)).error, 'the migration runs')
  const rows = new Map((await db.selectFrom('incidents').select(['id', 'attribution', 'premisesId', 'candidatePremisesIds']).execute()).map(r => [r.id, r]))
  t.match(rows.get(ambiguous), { attribution: 'proximate', premisesId: open, candidatePremisesIds: null }, 'only the current venue is near it now')
  t.match(rows.get(nearClosed), { attribution: 'none', premisesId: null }, 'a revoked venue attracts nothing')
  t.match(rows.get(linked), { attribution: 'linked', premisesId: closed }, 'a linked record stays linked')
  const columns = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'flag_settings'`.execute(db)
  t.notOk(columns.rows.some(c => c.name === 'radius_m' || c.name === 'month_radius_m'), 'flag settings have no radius of their own')
})
