// Accounts, roles and the premises a venue manager may act for; app_meta records one-off facts
// such as "demo data seeded" so restarts never seed twice.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('users')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('email', 'text', c => c.notNull())
    .addColumn('name', 'text', c => c.notNull())
    .addColumn('role', 'text', c => c.notNull().check(sql`role in ('admin', 'licensing_officer', 'police', 'venue_manager')`))
    .addColumn('password_hash', 'text', c => c.notNull())
    .addColumn('active', 'boolean', c => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_login_at', 'timestamptz')
    .execute()
  await sql`create unique index users_email_key on users (lower(email))`.execute(db)

  await db.schema.createTable('app_meta')
    .addColumn('key', 'text', c => c.primaryKey())
    .addColumn('value', 'jsonb', c => c.notNull())
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_meta').execute()
  await db.schema.dropTable('users').execute()
}
