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
import { addMonths } from '../../shared/dates.ts'
import { aggregateZone } from './aggregates.repository.ts'
import { INCIDENT_SOURCES, type IncidentSource } from '../../shared/schemas/incidents.ts'

/** The longest window a record may span (records/map-rows.ts refuses longer ones): bounds the index range. */
const MAX_WINDOW_DAYS = 367

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
  /** Only incidents of these sources, venues and totals alike (the flag settings'); every source when left out. */
  sources?: readonly IncidentSource[]
}

export interface CountRow {
  group: string
  window: string
  premisesId: number | null
  kind: 'linked' | 'proximate' | 'ambiguous' | 'none'
  n: number
}

/** Where counts come from: the aggregates when built in the query's zone ('auto'), or forced (tests, the bench). */
export type CountSource = 'auto' | 'raw' | 'aggregates'

/**
 * The counts, from incident_venue_days (docs/analytics.md, "Aggregates") when it was built in
 * the query's zone, else from the incidents; the same rows either way.
 */
export async function countAttributedIncidents (db: Db, query: CountQuery, source: CountSource = 'auto'): Promise<CountRow[]> {
  // The aggregates keep no source: leaving a source out counts the incidents themselves.
  if (someSourcesLeftOut(query)) return countRawIncidents(db, query)
  if (source === 'aggregates') return countFromAggregates(db, query)
  if (source === 'auto' && await aggregateZone(db) === query.tz) return countFromAggregates(db, query)
  return countRawIncidents(db, query)
}

function someSourcesLeftOut (query: CountQuery): boolean {
  return query.sources !== undefined && !INCIDENT_SOURCES.every(s => query.sources!.includes(s))
}

function pairsOf (query: CountQuery) {
  return Object.entries(query.groups).flatMap(([group, categories]) => categories.map(category => ({ group, category })))
}

/** The bare counting SQL over the incidents themselves (what the aggregates replace; the bench's baseline). */
export async function countRawIncidents (db: Db, query: CountQuery): Promise<CountRow[]> {
  const pairs = pairsOf(query)
  if (!pairs.length || !query.windows.length || query.sources?.length === 0) return []
  const months = query.precision === 'months'
  const bound = (date: string) => months ? sql`${date}::date` : sql`(${date}::date::timestamp at time zone ${query.tz})`
  // A window-dated record is dated by the middle of its window (shared/aoristic.ts windowMidpoint).
  const midpoint = sql`(i.occurred_at + floor(extract(epoch from i.occurred_to - i.occurred_at) * 500) * interval '1 millisecond')`
  const time = months ? sql.ref('i.month') : sql`(case when i.time_precision = 'window' then ${midpoint} else i.occurred_at end)`
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
      ${someSourcesLeftOut(query) ? sql`and i.source in (${sql.join([...query.sources!])})` : sql``}
      and ${months ? sql`i.time_precision = 'month'` : sql`i.time_precision <> 'month'`}
      and ${months ? sql`${time} >= ${bound(minFrom)} and ${time} < ${bound(maxTo)}`
        : sql`((i.time_precision <> 'window' and i.occurred_at >= ${bound(minFrom)} and i.occurred_at < ${bound(maxTo)})
          or (i.time_precision = 'window' and i.occurred_at >= ${bound(minFrom)} - interval '${sql.raw(String(MAX_WINDOW_DAYS))} days'
            and i.occurred_at < ${bound(maxTo)} and ${midpoint} >= ${bound(minFrom)} and ${midpoint} < ${bound(maxTo)}))`}
    group by 1, 2, 3, 4
  `.execute(db)
  return result.rows.map(row => ({ ...row, premisesId: row.premisesId === null ? null : Number(row.premisesId), n: Number(row.n) }))
}

/** The same counts from incident_venue_days: one row per local date (or month), category, attribution and venue. */
async function countFromAggregates (db: Db, query: CountQuery): Promise<CountRow[]> {
  const pairs = pairsOf(query)
  if (!pairs.length || !query.windows.length) return []
  const basis = query.precision
  const minFrom = query.windows.map(w => w.from).sort()[0]!
  const maxTo = query.windows.map(w => w.to).sort().at(-1)!
  const categories = [...new Set(pairs.map(p => p.category))]
  const own = sql`v.attribution in ('linked', 'proximate')`
  const venue = query.premisesIds
    ? sql`case when ${own} and v.premises_id in (${sql.join(query.premisesIds.length ? query.premisesIds : [-1])}) then v.premises_id end`
    : sql`case when ${own} then nullif(v.premises_id, 0) end`
  const result = await sql<CountRow>`
    with g (category, grp) as (values ${sql.join(pairs.map(p => sql`(${p.category}::text, ${p.group}::text)`))}),
    w (key, t0, t1) as (values ${sql.join(query.windows.map(w => sql`(${w.key}::text, ${w.from}::date, ${w.to}::date)`))})
    select g.grp as "group", w.key as "window", ${venue} as "premisesId", v.attribution as kind, sum(v.n)::int as n
    from incident_venue_days v
    join g on g.category = v.category
    join w on v.day >= w.t0 and v.day < w.t1
    where v.basis = ${basis} and v.day >= ${minFrom}::date and v.day < ${maxTo}::date and v.category in (${sql.join(categories)})
    group by 1, 2, 3, 4
    having sum(v.n) <> 0
  `.execute(db)
  return result.rows.map(row => ({ ...row, premisesId: row.premisesId === null ? null : Number(row.premisesId), n: Number(row.n) }))
}

/** The latest complete month (before asOf's month) holding month-precise records, or undefined. */
export async function latestCompleteMonth (db: Db, asOf: string): Promise<string | undefined> {
  const row = await db.selectFrom('incidents').select(eb => eb.fn.max('month').as('month'))
    .where('timePrecision', '=', 'month').where('month', '<', asOf.slice(0, 7) + '-01').executeTakeFirst()
  return row?.month ? String(row.month).slice(0, 10) : undefined
}

export interface AttributedIncident { id: number; category: string; occurredAt: Date; timePrecision: string; attribution: 'linked' | 'proximate'; locationText: string | null }

/**
 * The incidents that count for one venue (the rule of countAttributedIncidents) in these
 * categories: timed ones within [from, to) local dates, month-precise ones whose whole month lies
 * within it. Newest first; what the traffic light lists as its reasons.
 */
export async function attributedIncidentsOf (db: Db, query: { premisesId: number; categories: string[]; from: string; to: string; tz: string }): Promise<AttributedIncident[]> {
  if (!query.categories.length) return []
  const firstMonth = query.from.endsWith('-01') ? query.from : addMonths(query.from.slice(0, 7) + '-01', 1)
  const lastMonth = query.to.slice(0, 7) + '-01'
  const result = await sql<AttributedIncident>`
    select i.id, i.category, i.occurred_at as "occurredAt", i.time_precision as "timePrecision", i.attribution, i.location_text as "locationText"
    from incidents i
    where i.premises_id = ${query.premisesId} and i.attribution in ('linked', 'proximate')
      and i.category in (${sql.join(query.categories)})
      and case when i.time_precision = 'month'
        then i.month >= ${firstMonth}::date and i.month < ${lastMonth}::date
        else i.occurred_at >= (${query.from}::date::timestamp at time zone ${query.tz}) and i.occurred_at < (${query.to}::date::timestamp at time zone ${query.tz}) end
    order by i.occurred_at desc, i.id desc
    limit 2000`.execute(db)
  return result.rows.map(row => ({ ...row, occurredAt: new Date(row.occurredAt) }))
}

