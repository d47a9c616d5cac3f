// The only code of the hotspots domain that builds queries. Counting happens in SQL: each
// incident is classified once (1 counted, 2 left out because its time is too coarse for the
// filters, 0 outside the filters) and grouped by grid cell, floor(easting / size) and
// floor(northing / size). Night-of dates use the local wall clock minus 6 hours, so a clock
// change neither loses nor double-counts the hour between 00:00 and 02:00. An incident recorded as
// a window (committed between two times) is classified 3 and counted apart, by its aoristic share
// of minutes inside the filters (shared/aoristic.ts), which SQL does not compute.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/types.ts'
import { isNightFilter, type HotspotFilters } from './filters.ts'
import { addDays } from '../../shared/dates.ts'
import { aoristicShare } from '../../shared/aoristic.ts'

export type Box = [number, number, number, number]

/** count and harm are weighted: a windowed incident adds its share; windows counts those with a share above 0. */
export interface CellCountRow { ix: number; iy: number; count: number; harm: number; excludedMonth: number; excludedDay: number; windows: number }

function classification (f: HotspotFilters): RawBuilder<number> {
  const local = sql`(occurred_at at time zone ${f.tz})`
  const nightOf = sql`(${local} - interval '6 hours')`
  const from = sql`${f.from}::date`
  const to = sql`${f.to}::date`
  const night = isNightFilter(f)
  const windowDate = night ? sql`${nightOf}::date` : sql`${local}::date`
  const daysOf = (date: RawBuilder<unknown>) => f.days.length ? sql`extract(isodow from ${date})::int in (${sql.join(f.days)})` : sql`true`
  const hour = sql`extract(hour from ${local})::int`
  const hours = !f.hours ? sql`true`
    : f.hours.start < f.hours.end ? sql`(${hour} >= ${f.hours.start} and ${hour} < ${f.hours.end})`
      : sql`(${hour} >= ${f.hours.start} or ${hour} < ${f.hours.end})`
  const monthCounted = night ? sql`false` : sql`(month >= ${from} and (month + interval '1 month')::date <= ${to} + 1)`
  const dayCounted = f.hours ? sql`2` : sql`case when ${daysOf(sql`${local}::date`)} then 1 else 0 end`
  return sql<number>`case
    when time_precision = 'window' then 3
    when time_precision = 'month' then case when month <= ${to} and (month + interval '1 month')::date > ${from}
      then case when ${monthCounted} then 1 else 2 end else 0 end
    when time_precision = 'day' then case when ${local}::date between ${from} and ${to} then ${dayCounted} else 0 end
    else case when ${windowDate} between ${from} and ${to} and ${daysOf(nightOf)} and ${hours} then 1 else 0 end
  end`
}

export function weightOf (f: HotspotFilters, weights: ReadonlyMap<string, number>, fallback: number): RawBuilder<number> {
  if (f.weight === 'count' || weights.size === 0) return sql<number>`1`
  // numeric, so sums are exact and equal the aggregates' (cell-aggregates.repository.ts) to the last bit
  const whens = [...weights].map(([category, w]) => sql`when ${category} then ${String(w)}::numeric`)
  return sql<number>`case category ${sql.join(whens, sql` `)} else ${String(fallback)}::numeric end`
}

/** Incidents that may belong to the window, inside the box, in the categories (an index-friendly pre-filter). */
function candidates (f: HotspotFilters, box: Box) {
  const categories = f.categories.length ? sql`and category in (${sql.join(f.categories)})` : sql``
  const sources = f.sources.length ? sql`and source in (${sql.join(f.sources)})` : sql``
  // A window is found by its start, so one starting more than 32 days before the first date is not
  // counted: extracts record windows of hours or days, not months.
  return sql`easting >= ${box[0]} and easting < ${box[2]} and northing >= ${box[1]} and northing < ${box[3]}
    and occurred_at >= ${addDays(f.from, -32)}::timestamptz and occurred_at < ${addDays(f.to, 33)}::timestamptz ${categories} ${sources}`
}

/**
 * The bare aggregation a hotspot map needs: per grid cell of `size` metres inside `box`, the
 * incidents counted, their harm, and the coarse-dated records left out. Cells with none are absent.
 */
export async function countIncidentsByCell (db: Db, f: HotspotFilters, size: number, box: Box, weights: ReadonlyMap<string, number> = new Map(), fallbackWeight = 1): Promise<CellCountRow[]> {
  const weight = weightOf(f, weights, fallbackWeight)
  const { rows } = await sql<Omit<CellCountRow, 'windows'>>`
    select ix, iy,
      (count(*) filter (where cls = 1))::int as count,
      coalesce(sum(weight) filter (where cls = 1), 0)::float8 as harm,
      (count(*) filter (where cls = 2 and time_precision = 'month'))::int as excluded_month,
      (count(*) filter (where cls = 2 and time_precision = 'day'))::int as excluded_day
    from (
      select floor(easting / ${size})::int as ix, floor(northing / ${size})::int as iy, time_precision,
        ${weight} as weight, ${classification(f)} as cls
      from incidents where ${candidates(f, box)}
    ) classified
    where cls in (1, 2)
    group by ix, iy`.execute(db)
  return addWindowCells(db, f, size, box, weight, rows)
}

