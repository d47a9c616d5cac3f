// Who in the licensing team has taken each piece of work on "Today". Work items are computed,
// not stored, so an assignment names the item by its key (kind and the screen that does it);
// when the work is done the item stops appearing and its assignment is simply never read again.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('work_assignments')
    .addColumn('item_key', 'text', c => c.primaryKey())
    .addColumn('assignee_id', 'integer', c => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('work_assignments_assignee').on('work_assignments').column('assignee_id').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_assignments').execute()
}
