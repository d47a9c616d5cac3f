// Indexes shaped for the police.uk import (issue #4: import at no less than a quarter of COPY's
// speed). The import key leads with the month, so one monthly file's upserts touch one part of
// the index instead of pages all over it (64-character Crime IDs are random). lng/lat is no
// longer indexed: bbox filters go through the BNG index (incidents.repository.ts).
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`drop index incidents_source_key`.execute(db)
  await sql`create unique index incidents_source_key on incidents (month, external_id, source) where external_id is not null`.execute(db)
  await sql`drop index incidents_lng_lat_idx`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('incidents_lng_lat_idx').on('incidents').columns(['lng', 'lat']).execute()
  await sql`drop index incidents_source_key`.execute(db)
  await sql`create unique index incidents_source_key on incidents (source, external_id, month) where external_id is not null`.execute(db)
}
