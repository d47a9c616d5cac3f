// The map feed's data version: one row, bumped by triggers in the commit of every write to the
// tables the feed is made of (migrations/*_create_map_data_version.ts).
import type { Db } from '../db/types.ts'

/** The current data version, as text (a bigint). */
export async function dataVersion (db: Db): Promise<string> {
  const row = await db.selectFrom('mapDataVersion').select('version').where('id', '=', 1).executeTakeFirstOrThrow()
  return String(row.version)
}
