// Window-dated incidents ("committed between 22:30 and 01:15") are added to hotspot counts one by
// one, by their aoristic share, after the aggregates are read. They are few, but without an index
// of their own finding them meant reading every incident in the date range: at 1,000,000 incidents
// that scan took longer than reading the aggregates. A partial index holds only them.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`create index incidents_window_idx on incidents (occurred_at) where time_precision = 'window'`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`drop index incidents_window_idx`.execute(db)
}
