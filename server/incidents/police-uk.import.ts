// Stores the staged police.uk rows (police-uk.staging.ts). Each distinct month, crime type and
// coordinate pair is checked once in JavaScript (police-uk.parse.ts); one statement then joins
// the verdicts to the rows, makes the keys, attributes each snap point to premises, inserts new
// keys and updates changed rows (source, external_id, month) so that re-importing is a no-op
// and a later download updates outcomes. Runs inside the caller's transaction.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'
import { lngLatToBng, type Bng } from '../geo/bng.ts'
import { distinctStagedValues, type StagedValues } from './police-uk.staging.ts'
import { attributeIncidents } from './attribution.service.ts'
import { attributionOf, getAttributionSettings, premisesNear } from './attribution.repository.ts'
import { checkCrimeType, checkMonth, checkPoint } from './police-uk.parse.ts'
import type { ImportSummary } from '../../shared/schemas/incidents.ts'

export type { ImportSummary }

export interface StoreOptions {
  tz: string
  /** Rows rejected before staging (API records without an id), and records skipped as repeats. */
  rejected?: ImportSummary['rejected']
  skipped?: number
}

// police.uk snap points repeat from month to month: convert each once per process.
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

/** pg_advisory_xact_lock(namespace, key) namespace of police.uk imports; the key is the month. */
const IMPORT_LOCK_NAMESPACE = 7_300_401

/**
 * Imports of the same month wait for each other (their keys could collide); other months go in
 * parallel. Locks are taken in month order, so two files cannot deadlock.
 */
