// Cross-cutting tables: the audit log every write service appends to, the record of scheduled
// job runs, and in-app notifications (to one user or to everyone holding a role).
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('audit_log')
    .addColumn('id', 'bigint', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', c => c.notNull())
    .addColumn('entity', 'text', c => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute()
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'at']).execute()
  await db.schema.createIndex('audit_log_user_idx').on('audit_log').column('user_id').execute()
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute()

  await db.schema.createTable('job_runs')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', c => c.notNull())
    .addColumn('instance', 'text', c => c.notNull())
    .addColumn('started_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('ok', 'boolean')
    .addColumn('stats', 'jsonb')
    .addColumn('error', 'text')
    .execute()
  await db.schema.createIndex('job_runs_name_idx').on('job_runs').columns(['name', 'started_at']).execute()

  await db.schema.createTable('notifications')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('user_id', 'integer', c => c.references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', c => c.check(sql`role in ('admin', 'licensing_officer', 'police', 'venue_manager')`))
    .addColumn('premises_id', 'integer')
    .addColumn('kind', 'text', c => c.notNull())
    .addColumn('title', 'text', c => c.notNull())
    .addColumn('body', 'text', c => c.notNull().defaultTo(''))
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('notifications_target_check', sql`user_id is not null or role is not null`)
    .execute()
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute()
  await db.schema.createIndex('notifications_role_idx').on('notifications').columns(['role', 'created_at']).execute()
  await sql`create unique index notifications_dedupe_key on notifications (dedupe_key) where dedupe_key is not null`.execute(db)

  // Per-user read marks, so a notification sent to a role can be read by each holder separately.
  await db.schema.createTable('notification_reads')
    .addColumn('notification_id', 'integer', c => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', c => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_reads_pkey', ['notification_id', 'user_id'])
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_reads').execute()
  await db.schema.dropTable('notifications').execute()
  await db.schema.dropTable('job_runs').execute()
  await db.schema.dropTable('audit_log').execute()
}
