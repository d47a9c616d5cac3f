// Which sources of incidents the flag run counts (docs/analytics.md, "Rising theft or violence").
// Null: every source, including any added later, which is what flags counted before this setting.
import type { Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('flag_settings').addColumn('sources', 'jsonb').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('flag_settings').dropColumn('sources').execute()
}