async function lockMonths (db: Db, months: string[]): Promise<void> {
  const keys = [...new Set(months)].sort().map(month => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1)
  for (const key of keys) await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_NAMESPACE}, ${key})`.execute(db)
}

/** Each distinct raw value checked once (null for a rejected or missing value). */
function checkValues (values: StagedValues) {
  const months = values.months.map(raw => ({ raw, ...checkMonth(raw) }))
  const types = values.crimeTypes.map(raw => ({ raw, ...checkCrimeType(raw) }))
  const points = values.points.map(([lngRaw, latRaw]) => {
    const checked = checkPoint(lngRaw, latRaw)
    const grid = checked.value ? bng(checked.value.lng, checked.value.lat) : null
    return {
      lngRaw, latRaw, lng: checked.value?.lng ?? null, lat: checked.value?.lat ?? null, easting: grid?.easting ?? null, northing: grid?.northing ?? null,
      // The point as the content hash spells it (6 decimals; empty when there is none).
      hashText: checked.value ? `${checked.value.lng.toFixed(6)}|${checked.value.lat.toFixed(6)}` : '|',
      reason: checked.reason,
      /** Premises within the police.uk radius, nearest first, as an int[] literal (filled by candidatesOfPoints). */
      candidates: '{}'
    }
  })
  return { months, types, points }
}

type CheckedValues = ReturnType<typeof checkValues>

/**
 * Attribution (docs/analytics.md, "Rising theft or violence") per distinct snap point, not per row: police.uk repeats them. A
 * statement of its own, so that the main statement joins small known lists only.
 */
async function candidatesOfPoints (db: Db, points: CheckedValues['points']): Promise<void> {
  const mapped = points.filter(p => p.easting !== null)
  if (mapped.length === 0) return
  const { policeUkRadiusM } = await getAttributionSettings(db)
  const { rows } = await sql<{ easting: number; northing: number; premisesId: number }>`
    select near.easting, near.northing, near.premises_id from (
      ${premisesNear(sql`(select easting, northing, ${policeUkRadiusM}::float8 as radius_m from unnest(${mapped.map(p => p.easting)}::float8[], ${mapped.map(p => p.northing)}::float8[]) as p(easting, northing))`)}
    ) near order by near.distance_m, near.premises_id`.execute(db)
  const byPoint = new Map<string, number[]>()
  for (const row of rows) {
    const key = `${row.easting},${row.northing}`
    byPoint.set(key, [...(byPoint.get(key) ?? []), row.premisesId])
  }
  for (const point of mapped) point.candidates = `{${(byPoint.get(`${point.easting},${point.northing}`) ?? []).join(',')}}`
}

/** The checked values as relations for the main statement (m, c and p). */
function valueRelations ({ months, types, points }: CheckedValues) {
  const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map(r => r[key])
  return {
    months: sql`unnest(${column(months, 'raw')}::text[], ${column(months, 'value')}::date[], ${column(months, 'reason')}::text[]) as m(raw, month, reason)`,
    types: sql`unnest(${column(types, 'raw')}::text[], ${column(types, 'value')}::text[], ${column(types, 'reason')}::text[]) as c(raw, category, reason)`,
    points: sql`(select p.*, p.candidate_text::int[] as candidates from unnest(${column(points, 'lngRaw')}::text[], ${column(points, 'latRaw')}::text[],
        ${column(points, 'lng')}::float8[], ${column(points, 'lat')}::float8[], ${column(points, 'easting')}::float8[], ${column(points, 'northing')}::float8[],
        ${column(points, 'hashText')}::text[], ${column(points, 'reason')}::text[], ${column(points, 'candidates')}::text[])
        as p(lng_raw, lat_raw, lng, lat, easting, northing, hash_text, reason, candidate_text)) p`
  }
}

/**
 * Checks, keys and stores the staged rows in one statement. The key (docs/data-imports.md):
 * Crime ID when it occurs once in the month; repeats of a Crime ID are Crime ID, Crime ID#2, …
 * ordered by a content hash; no Crime ID: the API id when there is one ("api:ID"), else
 * "noid:" + the content hash, and #n among identical rows. The content hash covers the fields
 * police.uk does not change between downloads (not the outcome). Most rows take the first path,
 * which needs no hash and no sort.
 */
export async function storeStagedRows (db: Db, options: StoreOptions): Promise<ImportSummary> {
  const values = checkValues(await distinctStagedValues(db))
  await lockMonths(db, values.months.flatMap(m => m.value ?? []))
  await candidatesOfPoints(db, values.points)
  const relations = valueRelations(values)
  const { rows: [result] } = await sql<{ rows: number; imported: number; updated: number; noLocation: number; months: string[] | null; rejected: ImportSummary['rejected'] | null; movedIds: number[] | null }>`
    with checked as (
      select s.line, s.api_id, btrim(coalesce(s.crime_id, '')) as crime_id, m.month, c.category, p.lng, p.lat, p.easting, p.northing, p.hash_text,
        nullif(btrim(coalesce(s.location, '')), '') as location_text, nullif(btrim(coalesce(s.lsoa_code, '')), '') as lsoa_code,
        nullif(btrim(coalesce(s.last_outcome_category, '')), '') as outcome, coalesce(m.reason, c.reason, p.reason) as reason,
        ${attributionOf(sql`cardinality(p.candidates)`)} as attribution, case when cardinality(p.candidates) = 1 then p.candidates[1] end as premises_id,
        case when cardinality(p.candidates) > 1 then p.candidates end as candidate_premises_ids
      from police_uk_staging s
      join ${relations.months} on m.raw = coalesce(s.month, '')
      join ${relations.types} on c.raw = coalesce(s.crime_type, '')
      join ${relations.points} on p.lng_raw = coalesce(s.longitude, '') and p.lat_raw = coalesce(s.latitude, '')
    ), valid as (
      select * from checked where reason is null
    ), repeated as (
      select month, crime_id from valid where crime_id <> '' group by month, crime_id having count(*) > 1
    ), hashed as (
      select v.*, left(md5(concat_ws('|', v.hash_text, lower(coalesce(v.location_text, '')), coalesce(v.lsoa_code, ''), v.category)), 24) as content_hash
      from valid v
      where (v.crime_id = '' and v.api_id is null) or (v.month, v.crime_id) in (select month, crime_id from repeated)
    ), keyed as (
      select v.*, case when v.crime_id = '' then 'api:' || v.api_id else v.crime_id end as external_id
      from valid v
      where not ((v.crime_id = '' and v.api_id is null) or (v.month, v.crime_id) in (select month, crime_id from repeated))
      union all
      select h.line, h.api_id, h.crime_id, h.month, h.category, h.lng, h.lat, h.easting, h.northing, h.hash_text, h.location_text, h.lsoa_code, h.outcome, h.reason,
        h.attribution, h.premises_id, h.candidate_premises_ids, h.base || case when h.repeat = 1 then '' else '#' || h.repeat end
      from (
        select h.*, coalesce(nullif(h.crime_id, ''), 'noid:' || h.content_hash) as base,
          row_number() over (partition by h.month, coalesce(nullif(h.crime_id, ''), 'noid:' || h.content_hash) order by h.content_hash, h.line) as repeat
        from hashed h
      ) h
    ), matched as (
      -- New rows are plain inserts and changed rows updates (cheaper than ON CONFLICT row by row);
      -- the month locks (lockMonths) keep another import from adding the same key meanwhile.
      select k.*, i.id as existing_id,
        (i.category, i.outcome, i.lat, i.lng, i.location_text, i.lsoa_code) is distinct from (k.category, k.outcome, k.lat, k.lng, k.location_text, k.lsoa_code) as changed,
        (i.easting, i.northing) is distinct from (k.easting, k.northing) as moved
      from keyed k
      left join incidents i on i.month = k.month and i.external_id = k.external_id and i.source = 'police_uk'
    ), inserted as (
      insert into incidents (source, external_id, category, occurred_at, time_precision, month, lat, lng, easting, northing, location_text, lsoa_code, outcome,
        attribution, premises_id, candidate_premises_ids)
      select 'police_uk', m.external_id, m.category, m.month::timestamp at time zone ${options.tz}, 'month', m.month, m.lat, m.lng, m.easting, m.northing,
        m.location_text, m.lsoa_code, m.outcome, m.attribution, m.premises_id, m.candidate_premises_ids
      from matched m where m.existing_id is null
      returning id
    ), updated as (
      -- A row that moved is attributed again after this statement (attributeIncidents).
      update incidents u set category = m.category, outcome = m.outcome, lat = m.lat, lng = m.lng, easting = m.easting, northing = m.northing,
        location_text = m.location_text, lsoa_code = m.lsoa_code, updated_at = now()
      from matched m where u.id = m.existing_id and m.changed
      returning u.id, m.moved
    )
    select
      (select count(*) from checked)::int as rows,
      (select count(*) from inserted)::int as imported,
      (select count(*) from updated)::int as updated,
      (select count(*) from valid where lng is null)::int as no_location,
      (select array_agg(to_char(month, 'YYYY-MM') order by month) from (select distinct month from valid) d) as months,
      (select json_agg(json_build_object('line', line, 'reason', reason) order by line) from checked where reason is not null) as rejected,
      (select array_agg(id) from updated where moved) as moved_ids`.execute(db)
  const r = result!
  if (r.movedIds) await attributeIncidents(db, r.movedIds)
  const rejected = [...(options.rejected ?? []), ...(r.rejected ?? [])].sort((a, b) => a.line - b.line)
  const stored = r.rows - (r.rejected?.length ?? 0)
  return {
    rows: r.rows + (options.rejected?.length ?? 0),
    imported: r.imported,
    updated: r.updated,
    unchanged: stored - r.imported - r.updated,
    skipped: options.skipped ?? 0,
    noLocation: r.noLocation,
    rejected,
    months: r.months ?? []
  }
}
