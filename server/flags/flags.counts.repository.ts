// The counting SQL behind flags, traffic lights, charts and the concentration panel: one grouped,
// set-based query per precision that attributes each incident (analytics.md §2) and counts it
// per crime group, window and venue. Exported bare so the benchmark can time it on its own.
//   linked    recorded against the premises (premises_id set, not a computed proximity link);
//   proximate within r metres (BNG, Euclidean) of exactly one mapped current premises;
//   ambiguous within r of two or more: counted in area totals, for no venue.
// Venues are expanded to the 3×3 grid cells of size r around them and joined to incidents by
// cell (a hash join), then filtered by bounding box and exact distance.
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
  radius: number
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
  const r = query.radius
  const months = query.precision === 'months'
  const bound = (date: string) => months ? sql`${date}::date` : sql`(${date}::date::timestamp at time zone ${query.tz})`
  const time = months ? sql.ref('i.month') : sql.ref('i.occurred_at')
  const minFrom = query.windows.map(w => w.from).sort()[0]!
  const maxTo = query.windows.map(w => w.to).sort().at(-1)!
  const categories = [...new Set(pairs.map(p => p.category))]
  const venueFilter = query.premisesIds ? sql`and p.id in (${sql.join(query.premisesIds.length ? query.premisesIds : [-1])})` : sql``

  const result = await sql<CountRow>`
    with g (category, grp) as (values ${sql.join(pairs.map(p => sql`(${p.category}::text, ${p.group}::text)`))}),
    w (key, t0, t1) as (values ${sql.join(query.windows.map(w => sql`(${w.key}::text, ${bound(w.from)}, ${bound(w.to)})`))}),
    v as (
      select p.id, p.easting, p.northing, floor(p.easting / ${r})::int as cx, floor(p.northing / ${r})::int as cy
      from premises p where p.status = 'current' and p.easting is not null
    ),
    vc as (
      select v.id, v.easting, v.northing, v.cx + dx as gx, v.cy + dy as gy
      from v cross join (values (-1), (0), (1)) as a (dx) cross join (values (-1), (0), (1)) as b (dy)
    ),
    inc as (
      select i.id, i.category, ${time} as t, i.easting, i.northing,
        case when i.premises_id is not null and i.attribution not in ('proximate', 'ambiguous') then i.premises_id end as linked_id
      from incidents i
      where i.category in (${sql.join(categories)})
        and ${months ? sql`i.time_precision = 'month'` : sql`i.time_precision <> 'month'`}
        and ${time} >= ${bound(minFrom)} and ${time} < ${bound(maxTo)}
    ),
    near as (
      select inc.id, inc.category, inc.t, inc.linked_id, count(vc.id)::int as n, min(vc.id) as pid
      from inc left join vc on inc.linked_id is null
        and vc.gx = floor(inc.easting / ${r})::int and vc.gy = floor(inc.northing / ${r})::int
        and vc.easting between inc.easting - ${r} and inc.easting + ${r}
        and vc.northing between inc.northing - ${r} and inc.northing + ${r}
        and (vc.easting - inc.easting) * (vc.easting - inc.easting) + (vc.northing - inc.northing) * (vc.northing - inc.northing) <= ${r * r}
      group by inc.id, inc.category, inc.t, inc.linked_id
    ),
    att as (
      select near.category, near.t,
        coalesce(near.linked_id, case when near.n = 1 then near.pid end) as premises_id,
        case when near.linked_id is not null then 'linked' when near.n = 1 then 'proximate' when near.n > 1 then 'ambiguous' else 'none' end as kind
      from near
    )
    select g.grp as "group", w.key as "window", p.id as "premisesId", att.kind, count(*)::int as n
    from att
    join g on g.category = att.category
    join w on att.t >= w.t0 and att.t < w.t1
    left join premises p on p.id = att.premises_id ${venueFilter}
    group by g.grp, w.key, p.id, att.kind
  `.execute(db)
  return result.rows.map(row => ({ ...row, premisesId: row.premisesId === null ? null : Number(row.premisesId), n: Number(row.n) }))
}

/** The latest complete month (before asOf's month) holding month-precise records, or undefined. */
export async function latestCompleteMonth (db: Db, asOf: string): Promise<string | undefined> {
  const row = await db.selectFrom('incidents').select(eb => eb.fn.max('month').as('month'))
    .where('timePrecision', '=', 'month').where('month', '<', asOf.slice(0, 7) + '-01').executeTakeFirst()
  return row?.month ? String(row.month).slice(0, 10) : undefined
}
