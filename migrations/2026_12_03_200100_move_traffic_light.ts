// The City's traffic-light scheme becomes a record of its own (it was a calculation on the flags
// page): its settings and remedy credits move out of the flag tables, breaches found on visits
// count beside incidents, and each premises keeps its current light with the history of changes
// (what notifies officers when a venue turns amber or red, and what the premises timeline shows).
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('traffic_light_settings')
    .addColumn('id', 'integer', c => c.primaryKey().check(sql`id = 1`))
    .addColumn('penalty_points', 'jsonb', c => c.notNull())
    .addColumn('breach_points', 'integer', c => c.notNull().defaultTo(2).check(sql`breach_points between 0 and 100`))
    .addColumn('credit_points', 'integer', c => c.notNull().defaultTo(3).check(sql`credit_points between 0 and 100`))
    .addColumn('amber_at', 'integer', c => c.notNull().defaultTo(6).check(sql`amber_at > 0`))
    .addColumn('red_at', 'integer', c => c.notNull().defaultTo(12))
    .addColumn('window_days', 'integer', c => c.notNull().defaultTo(365).check(sql`window_days between 28 and 1095`))
    .addColumn('updated_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('traffic_light_thresholds', sql`red_at > amber_at`)
    .execute()
  await sql`
    insert into traffic_light_settings (id, penalty_points, credit_points, amber_at, red_at, window_days)
    select 1, penalty_points, credit_points, amber_at, red_at, points_window_days from flag_settings where id = 1`.execute(db)

  await db.schema.createTable('traffic_light_credits')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('recorded_on', 'date', c => c.notNull())
    .addColumn('note', 'text', c => c.notNull().check(sql`length(trim(note)) > 0`))
    .addColumn('user_id', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('traffic_light_credits_premises_idx').on('traffic_light_credits').columns(['premises_id', 'recorded_on']).execute()
  await sql`
    insert into traffic_light_credits (premises_id, recorded_on, note, user_id, created_at)
    select premises_id, recorded_on, note, user_id, created_at from flag_remedies order by id`.execute(db)

  await db.schema.createTable('traffic_light_states')
    .addColumn('premises_id', 'integer', c => c.primaryKey().references('premises.id').onDelete('cascade'))
    .addColumn('light', 'text', c => c.notNull().check(sql`light in ('green', 'amber', 'red')`))
    .addColumn('points', 'integer', c => c.notNull())
    .addColumn('since', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('computed_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('traffic_light_states_light_idx').on('traffic_light_states').column('light').execute()

  await db.schema.createTable('traffic_light_changes')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('from_light', 'text', c => c.check(sql`from_light in ('green', 'amber', 'red')`))
    .addColumn('to_light', 'text', c => c.notNull().check(sql`to_light in ('green', 'amber', 'red')`))
    .addColumn('points', 'integer', c => c.notNull())
    .addColumn('at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('traffic_light_changes_premises_idx').on('traffic_light_changes').columns(['premises_id', 'at']).execute()

  await sql`alter table flag_settings drop column penalty_points, drop column credit_points, drop column amber_at, drop column red_at, drop column points_window_days`.execute(db)
  await db.schema.dropTable('flag_remedies').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('flag_remedies')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('recorded_on', 'date', c => c.notNull())
    .addColumn('note', 'text', c => c.notNull())
    .addColumn('user_id', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`insert into flag_remedies (premises_id, recorded_on, note, user_id, created_at) select premises_id, recorded_on, note, user_id, created_at from traffic_light_credits`.execute(db)
  await sql`alter table flag_settings
    add column penalty_points jsonb not null default '{"theft": 1, "violence": 2}'::jsonb,
    add column credit_points integer not null default 3,
    add column amber_at integer not null default 6,
    add column red_at integer not null default 12,
    add column points_window_days integer not null default 365`.execute(db)
  for (const table of ['traffic_light_changes', 'traffic_light_states', 'traffic_light_credits', 'traffic_light_settings']) {
    await db.schema.dropTable(table).execute()
  }
}
