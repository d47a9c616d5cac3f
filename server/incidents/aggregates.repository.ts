// The zone of the incident aggregates (migrations/*_create_incident_aggregates.ts,
// docs/analytics.md, "Aggregates"): their local dates and hours are in one zone, TZ_LOCAL. When
// the app starts with another zone the aggregates are rebuilt in it, in one transaction, so the
// hotspot views and flags read them again; until then they count the raw incidents.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'

/** The zone the aggregates were built in. */
export async function aggregateZone (db: Db): Promise<string | undefined> {
  const { rows } = await sql<{ tz: string }>`select tz from incident_aggregate_settings`.execute(db)
  return rows[0]?.tz
}

/** Rebuilds the aggregates in `tz` if they were built in another zone; true when it did. */
export async function syncAggregateZone (db: Db, tz: string): Promise<boolean> {
  if (await aggregateZone(db) === tz) return false
  return db.transaction().execute(async trx => {
    // Locked, so two instances starting at once rebuild once.
    const { rows } = await sql<{ tz: string }>`select tz from incident_aggregate_settings for update`.execute(trx)
    if (rows[0]?.tz === tz) return false
    await sql`update incident_aggregate_settings set tz = ${tz}`.execute(trx)
    await sql`select incident_aggregates_rebuild()`.execute(trx)
    return true
  })
}
