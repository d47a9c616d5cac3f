// The flag run asks for the latest month holding month-precise (police.uk) records. With the
// plain month index PostgreSQL walks it backwards through every timed record first, seconds on
// a million of them; a partial index on those records answers at once.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`create index incidents_month_precise_idx on incidents (month) where time_precision = 'month'`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`drop index incidents_month_precise_idx`.execute(db)
}
