// Aggregates of incidents that the hotspot views and the flag run read instead of rescanning
// every incident (docs/analytics.md, "Aggregates"). Kept current by statement-level triggers on
// incidents, in the transaction of every insert, update or delete, whichever code writes: each
// statement's changed rows (its transition tables) are grouped into signed deltas and added in
// one upsert per table.
//   incident_cell_hours   per 25 m BNG cell, local date, local clock hour, category, source and
//                         time precision (minute, day, window): records n and weight (the sum of
//                         their aoristic shares; 1 for an exact time)
//   incident_cell_months  the same per local calendar month, with month-precise (police.uk) records
//   incident_venue_days   per local date (or month, basis 'months'), category, attribution and the
//                         venue a linked or proximate record counts for (0: none): what flags count
// Local dates and hours are in the zone of incident_aggregate_settings (TZ_LOCAL, set by the app
// at start-up, which rebuilds the aggregates when it changes). A window-dated record (time
// precision 'window', from occurred_at to occurred_to) is cut into (local date, hour) slices as
// shared/aoristic.ts cuts it, and dated by its midpoint for flags.
import { sql, type Kysely } from 'kysely'

/** Side of the base cell in metres: every cell size that is a multiple of it is read from the aggregates. */
const CELL = 25

// occurred_to arrives with window-dated records; read through jsonb so this works before and after.
const windowEnd = (d: string) => `(to_jsonb(${d}) ->> 'occurred_to')::timestamptz`

/** The cell rows of the incident rows in `src` (columns of incidents plus a sign s). */
function cellHourRows (src: string): string {
  return `
    select floor(d.easting / ${CELL})::int as cell_x, floor(d.northing / ${CELL})::int as cell_y,
      (d.occurred_at at time zone zone)::date as day, extract(hour from d.occurred_at at time zone zone)::smallint as hour,
      d.category, d.source, d.time_precision, d.s as n, d.s::float8 as weight
    from ${src} d where d.easting is not null and d.time_precision in ('minute', 'day')
    union all
    select floor(d.easting / ${CELL})::int, floor(d.northing / ${CELL})::int, sl.day, sl.hour,
      d.category, d.source, d.time_precision, d.s, d.s * sl.share
    from ${src} d cross join lateral incident_hour_slices(d.occurred_at, ${windowEnd('d')}, zone) sl
    where d.easting is not null and d.time_precision = 'window'`
}

function monthRows (src: string, hours: string): string {
  return `
    select cell_x, cell_y, date_trunc('month', day)::date as month, category, source, time_precision, n, weight from ${hours} h
    union all
    select floor(d.easting / ${CELL})::int, floor(d.northing / ${CELL})::int, d.month, d.category, d.source, d.time_precision, d.s, d.s::float8
    from ${src} d where d.easting is not null and d.time_precision = 'month'`
}

function venueRows (src: string): string {
  const midpoint = `(d.occurred_at + floor(extract(epoch from ${windowEnd('d')} - d.occurred_at) * 500) * interval '1 millisecond')`
  return `
    select case when d.time_precision = 'month' then d.month
        when d.time_precision = 'window' then (${midpoint} at time zone zone)::date
        else (d.occurred_at at time zone zone)::date end as day,
      case when d.time_precision = 'month' then 'months' else 'days' end as basis,
      d.category, d.attribution,
      case when d.attribution in ('linked', 'proximate') then coalesce(d.premises_id, 0) else 0 end as premises_id,
      d.s as n
    from ${src} d`
}

const HOUR_KEY = 'day, cell_x, cell_y, hour, category, source, time_precision'
const MONTH_KEY = 'month, cell_x, cell_y, category, source, time_precision'
const VENUE_KEY = 'basis, day, category, attribution, premises_id'

/** Adds the deltas of the rows in `src` to the three tables in one statement (rows in key order, so concurrent writers lock alike). */
function applyDeltas (src: string): string {
  const upsert = (table: string, key: string, from: string, weight = true) => `
    insert into ${table} as a (${key}, n${weight ? ', weight' : ''})
    select ${key}, sum(n)${weight ? ', sum(weight)' : ''} from ${from} x group by ${key}
    having sum(n) <> 0${weight ? ' or sum(weight) <> 0' : ''} order by ${key}
    on conflict (${key}) do update set n = a.n + excluded.n${weight ? ', weight = case when a.n + excluded.n = 0 then 0 else a.weight + excluded.weight end' : ''}`
  return `
    with hours as materialized (${cellHourRows(src)}),
    cell_hours as (${upsert('incident_cell_hours', HOUR_KEY, 'hours')} returning 1),
    cell_months as (${upsert('incident_cell_months', MONTH_KEY, `(${monthRows(src, 'hours')})`)} returning 1)
    ${upsert('incident_venue_days', VENUE_KEY, `(${venueRows(src)})`, false)}`
}

