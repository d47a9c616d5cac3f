// Incidents counted by month, for the partnership's indicators (docs/indicators.md): records of
// some categories, from some sources, with some attributions, optionally only those on chosen
// nights between chosen hours. One grouped query over the incidents.
//   - Without a night filter a record counts in its local calendar month; a police.uk record
//     dated only by month in that month.
//   - With a night filter only records with a time count (month-dated ones have none), in the
//     month of their night (the local date, less a day before 06:00: 01:30 on 1 March is a
//     February night), when that night is one of the chosen days and the local hour is inside
//     the chosen hours.
//   - A record known only within a window of time is dated by the middle of its window, as flags
//     date it.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'
import type { Attribution, IncidentSource } from './incidents.tables.ts'

export interface MonthlyCountQuery {
  /** Only these categories; every category when left out. */
  categories?: string[]
  /** Only these sources; all when left out. */
  sources?: IncidentSource[]
  /** Only these attributions; all when left out. */
  attributions?: Attribution[]
  /** ISO days of the week of the night (5 = Friday, 6 = Saturday) and local clock hours [start, end), wrapping midnight. */
  nights?: { days: number[]; hours: { start: number; end: number } }
  /** First month counted and the month after the last, as YYYY-MM-01. */
  from: string
  to: string
  tz: string
}

/** The incidents the query keeps, each with its month (and any further columns). */
function monthlyRows (query: MonthlyCountQuery, columns = sql``) {
  const midpoint = sql`(i.occurred_at + floor(extract(epoch from i.occurred_to - i.occurred_at) * 500) * interval '1 millisecond')`
  const local = sql`((case when i.time_precision = 'window' then ${midpoint} else i.occurred_at end) at time zone ${query.tz})`
  const night = sql`(${local} - interval '6 hours')::date`
  const hour = sql`extract(hour from ${local})`
  let month
  let timing
  if (query.nights) {
    const { days, hours } = query.nights
    const inHours = hours.start < hours.end
      ? sql`(${hour} >= ${hours.start} and ${hour} < ${hours.end})`
      : sql`(${hour} >= ${hours.start} or ${hour} < ${hours.end})`
    month = sql`to_char(${night}, 'YYYY-MM')`
    timing = sql`i.time_precision <> 'month' and extract(isodow from ${night}) in (${sql.join(days.length ? days : [-1])}) and ${inHours}`
  } else {
    month = sql`case when i.time_precision = 'month' then to_char(i.month, 'YYYY-MM') else to_char(${local}, 'YYYY-MM') end`
    timing = sql`true`
  }
  return sql`
    select * from (
      select ${month} as month ${columns} from incidents i
      where true
        ${query.categories ? sql`and i.category in (${sql.join(query.categories)})` : sql``}
        ${query.sources?.length ? sql`and i.source in (${sql.join(query.sources)})` : sql``}
        ${query.attributions?.length ? sql`and i.attribution in (${sql.join(query.attributions)})` : sql``}
        and ${timing}
        -- A coarse bound the index can use: a window starts at most 367 days before its middle.
        and i.occurred_at >= ${query.from}::date - interval '400 days' and i.occurred_at < ${query.to}::date + interval '2 days'
    ) m
    where m.month >= ${query.from.slice(0, 7)} and m.month < ${query.to.slice(0, 7)}`
}

/** Records per month, 'YYYY-MM' → count; months without records are left out. */
export async function countIncidentsByMonth (db: Db, query: MonthlyCountQuery): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (query.categories && !query.categories.length) return counts
  const { rows } = await sql<{ month: string; n: number }>`
    select k.month, count(*)::int as n from (${monthlyRows(query)}) k group by k.month`.execute(db)
  for (const row of rows) counts.set(row.month, Number(row.n))
  return counts
}

/**
 * Places with at least `atLeast` of the query's records in the month, 'YYYY-MM' → how many; a
 * place is a square of `cellMetres` of the British National Grid. Records without a location
 * are not counted.
 */
export async function countRepeatPlacesByMonth (db: Db, query: MonthlyCountQuery & { cellMetres: number; atLeast: number }): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (query.categories && !query.categories.length) return counts
  const cell = sql`, floor(i.easting / ${query.cellMetres})::bigint as cx, floor(i.northing / ${query.cellMetres})::bigint as cy`
  const { rows } = await sql<{ month: string; n: number }>`
    select p.month, count(*)::int as n from (
      select k.month from (${monthlyRows(query, cell)}) k
      where k.cx is not null and k.cy is not null
      group by k.month, k.cx, k.cy having count(*) >= ${query.atLeast}
    ) p group by p.month`.execute(db)
  for (const row of rows) counts.set(row.month, Number(row.n))
  return counts
}
