// The queries of record imports. Records on their way in: a session temporary table (emptied at every commit) filled by COPY in
// PostgreSQL's text format, then one statement that places free-text locations matched to
// premises, attributes the rest by distance, and inserts new keys or updates changed rows, keyed
// by (source, reference) so a re-import changes nothing and a later extract updates outcomes,
// classifications and times. Runs inside the caller's transaction.
import { sql } from 'kysely'
import type { Db } from '../../db/types.ts'
import { copyFromStdin } from '../../db/copy.ts'
import { attributionOf, getAttributionSettings, premisesNear } from '../attribution.repository.ts'
import type { Place } from './location-matches.repository.ts'
import type { RecordRow } from './map-rows.ts'

const COLUMNS = ['line', 'reference', 'category', 'classification', 'occurred_at', 'occurred_to', 'time_precision', 'month', 'lat', 'lng', 'easting', 'northing', 'location_text', 'location_key', 'outcome'] as const

export async function createRecordsStaging (db: Db): Promise<void> {
  await sql`do $$ begin
    if to_regclass('pg_temp.records_staging') is null then
      create temp table records_staging (
        line integer not null, reference text not null, category text not null, classification text, occurred_at timestamptz not null,
        occurred_to timestamptz, time_precision text not null, month date not null, lat float8, lng float8, easting float8, northing float8,
        location_text text, location_key text, outcome text
      ) on commit delete rows;
    elsif exists (select from pg_temp.records_staging) then
      truncate pg_temp.records_staging;
    end if;
  end $$`.execute(db)
}

// COPY's text format: tab-separated, \N for null, backslash escapes in text.
const text = (value: string | null) => value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
const num = (value: number | null) => value === null ? '\\N' : String(value)

/** Collects records as COPY lines and sends them in chunks of about 8 MB. */
export class StagingWriter {
  private parts: string[] = []
  private size = 0
  rows = 0
  constructor (private readonly db: Db) {}

  async add (r: RecordRow, locationKey: string | null): Promise<void> {
    const line = [String(r.line), text(r.reference), r.category, text(r.classification), r.occurredAt.toISOString(), r.occurredTo ? r.occurredTo.toISOString() : '\\N',
      r.precision, r.month, num(r.lat), num(r.lng), num(r.easting), num(r.northing), text(r.locationText), text(locationKey), text(r.outcome)].join('\t') + '\n'
    this.parts.push(line)
    this.size += line.length
    this.rows++
    if (this.size > 8_000_000) await this.flush()
  }

  async flush (): Promise<void> {
    if (this.parts.length === 0) return
    const chunk = Buffer.from(this.parts.join(''), 'utf8')
    this.parts = []
    this.size = 0
    await copyFromStdin(this.db, `copy records_staging (${COLUMNS.join(', ')}) from stdin`, chunk)
  }
}

/** pg_advisory_xact_lock namespace of record imports; the key is the source. Imports of one source wait for each other. */
const RECORDS_LOCK_NAMESPACE = 7_300_402
const SOURCE_KEYS: Record<string, number> = { police: 1, ambulance: 2, hospital: 3, council: 4 }

export interface StoreCounts { imported: number; updated: number; unchanged: number; windows: number; noLocation: number; latest: string | null }

/**
 * Stores the staged rows of one source (or, with write false, only counts what storing would do).
 * A row without coordinates whose location text is matched (or confirmed) to premises is linked
 * to them and placed at them; other rows are attributed by distance (the own-records radius).
 */
