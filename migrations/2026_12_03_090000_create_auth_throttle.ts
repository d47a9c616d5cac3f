// Attempt counters for guarded actions (login, later password resets), in the database so that
// every app instance on one PostgreSQL sees the same counts. The key is stored as a SHA-256
// hash: a mistyped email (or a password typed into the email field) is never kept.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('auth_throttle')
    .addColumn('kind', 'text', c => c.notNull())
    .addColumn('key_hash', 'text', c => c.notNull())
    .addColumn('attempts', 'integer', c => c.notNull().check(sql`attempts >= 0`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('forget_at', 'timestamptz', c => c.notNull())
    .addPrimaryKeyConstraint('auth_throttle_pkey', ['kind', 'key_hash'])
    .execute()
  await db.schema.createIndex('auth_throttle_forget_at_idx').on('auth_throttle').column('forget_at').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_throttle').execute()
}
