// One number that changes whenever the map feed's answer may change (premises, Safety Thirst
// awards, flags, plan documents), so every app process can tell whether its cached feed is
// still right with one primary-key read. Deferred constraint triggers bump it once per
// transaction, at commit: the row lock is held only for the commit, so writers of different
// premises never queue behind each other mid-transaction, and the version becomes visible in
// the same commit as the data it stands for (a rolled-back write leaves it as it was).
import { sql, type Kysely } from 'kysely'

const TABLES = ['premises', 'st_applications', 'flags', 'plan_documents'] as const

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('map_data_version')
    .addColumn('id', 'integer', c => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', c => c.notNull().defaultTo(1))
    .addColumn('changed_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`insert into map_data_version (id) values (1)`.execute(db)
  // The transaction-local setting makes the second and later rows of a transaction (an import of
  // a thousand premises) skip the update.
  await sql.raw(`create function map_data_version_bump () returns trigger language plpgsql as $fn$
    begin
      if coalesce(current_setting('nightsafe.map_version_bumped', true), '') <> 'on' then
        update map_data_version set version = version + 1, changed_at = now() where id = 1;
        perform set_config('nightsafe.map_version_bumped', 'on', true);
      end if;
      return null;
    end $fn$`).execute(db)
  for (const table of TABLES) {
    await sql.raw(`create constraint trigger ${table}_map_version after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function map_data_version_bump()`).execute(db)
    // TRUNCATE fires no row trigger; a statement trigger covers it.
    await sql.raw(`create trigger ${table}_map_version_truncate after truncate on ${table}
      for each statement execute function map_data_version_bump()`).execute(db)
  }
}

export async function down (db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`drop trigger ${table}_map_version on ${table}`).execute(db)
    await sql.raw(`drop trigger ${table}_map_version_truncate on ${table}`).execute(db)
  }
  await sql`drop function map_data_version_bump ()`.execute(db)
  await db.schema.dropTable('map_data_version').execute()
}
