// One row per login. A token names its session, and a request is accepted only while that row
// is neither revoked nor expired, so logout, a password or role change and deactivation end
// tokens already handed out (reactivating an account does not bring them back).
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('sessions')
    .addColumn('id', 'text', c => c.primaryKey())
    .addColumn('user_id', 'integer', c => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', c => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .execute()
  await sql`create index sessions_user_live_idx on sessions (user_id) where revoked_at is null`.execute(db)
  await db.schema.createIndex('sessions_expires_at_idx').on('sessions').column('expires_at').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute()
}