function rebuild (): string {
  const src = '(select i.*, 1 as s from incidents i)'
  const fill = (table: string, key: string, from: string, weight = true) =>
    `insert into ${table} (${key}, n${weight ? ', weight' : ''}) select ${key}, sum(n)${weight ? ', sum(weight)' : ''} from ${from} x group by ${key}`
  return `
    truncate incident_cell_hours, incident_cell_months, incident_venue_days;
    with hours as materialized (${cellHourRows(src)}),
    cell_hours as (${fill('incident_cell_hours', HOUR_KEY, 'hours')} returning 1),
    cell_months as (${fill('incident_cell_months', MONTH_KEY, `(${monthRows(src, 'hours')})`)} returning 1)
    ${fill('incident_venue_days', VENUE_KEY, `(${venueRows(src)})`, false)};
    analyze incident_cell_hours; analyze incident_cell_months; analyze incident_venue_days;`
}

export async function up (db: Kysely<any>): Promise<void> {
  await sql`create table incident_aggregate_settings (
    id boolean primary key default true check (id),
    tz text not null default 'Europe/London',
    rebuilt_at timestamptz not null default now())`.execute(db)
  await sql`insert into incident_aggregate_settings default values`.execute(db)

  await sql`create table incident_cell_hours (
    day date not null, cell_x integer not null, cell_y integer not null, hour smallint not null,
    category text not null, source text not null, time_precision text not null,
    n integer not null, weight double precision not null,
    primary key (day, cell_x, cell_y, hour, category, source, time_precision))`.execute(db)
  await sql`create table incident_cell_months (
    month date not null, cell_x integer not null, cell_y integer not null,
    category text not null, source text not null, time_precision text not null,
    n integer not null, weight double precision not null,
    primary key (month, cell_x, cell_y, category, source, time_precision))`.execute(db)
  await sql`create table incident_venue_days (
    basis text not null check (basis in ('days', 'months')), day date not null,
    category text not null, attribution text not null, premises_id integer not null,
    n integer not null,
    primary key (basis, day, category, attribution, premises_id))`.execute(db)

  // The (local date, hour) slices of [t0, t1) with their share of its minutes, cut at UTC
  // quarter hours (every zone's offset is whole quarter hours and changes on one), as
  // shared/aoristic.ts does: the repeated autumn hour is one slice, the skipped spring hour none.
  await sql`create function incident_hour_slices (t0 timestamptz, t1 timestamptz, zone text)
    returns table (day date, hour smallint, share double precision) language sql stable as $$
      select (q at time zone zone)::date, extract(hour from q at time zone zone)::smallint,
        sum(extract(epoch from least(q + interval '15 minutes', t1) - greatest(q, t0)))::float8 / extract(epoch from t1 - t0)::float8
      from generate_series(date_bin('15 minutes', t0, timestamptz '2000-01-01 00:00:00+00'), t1 - interval '1 microsecond', interval '15 minutes') q
      where t1 > t0
      group by 1, 2
    $$`.execute(db)

  const zone = 'zone text := (select tz from incident_aggregate_settings);'
  const inserted = '(select i.*, 1 as s from new_rows i)'
  const deleted = '(select i.*, -1 as s from old_rows i)'
  const updated = `(select i.*, 1 as s from new_rows i union all select i.*, -1 as s from old_rows i)`
  for (const [name, src] of [['insert', inserted], ['update', updated], ['delete', deleted]] as const) {
    await sql.raw(`create function incident_aggregates_${name} () returns trigger language plpgsql as $fn$
      declare ${zone}
      begin
        ${applyDeltas(src)};
        return null;
      end $fn$`).execute(db)
  }
  await sql`create trigger incident_aggregates_insert after insert on incidents referencing new table as new_rows
    for each statement execute function incident_aggregates_insert()`.execute(db)
  await sql`create trigger incident_aggregates_update after update on incidents referencing old table as old_rows new table as new_rows
    for each statement execute function incident_aggregates_update()`.execute(db)
  await sql`create trigger incident_aggregates_delete after delete on incidents referencing old table as old_rows
    for each statement execute function incident_aggregates_delete()`.execute(db)

  // Recomputes every aggregate from incidents (the zone changed, or a repair); one transaction.
  await sql.raw(`create function incident_aggregates_rebuild () returns void language plpgsql as $fn$
    declare ${zone}
    begin
      ${rebuild()}
      update incident_aggregate_settings set rebuilt_at = now();
    end $fn$`).execute(db)
  await sql`select incident_aggregates_rebuild()`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  for (const name of ['insert', 'update', 'delete']) await sql.raw(`drop trigger incident_aggregates_${name} on incidents`).execute(db)
  for (const name of ['insert', 'update', 'delete', 'rebuild']) await sql.raw(`drop function incident_aggregates_${name} ()`).execute(db)
  await sql`drop function incident_hour_slices (timestamptz, timestamptz, text)`.execute(db)
  await sql`drop table incident_venue_days, incident_cell_months, incident_cell_hours, incident_aggregate_settings`.execute(db)
}