export async function storeStagedRecords (db: Db, options: { source: string; profile: string; tz: string; write: boolean; places: (Place & { key: string })[] }): Promise<StoreCounts> {
  await sql`select pg_advisory_xact_lock(${RECORDS_LOCK_NAMESPACE}, ${SOURCE_KEYS[options.source] ?? 0})`.execute(db)
  const { radiusM } = await getAttributionSettings(db)
  const source = options.source
  const write = options.write
  const col = <K extends keyof (Place & { key: string })>(k: K) => options.places.map(p => p[k])
  const places = sql`unnest(${col('key')}::text[], ${col('premisesId')}::int[], ${col('lat')}::float8[], ${col('lng')}::float8[], ${col('easting')}::float8[], ${col('northing')}::float8[])
    as mp(location_key, id, lat, lng, easting, northing)`
  const { rows: [r] } = await sql<{ rows: number; imported: number; updated: number; windows: number; noLocation: number; latest: string | null }>`
    with located as (
      select s.line, s.reference, s.category, s.classification, s.occurred_at, s.occurred_to, s.time_precision, s.month, s.location_text, s.outcome,
        case when s.easting is null then s.location_key end as location_key,
        coalesce(s.lat, mp.lat) as lat, coalesce(s.lng, mp.lng) as lng, coalesce(s.easting, mp.easting) as easting, coalesce(s.northing, mp.northing) as northing,
        mp.id as matched_premises
      from records_staging s
      left join ${places} on s.easting is null and mp.location_key = s.location_key
    ), near as (
      select l.line, array_agg(n.premises_id order by n.distance_m, n.premises_id) as ids
      from located l
      cross join lateral (${premisesNear(sql`(select l.easting, l.northing, ${radiusM}::float8 as radius_m)`)}) n
      where l.matched_premises is null and l.easting is not null
      group by l.line
    ), keyed as (
      select l.*,
        case when l.matched_premises is not null then 'linked' else ${attributionOf(sql`coalesce(cardinality(near.ids), 0)`)} end as attribution,
        coalesce(l.matched_premises, case when cardinality(near.ids) = 1 then near.ids[1] end) as premises_id,
        case when l.matched_premises is null and cardinality(near.ids) > 1 then near.ids end as candidate_premises_ids
      from located l left join near on near.line = l.line
    ), matched as (
      select k.*, i.id as existing_id,
        (i.category, i.classification, i.occurred_at, i.occurred_to, i.time_precision, i.outcome, i.location_text, i.lat, i.lng)
          is distinct from (k.category, k.classification, k.occurred_at, k.occurred_to, k.time_precision, k.outcome, k.location_text, k.lat, k.lng) as changed,
        i.attribution = 'linked' and i.location_key is null as linked_by_hand
      from keyed k
      left join incidents i on i.source = ${source} and i.external_id = k.reference
    ), inserted as (
      insert into incidents (source, external_id, category, classification, occurred_at, occurred_to, time_precision, month, lat, lng, easting, northing,
        location_text, location_key, outcome, attribution, premises_id, candidate_premises_ids, import_profile)
      select ${source}, m.reference, m.category, m.classification, m.occurred_at, m.occurred_to, m.time_precision, m.month, m.lat, m.lng, m.easting, m.northing,
        m.location_text, m.location_key, m.outcome, m.attribution, m.premises_id, m.candidate_premises_ids, ${options.profile}
      from matched m where m.existing_id is null and ${write}
      returning id
    ), updated as (
      -- A record an officer linked to premises by hand keeps that link.
      update incidents u set category = m.category, classification = m.classification, occurred_at = m.occurred_at, occurred_to = m.occurred_to,
        time_precision = m.time_precision, month = m.month, outcome = m.outcome, location_text = m.location_text, location_key = m.location_key,
        lat = m.lat, lng = m.lng, easting = m.easting, northing = m.northing, import_profile = ${options.profile}, updated_at = now(),
        attribution = case when m.linked_by_hand then u.attribution else m.attribution end,
        premises_id = case when m.linked_by_hand then u.premises_id else m.premises_id end,
        candidate_premises_ids = case when m.linked_by_hand then u.candidate_premises_ids else m.candidate_premises_ids end
      from matched m where u.id = m.existing_id and m.changed and ${write}
      returning u.id
    )
    select
      (select count(*) from matched)::int as rows,
      (select count(*) from ${write ? sql`inserted` : sql`matched where existing_id is null`})::int as imported,
      (select count(*) from ${write ? sql`updated` : sql`matched where existing_id is not null and changed`})::int as updated,
      (select count(*) from matched where time_precision = 'window')::int as windows,
      (select count(*) from matched where lat is null)::int as no_location,
      (select to_char(max(coalesce(occurred_to - interval '1 second', occurred_at) at time zone ${options.tz}), 'YYYY-MM-DD') from matched) as latest`.execute(db)
  const counts = r!
  return { imported: counts.imported, updated: counts.updated, unchanged: counts.rows - counts.imported - counts.updated, windows: counts.windows, noLocation: counts.noLocation, latest: counts.latest }
}

export interface ImportRunRow {
  profile: string; source: string; fileName: string | null; userId: number | null
  rows: number; imported: number; updated: number; unchanged: number; noLocation: number; latest: string | null; ms: number
}

export async function insertImportRun (db: Db, run: ImportRunRow): Promise<void> {
  await db.insertInto('importRuns').values({ kind: 'records', ...run, rejected: '[]' }).execute()
}
