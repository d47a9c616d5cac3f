// Stores parsed police.uk rows: multi-row upserts (1,000 rows a statement) keyed on
// (source, external_id, month), so re-importing is a no-op and a later download updates
// outcomes; then attribution of the new and changed rows. Runs inside the caller's transaction.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'
import { lngLatToBng, type Bng } from '../geo/bng.ts'
import { localToUtc } from './local-time.ts'
import { attributeIncidents } from './attribution.service.ts'
import type { ParsedFile, PoliceUkRow } from './police-uk.parse.ts'

export interface ImportSummary {
  rows: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
  noLocation: number
  rejected: { line: number; reason: string }[]
  months: string[]
  /** Ids of new and changed rows (not part of the API answer). */
  changedIds?: number[]
}

export const BATCH_ROWS = 5000

export interface StoreOptions { tz: string; attribute?: boolean }

const bngCache = new Map<string, Bng>()
function bng (lng: number, lat: number): Bng {
  const key = `${lng},${lat}`
  let value = bngCache.get(key)
  if (!value) {
    value = lngLatToBng(lng, lat)
    if (bngCache.size > 200000) bngCache.clear()
    bngCache.set(key, value)
  }
  return value
}

export async function storePoliceUkRows (db: Db, parsed: ParsedFile, options: StoreOptions): Promise<ImportSummary> {
  const monthStarts = new Map<string, Date>()
  const monthStart = (month: string) => {
    let at = monthStarts.get(month)
    if (!at) monthStarts.set(month, at = localToUtc(month, options.tz))
    return at
  }
  const summary: ImportSummary = { rows: parsed.rows.length + parsed.rejected.length, imported: 0, updated: 0, unchanged: 0, skipped: parsed.skipped, noLocation: 0, rejected: parsed.rejected, months: [] }
  const months = new Set<string>()
  const changed: number[] = []
  for (let start = 0; start < parsed.rows.length; start += BATCH_ROWS) {
    const batch = parsed.rows.slice(start, start + BATCH_ROWS)
    const cols = { externalId: [] as string[], category: [] as string[], occurredAt: [] as string[], month: [] as string[], lat: [] as (number | null)[], lng: [] as (number | null)[], easting: [] as (number | null)[], northing: [] as (number | null)[], locationText: [] as (string | null)[], lsoaCode: [] as (string | null)[], outcome: [] as (string | null)[] }
    for (const row of batch) {
      months.add(row.month.slice(0, 7))
      if (row.lat === null) summary.noLocation++
      const grid = row.lat !== null && row.lng !== null ? bng(row.lng, row.lat) : null
      cols.externalId.push(row.externalId); cols.category.push(row.category); cols.occurredAt.push(monthStart(row.month).toISOString()); cols.month.push(row.month)
      cols.lat.push(row.lat); cols.lng.push(row.lng); cols.easting.push(grid?.easting ?? null); cols.northing.push(grid?.northing ?? null)
      cols.locationText.push(row.locationText); cols.lsoaCode.push(row.lsoaCode); cols.outcome.push(row.outcome)
    }
    // One statement per batch with an array per column (unnest): far fewer parameters than a VALUES list.
    const { rows: result } = await sql<{ id: number; inserted: boolean }>`
      insert into incidents (source, external_id, category, occurred_at, time_precision, month, lat, lng, easting, northing, location_text, lsoa_code, outcome)
      select 'police_uk', t.e, t.c, t.o, 'month', t.m, t.la, t.ln, t.ea, t.no, t.lt, t.ls, t.oc
      from unnest(${cols.externalId}::text[], ${cols.category}::text[], ${cols.occurredAt}::timestamptz[], ${cols.month}::date[],
        ${cols.lat}::float8[], ${cols.lng}::float8[], ${cols.easting}::float8[], ${cols.northing}::float8[],
        ${cols.locationText}::text[], ${cols.lsoaCode}::text[], ${cols.outcome}::text[]) as t(e, c, o, m, la, ln, ea, no, lt, ls, oc)
      on conflict (source, external_id, month) where external_id is not null do update set
        category = excluded.category, outcome = excluded.outcome, lat = excluded.lat, lng = excluded.lng, easting = excluded.easting,
        northing = excluded.northing, location_text = excluded.location_text, lsoa_code = excluded.lsoa_code, updated_at = now()
      where (incidents.category, incidents.outcome, incidents.lat, incidents.lng, incidents.location_text, incidents.lsoa_code)
        is distinct from (excluded.category, excluded.outcome, excluded.lat, excluded.lng, excluded.location_text, excluded.lsoa_code)
      returning id, (xmax = 0) as inserted`.execute(db)
    for (const row of result) {
      if (row.inserted) summary.imported++
      else summary.updated++
      changed.push(row.id)
    }
    summary.unchanged += batch.length - result.length
  }
  summary.months = [...months].sort()
  if (options.attribute !== false) await attributeIncidents(db, changed)
  else summary.changedIds = changed
  return summary
}
