// The partnership's data: force records, A&E (ISTV), ambulance and council logs imported through
// saved profiles. Incidents gain three sources, a time window as recorded (time_precision
// 'window' from occurred_at to occurred_to), the file's own classification, and a key on
// (source, external_id) for imported records (a later extract may move a record's dates, so the
// month cannot be part of its key). Profiles are saved per extract kind; free-text locations
// (A&E) are matched to premises once and the officer's decision is remembered.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`alter table incidents drop constraint incidents_source_check`.execute(db)
  await sql`alter table incidents add constraint incidents_source_check
    check (source in ('police_uk', 'police', 'officer', 'venue', 'public', 'hospital', 'ambulance', 'council'))`.execute(db)
  await sql`alter table incidents drop constraint incidents_time_precision_check`.execute(db)
  await sql`alter table incidents add constraint incidents_time_precision_check check (time_precision in ('minute', 'day', 'month', 'window'))`.execute(db)
  await sql`alter table incidents
    add column occurred_to timestamptz,
    add column classification text,
    add column import_profile text,
    add column location_key text`.execute(db)
  await sql`alter table incidents add constraint incidents_window_has_end
    check ((time_precision = 'window') = (occurred_to is not null) and (occurred_to is null or occurred_to > occurred_at))`.execute(db)
  await sql`create unique index incidents_record_key on incidents (source, external_id) where external_id is not null and source <> 'police_uk'`.execute(db)
  await sql`create index incidents_location_key_idx on incidents (location_key) where location_key is not null`.execute(db)
  await sql`create index incidents_source_time_idx on incidents (source, occurred_at)`.execute(db)

  await db.schema.createTable('import_profiles')
    .addColumn('name', 'text', c => c.primaryKey().check(sql`name ~ '^[a-z0-9][a-z0-9-]{0,62}$'`))
    .addColumn('label', 'text', c => c.notNull())
    .addColumn('source', 'text', c => c.notNull().check(sql`source in ('police', 'ambulance', 'hospital', 'council')`))
    .addColumn('columns', 'jsonb', c => c.notNull())
    .addColumn('date_format', 'text', c => c.notNull())
    .addColumn('coordinates', 'text', c => c.notNull().check(sql`coordinates in ('bng', 'wgs84', 'none')`))
    .addColumn('category_map', 'jsonb', c => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('built_in', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  // One row per distinct free-text location (normalised): the best match, its score and why,
  // and the officer's decision once made (status confirmed, or rejected: no premises).
  await db.schema.createTable('location_matches')
    .addColumn('location_key', 'text', c => c.primaryKey())
    .addColumn('location_text', 'text', c => c.notNull())
    .addColumn('status', 'text', c => c.notNull().check(sql`status in ('matched', 'uncertain', 'unmatched', 'confirmed', 'rejected')`))
    .addColumn('premises_id', 'integer', c => c.references('premises.id').onDelete('set null'))
    .addColumn('score', 'double precision')
    .addColumn('candidates', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decided_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index location_matches_queue_idx on location_matches (status) where status in ('uncertain', 'unmatched')`.execute(db)

  await sql`alter table import_runs add column profile text, add column source text, add column latest date`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`alter table import_runs drop column profile, drop column source, drop column latest`.execute(db)
  await db.schema.dropTable('location_matches').execute()
  await db.schema.dropTable('import_profiles').execute()
  await sql`drop index incidents_source_time_idx`.execute(db)
  await sql`drop index incidents_location_key_idx`.execute(db)
  await sql`drop index incidents_record_key`.execute(db)
  await sql`delete from incidents where source in ('hospital', 'ambulance', 'council') or time_precision = 'window'`.execute(db)
  await sql`alter table incidents drop constraint incidents_window_has_end`.execute(db)
  await sql`alter table incidents drop column occurred_to, drop column classification, drop column import_profile, drop column location_key`.execute(db)
  await sql`alter table incidents drop constraint incidents_time_precision_check`.execute(db)
  await sql`alter table incidents add constraint incidents_time_precision_check check (time_precision in ('minute', 'day', 'month'))`.execute(db)
  await sql`alter table incidents drop constraint incidents_source_check`.execute(db)
  await sql`alter table incidents add constraint incidents_source_check check (source in ('police_uk', 'police', 'officer', 'venue', 'public'))`.execute(db)
}
