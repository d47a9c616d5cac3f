// Incident records from police.uk, police, officers, venues and the public. occurred_at keeps
// its precision (police.uk is month-only: never invent a time). month is the first day of the
// local month, part of the police.uk upsert key. Attribution links incidents to premises.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('incidents')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('source', 'text', c => c.notNull().check(sql`source in ('police_uk', 'police', 'officer', 'venue', 'public')`))
    .addColumn('external_id', 'text')
    .addColumn('category', 'text', c => c.notNull().check(sql`category ~ '^[a-z][a-z-]*$'`))
    .addColumn('occurred_at', 'timestamptz', c => c.notNull())
    .addColumn('time_precision', 'text', c => c.notNull().check(sql`time_precision in ('minute', 'day', 'month')`))
    .addColumn('month', 'date', c => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('easting', 'double precision')
    .addColumn('northing', 'double precision')
    .addColumn('location_text', 'text')
    .addColumn('lsoa_code', 'text')
    .addColumn('premises_id', 'integer', c => c.references('premises.id').onDelete('set null'))
    .addColumn('attribution', 'text', c => c.notNull().defaultTo('none').check(sql`attribution in ('linked', 'proximate', 'ambiguous', 'none')`))
    .addColumn('outcome', 'text')
    .addColumn('description', 'text')
    .addColumn('police_only_notes', 'text')
    .addColumn('reported_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('incidents_location_pair', sql`(lat is null) = (lng is null) and (easting is null) = (lat is null) and (northing is null) = (lat is null)`)
    .addCheckConstraint('incidents_linked_has_premises', sql`attribution <> 'linked' or premises_id is not null`)
    .execute()
  await sql`create unique index incidents_source_key on incidents (source, external_id, month) where external_id is not null`.execute(db)
  await db.schema.createIndex('incidents_occurred_idx').on('incidents').columns(['occurred_at']).execute()
  await db.schema.createIndex('incidents_category_time_idx').on('incidents').columns(['category', 'occurred_at']).execute()
  await db.schema.createIndex('incidents_premises_idx').on('incidents').columns(['premises_id', 'occurred_at']).execute()
  await db.schema.createIndex('incidents_bng_idx').on('incidents').columns(['easting', 'northing']).execute()
  await db.schema.createIndex('incidents_lng_lat_idx').on('incidents').columns(['lng', 'lat']).execute()
  await db.schema.createIndex('incidents_month_idx').on('incidents').columns(['month']).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incidents').execute()
}
