// Counts of incidents by their stored attribution (attribution.service.ts), per crime group,
// window and venue: what flags, traffic lights, the flag chart and the concentration panel
// count, so a venue's incidents are the same on its incidents page and in its flags. One
// grouped, set-based query per precision; exported bare so the benchmark can time it alone.
//   linked    recorded against the premises;
//   proximate within the radius of exactly one current premises;
//   ambiguous within the radius of two or more: counted in area totals, for no venue;
//   none      near no current premises: counted in area totals only.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'

export type Precision = 'days' | 'months'

export interface CountWindow {
  key: string
  /** Inclusive local date (days) or first day of a month (months). */
  from: string
  /** Exclusive local date / month start. */
  to: string
}

export interface CountQuery {
  precision: Precision
  windows: CountWindow[]
  groups: Record<string, string[]>
  /** Local time zone for day windows (TZ_LOCAL). */
  tz: string
  /** Restrict the venues counted (charts, one venue's page); totals stay area-wide. */
  premisesIds?: number[]
}

export interface CountRow {
  group: string
  window: string
  premisesId: number | null
  kind: 'linked' | 'proximate' | 'ambiguous' | 'none'
  n: number
}

export async function countAttributedIncidents (db: Db, query: CountQuery): Promise<CountRow[]> {
  const pairs = Object.entries(query.groups).flatMap(([group, categories]) => categories.map(category => ({ group, category })))
  if (!pairs.length || !query.windows.length) return []
  const months = query.precision === 'months'
  const bound = (date: string) => months ? sql`${date}::date` : sql`(${date}::date::timestamp at time zone ${query.tz})`
  const time = months ? sql.ref('i.month') : sql.ref('i.occurred_at')
  const minFrom = query.windows.map(w => w.from).sort()[0]!
  const maxTo = query.windows.map(w => w.to).sort().at(-1)!
  const categories = [...new Set(pairs.map(p => p.category))]
  const own = sql`i.attribution in ('linked', 'proximate')`
  const venue = query.premisesIds
    ? sql`case when ${own} and i.premises_id in (${sql.join(query.premisesIds.length ? query.premisesIds : [-1])}) then i.premises_id end`
    : sql`case when ${own} then i.premises_id end`

  const result = await sql<CountRow>`
    with g (category, grp) as (values ${sql.join(pairs.map(p => sql`(${p.category}::text, ${p.group}::text)`))}),
    w (key, t0, t1) as (values ${sql.join(query.windows.map(w => sql`(${w.key}::text, ${bound(w.from)}, ${bound(w.to)})`))})
    select g.grp as "group", w.key as "window", ${venue} as "premisesId", i.attribution as kind, count(*)::int as n
    from incidents i
    join g on g.category = i.category
    join w on ${time} >= w.t0 and ${time} < w.t1
    where i.category in (${sql.join(categories)})
      and ${months ? sql`i.time_precision = 'month'` : sql`i.time_precision <> 'month'`}
      and ${time} >= ${bound(minFrom)} and ${time} < ${bound(maxTo)}
    group by 1, 2, 3, 4
  `.execute(db)
  return result.rows.map(row => ({ ...row, premisesId: row.premisesId === null ? null : Number(row.premisesId), n: Number(row.n) }))
}

/** The latest complete month (before asOf's month) holding month-precise records, or undefined. */
export async function latestCompleteMonth (db: Db, asOf: string): Promise<string | undefined> {
  const row = await db.selectFrom('incidents').select(eb => eb.fn.max('month').as('month'))
    .where('timePrecision', '=', 'month').where('month', '<', asOf.slice(0, 7) + '-01').executeTakeFirst()
  return row?.month ? String(row.month).slice(0, 10) : undefined
}
