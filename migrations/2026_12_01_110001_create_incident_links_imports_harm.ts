// Incidents support tables: candidate premises within the attribution radius (so an ambiguous
// incident shows on each venue page), a record of every import, the harm weights (Cambridge
// Crime Harm Index, City of London mix; editable) and the attribution radii (one row).
import { sql, type Kysely } from 'kysely'

const CCHI_CITY: [string, number, string][] = [
  ['anti-social-behaviour', 1, 'not a crime in CCHI; floor of 1'],
  ['bicycle-theft', 2, 'CCHI 2026, City of London mix'],
  ['burglary', 190.7, 'CCHI 2026, City of London mix'],
  ['criminal-damage-arson', 4.94, 'CCHI 2026, City of London mix'],
  ['drugs', 3.39, 'CCHI 2026, City of London mix'],
  ['other-theft', 2, 'CCHI 2026, City of London mix'],
  ['possession-of-weapons', 273.75, 'CCHI 2026, City of London mix'],
  ['public-order', 7.5, 'CCHI 2026, City of London mix'],
  ['robbery', 365, 'CCHI 2026, City of London mix'],
  ['shoplifting', 1, 'CCHI 2026, City of London mix'],
  ['theft-from-the-person', 2, 'CCHI 2026, City of London mix'],
  ['vehicle-crime', 5, 'CCHI 2026, City of London mix'],
  ['violent-crime', 197.22, 'CCHI 2026, City of London mix'],
  ['other-crime', 10, 'CCHI 2026, City of London mix'],
  ['noise', 1, 'local kind: floor of 1'],
  ['drink-spiking', 365, 'local kind: as violence with injury (CCHI median 365)'],
  ['sexual-harassment', 10, 'local kind: as stalking and harassment (CCHI median 10)'],
  ['intoxication', 1, 'local kind: floor of 1'],
  ['ejection', 1, 'local kind: floor of 1']
]

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('incident_premises')
    .addColumn('incident_id', 'integer', c => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('distance_m', 'double precision', c => c.notNull())
    .addPrimaryKeyConstraint('incident_premises_pkey', ['incident_id', 'premises_id'])
    .execute()
  await db.schema.createIndex('incident_premises_premises_idx').on('incident_premises').column('premises_id').execute()

  await db.schema.createTable('import_runs')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('kind', 'text', c => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('user_id', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('rows', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('no_location', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('rejected', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('months', sql`text[]`, c => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('ms', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema.createTable('harm_weights')
    .addColumn('category', 'text', c => c.primaryKey())
    .addColumn('weight', 'double precision', c => c.notNull().check(sql`weight >= 0`))
    .addColumn('basis', 'text', c => c.notNull().defaultTo(''))
    .execute()
  await db.insertInto('harm_weights').values(CCHI_CITY.map(([category, weight, basis]) => ({ category, weight, basis }))).execute()

  await db.schema.createTable('incident_settings')
    .addColumn('id', 'boolean', c => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('radius_m', 'double precision', c => c.notNull().defaultTo(20).check(sql`radius_m between 5 and 100`))
    .addColumn('police_uk_radius_m', 'double precision', c => c.notNull().defaultTo(50).check(sql`police_uk_radius_m between 5 and 250`))
    .execute()
  await db.insertInto('incident_settings').values({ id: true }).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_settings').execute()
  await db.schema.dropTable('harm_weights').execute()
  await db.schema.dropTable('import_runs').execute()
  await db.schema.dropTable('incident_premises').execute()
}
