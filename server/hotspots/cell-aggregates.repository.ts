// Cell counts from the incident aggregates (migrations/*_create_incident_aggregates.ts,
// docs/analytics.md, "Aggregates") instead of the raw incidents: the same rows as
// countIncidentsByCell for any cell size that is a multiple of the 25 m base cell, in the zone
// the aggregates were built in. Whole calendar months inside the window come from
// incident_cell_months, the days around them (and every night filter) from incident_cell_hours,
// so a year is twelve months of rows, never a year of incidents.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/types.ts'
import { addDays, addMonths, wholeMonthsWithin } from '../../shared/dates.ts'
import { isNightFilter, type HotspotFilters } from './filters.ts'
import { aggregateZone } from '../incidents/incidents.public.ts'
import { addWindowCells, countIncidentsByCell, weightOf, type Box, type CellCountRow } from './hotspots.repository.ts'

/** Side of the aggregates' base cell in metres. */
export const AGGREGATE_CELL = 25


/** Whether cells of `size` over `box` can be summed from base cells. */
export const aggregatable = (size: number, box: Box) => size % AGGREGATE_CELL === 0 && box.every(v => v % AGGREGATE_CELL === 0)

/** A row's harm: its count times its category's weight, in numeric so the sum is exact (as the raw query's). */
function harmOf (weights: ReadonlyMap<string, number>, fallback: number): RawBuilder<number> {
  const weight = weights.size === 0 ? sql`1` : sql`case category ${sql.join([...weights].map(([category, w]) => sql`when ${category} then ${String(w)}::numeric`), sql` `)} else ${String(fallback)}::numeric end`
  // Window-dated rows carry fractional shares (float8); every other row's weight is its count.
  return sql<number>`(case when time_precision = 'window' then weight::numeric else n::numeric end) * ${weight}`
}

const monthStart = (date: string) => date.slice(0, 8) + '01'

export async function countCellsFromAggregates (db: Db, f: HotspotFilters, size: number, box: Box, weights: ReadonlyMap<string, number> = new Map(), fallbackWeight = 1): Promise<CellCountRow[]> {
  const k = size / AGGREGATE_CELL
  const cells = sql`cell_x >= ${box[0] / AGGREGATE_CELL} and cell_x < ${box[2] / AGGREGATE_CELL} and cell_y >= ${box[1] / AGGREGATE_CELL} and cell_y < ${box[3] / AGGREGATE_CELL}`
  // Window-dated records are added apart, by their shares (addWindowCells), as the raw query adds them.
  const categories = sql`and time_precision <> 'window' ${f.categories.length ? sql`and category in (${sql.join(f.categories)})` : sql``}
    ${f.sources.length ? sql`and source in (${sql.join(f.sources)})` : sql``}`
  const columns = sql`cell_x / ${k}::int as ix, cell_y / ${k}::int as iy, time_precision, n, weight, category`
  const parts: RawBuilder<unknown>[] = []
  // Month-precise records overlapping the window but not inside it: left out, and counted as such.
  const whole = wholeMonthsWithin(f.from, f.to)
  const night = isNightFilter(f)
  const fullFrom = night ? null : whole.first
  const fullTo = night ? null : addMonths(whole.last, 1) // exclusive
  const full = fullFrom !== null && fullFrom < fullTo! ? { from: fullFrom, to: fullTo! } : null
  const outsideFull = full ? sql`and not (month >= ${full.from}::date and month < ${full.to}::date)` : sql``
  parts.push(sql`select ${columns}, 2 as cls from incident_cell_months
    where time_precision = 'month' and month >= ${monthStart(f.from)}::date and month <= ${f.to}::date ${outsideFull} and ${cells} ${categories}`)
  if (full) {
    parts.push(sql`select ${columns}, 1 as cls from incident_cell_months
      where month >= ${full.from}::date and month < ${full.to}::date and ${cells} ${categories}`)
  }
  parts.push(sql`select ${columns}, ${hourClassification(f)} as cls from incident_cell_hours
    where day >= ${f.from}::date and day <= ${night ? addDays(f.to, 1) : f.to}::date
      ${full ? sql`and not (day >= ${full.from}::date and day < ${full.to}::date)` : sql``} and ${cells} ${categories}`)
  const count = sql`coalesce(sum(weight) filter (where cls = 1), 0)::float8`
  // Counting, every record weighs 1 and the harm is the count (as in the raw query): no numeric
  // arithmetic per row, which took a fifth of the query.
  const harm = f.weight === 'harm' ? sql`coalesce(sum(${harmOf(weights, fallbackWeight)}) filter (where cls = 1), 0)::float8` : count
  // n <> 0: a bucket whose records were all deleted or moved away stays behind, empty.
  const { rows } = await sql<Omit<CellCountRow, 'windows'>>`
    select ix, iy,
      ${count} as count,
      ${harm} as harm,
      coalesce(sum(n) filter (where cls = 2 and time_precision = 'month'), 0)::int as excluded_month,
      coalesce(sum(n) filter (where cls = 2 and time_precision = 'day'), 0)::int as excluded_day
    from (${sql.join(parts, sql` union all `)}) classified
    where cls > 0 and n <> 0
    group by ix, iy`.execute(db)
  return addWindowCells(db, f, size, box, weightOf(f, weights, fallbackWeight), rows)
}

/**
 * The classification of hour rows (as hotspots.repository.ts classifies incidents): exact and
 * window-dated times by the window date (the night of, with a day or hour filter), the night's
 * day of the week and the clock hour; date-only records by their date, left out by an hour filter.
 */
function hourClassification (f: HotspotFilters): RawBuilder<number> {
  const nightOf = sql`(case when hour < 6 then day - 1 else day end)`
  const windowDate = isNightFilter(f) ? nightOf : sql`day`
  const daysOf = (date: RawBuilder<unknown>) => f.days.length ? sql`extract(isodow from ${date})::int in (${sql.join(f.days)})` : sql`true`
  const hours = !f.hours ? sql`true`
    : f.hours.start < f.hours.end ? sql`(hour >= ${f.hours.start} and hour < ${f.hours.end})`
      : sql`(hour >= ${f.hours.start} or hour < ${f.hours.end})`
  const from = sql`${f.from}::date`
  const to = sql`${f.to}::date`
  return sql<number>`case
    when time_precision = 'day' then case when day between ${from} and ${to} then ${f.hours ? sql`2` : sql`case when ${daysOf(sql`day`)} then 1 else 0 end`} else 0 end
    else case when ${windowDate} between ${from} and ${to} and ${daysOf(nightOf)} and ${hours} then 1 else 0 end
  end`
}

export type CountSource = 'auto' | 'raw' | 'aggregates'

/**
 * Cell counts from the aggregates when they can answer (a multiple of the base cell, the zone
 * they were built in), from the raw incidents otherwise; `source` forces one (tests, the bench).
 */
export async function countCells (db: Db, f: HotspotFilters, size: number, box: Box, weights: ReadonlyMap<string, number> = new Map(), source: CountSource = 'auto'): Promise<CellCountRow[]> {
  if (source === 'raw') return countIncidentsByCell(db, f, size, box, weights)
  if (source === 'aggregates' || (aggregatable(size, box) && await aggregateZone(db) === f.tz)) return countCellsFromAggregates(db, f, size, box, weights)
  return countIncidentsByCell(db, f, size, box, weights)
}
