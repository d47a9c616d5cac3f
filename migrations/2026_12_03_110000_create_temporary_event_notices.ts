// Temporary Event Notices (Licensing Act 2003 Part 5) and the objections the police and
// environmental health give to them. Event times are stored as instants and as the local
// wall-clock text the premises user gave, so limits count local days and hours both ways.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('temporary_event_notices')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('premises_user_name', 'text', c => c.notNull().check(sql`length(trim(premises_user_name)) > 0`))
    // Lower-cased, spaces collapsed: the same person however the name was typed (per-user limits).
    .addColumn('premises_user_key', 'text', c => c.notNull())
    .addColumn('personal_licence_holder', 'boolean', c => c.notNull())
    .addColumn('kind', 'text', c => c.notNull().check(sql`kind in ('standard', 'late')`))
    .addColumn('status', 'text', c => c.notNull().defaultTo('received').check(sql`status in ('received', 'objected', 'counter_notice', 'cleared', 'withdrawn')`))
    .addColumn('given_on', 'date', c => c.notNull())
    .addColumn('starts_local', 'text', c => c.notNull())
    .addColumn('ends_local', 'text', c => c.notNull())
    .addColumn('starts_at', 'timestamptz', c => c.notNull())
    .addColumn('ends_at', 'timestamptz', c => c.notNull())
    .addColumn('max_people', 'integer', c => c.notNull().check(sql`max_people between 1 and 499`))
    .addColumn('activities', sql`text[]`, c => c.notNull())
    .addColumn('objection_deadline', 'date', c => c.notNull())
    .addColumn('counter_notice_deadline', 'timestamptz', c => c.notNull())
    .addColumn('outcome_reasons', 'text')
    .addColumn('decided_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('given_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('ten_period_order', sql`ends_at > starts_at`)
    .execute()
  await db.schema.createIndex('ten_premises_starts_idx').on('temporary_event_notices').columns(['premises_id', 'starts_at']).execute()
  await db.schema.createIndex('ten_user_starts_idx').on('temporary_event_notices').columns(['premises_user_key', 'starts_at']).execute()
  await db.schema.createIndex('ten_starts_idx').on('temporary_event_notices').column('starts_at').execute()

  await db.schema.createTable('ten_objections')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('ten_id', 'integer', c => c.notNull().references('temporary_event_notices.id').onDelete('cascade'))
    .addColumn('organisation', 'text', c => c.notNull().check(sql`organisation in ('police', 'environmental_health')`))
    .addColumn('objectives', sql`text[]`, c => c.notNull())
    .addColumn('text', 'text', c => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn('made_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('ten_objections_ten_idx').on('ten_objections').column('ten_id').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ten_objections').execute()
  await db.schema.dropTable('temporary_event_notices').execute()
}