/**
 * The cells of `rows` (counts of records with one date) with the window-dated incidents added by
 * their aoristic shares; the aggregates' reader adds them the same way (cell-aggregates.repository.ts).
 */
export async function addWindowCells (db: Db, f: HotspotFilters, size: number, box: Box, weight: RawBuilder<number>, rows: Omit<CellCountRow, 'windows'>[]): Promise<CellCountRow[]> {
  const cells = new Map<string, CellCountRow>(rows.map(r => [`${r.ix}:${r.iy}`, { ...r, windows: 0 }]))
  const { rows: windows } = await sql<{ ix: number; iy: number; occurredAt: Date | string; occurredTo: Date | string; weight: number }>`
    select floor(easting / ${size})::int as ix, floor(northing / ${size})::int as iy, occurred_at, occurred_to, ${weight} as weight
    from incidents where ${candidates(f, box)} and time_precision = 'window' and occurred_to is not null`.execute(db)
  const filter = { from: f.from, to: f.to, nights: isNightFilter(f), days: f.days, hours: f.hours }
  for (const w of windows) {
    const share = aoristicShare(new Date(w.occurredAt), new Date(w.occurredTo), filter, f.tz)
    if (share <= 0) continue
    const key = `${w.ix}:${w.iy}`
    let cell = cells.get(key)
    if (!cell) cells.set(key, cell = { ix: w.ix, iy: w.iy, count: 0, harm: 0, excludedMonth: 0, excludedDay: 0, windows: 0 })
    cell.count += share
    cell.harm += share * Number(w.weight)
    cell.windows += 1
  }
  return [...cells.values()]
}

export interface CellIncidentRow { id: number; category: string; occurredAt: Date; occurredTo: Date | null; timePrecision: string; locationText: string | null; premisesId: number | null }

/** The incidents counted in one square (the cell panel), newest first: windows with a share inside the filters among them. */
export async function listIncidentsInSquare (db: Db, f: HotspotFilters, square: Box, limit: number): Promise<CellIncidentRow[]> {
  const { rows } = await sql<CellIncidentRow>`
    select id, category, occurred_at, occurred_to, time_precision, location_text, premises_id from incidents
    where ${candidates(f, square)} and ${classification(f)} in (1, 3)
    order by occurred_at desc, id desc limit ${limit}`.execute(db)
  const filter = { from: f.from, to: f.to, nights: isNightFilter(f), days: f.days, hours: f.hours }
  return rows.filter(r => r.timePrecision !== 'window' || (r.occurredTo !== null && aoristicShare(new Date(r.occurredAt), new Date(r.occurredTo), filter, f.tz) > 0))
}

/** The most common location descriptions ("On or near Fenchurch Street") of the incidents counted in a square. */
export async function topLocations (db: Db, f: HotspotFilters, square: Box, limit: number): Promise<{ text: string; count: number }[]> {
  const { rows } = await sql<{ text: string; count: number }>`
    select location_text as text, count(*)::int as count from incidents
    where ${candidates(f, square)} and ${classification(f)} = 1 and location_text is not null
    group by location_text order by count desc, location_text limit ${limit}`.execute(db)
  return rows
}

export interface PremisesPoint { id: number; name: string; address: string; status: string; easting: number; northing: number }

/** Current premises with a location inside the box (the venues shown in cells). */
export async function premisesInBox (db: Db, box: Box): Promise<PremisesPoint[]> {
  return db.selectFrom('premises')
    .select(['id', 'name', 'address', 'status', 'easting', 'northing'])
    .where('easting', '>=', box[0]).where('easting', '<', box[2])
    .where('northing', '>=', box[1]).where('northing', '<', box[3])
    .where('status', '=', 'current')
    .orderBy('name')
    .execute() as Promise<PremisesPoint[]>
}

/** The local dates incidents cover (a month-precise record covers its whole month). */
export async function incidentCoverage (db: Db, tz: string) {
  const { rows } = await sql<{ firstDate: string | null; lastDate: string | null; lastPreciseDate: string | null }>`
    select min(month)::text as first_date,
      max(case when time_precision = 'month' then ((month + interval '1 month')::date - 1) else (occurred_at at time zone ${tz})::date end)::text as last_date,
      max((occurred_at at time zone ${tz})::date) filter (where time_precision <> 'month')::text as last_precise_date
    from incidents`.execute(db)
  return rows[0] ?? { firstDate: null, lastDate: null, lastPreciseDate: null }
}
