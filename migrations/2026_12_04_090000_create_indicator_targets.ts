// Targets for the partnership's indicators (docs/indicators.md), set by an administrator. An
// indicator without a row here has its default target (the Safety Thirst scheme's own) or none.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('indicator_targets')
    .addColumn('indicator_key', 'text', c => c.primaryKey())
    .addColumn('target', 'double precision', c => c.notNull().check(sql`target >= 0`))
    .addColumn('updated_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_targets').execute()
}
