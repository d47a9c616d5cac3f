// One attribution rule: flags count incidents by their stored attribution, so the flag settings'
// own radii go (the incidents domain's radius_m and police_uk_radius_m are the only ones), and
// only current premises attract incidents. Existing incidents are attributed again under that
// rule here (the same statement as the app's, written out: migrations import no app code).
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`alter table flag_settings drop column radius_m, drop column month_radius_m`.execute(db)
  await sql`
    update incidents u set attribution = c.attribution, premises_id = c.premises_id, candidate_premises_ids = c.candidates
    from (
      select i.id,
        case count(near.id) when 0 then 'none' when 1 then 'proximate' else 'ambiguous' end as attribution,
        case when count(near.id) = 1 then min(near.id) end as premises_id,
        case when count(near.id) > 1 then array_agg(near.id order by near.distance_m, near.id) end as candidates
      from incidents i
      cross join (select coalesce(max(radius_m), 20)::float8 as r, coalesce(max(police_uk_radius_m), 50)::float8 as r_uk from incident_settings) s
      left join lateral (
        select p.id, sqrt((i.easting - p.easting) ^ 2 + (i.northing - p.northing) ^ 2) as distance_m
        from premises p, (select case when i.source = 'police_uk' then s.r_uk else s.r end as radius_m) rad
        where p.status = 'current'
          and p.easting between i.easting - rad.radius_m and i.easting + rad.radius_m
          and p.northing between i.northing - rad.radius_m and i.northing + rad.radius_m
          and (i.easting - p.easting) ^ 2 + (i.northing - p.northing) ^ 2 <= rad.radius_m ^ 2
      ) near on true
      where i.attribution <> 'linked'
      group by i.id
    ) c
    where u.id = c.id and (u.attribution, u.premises_id, u.candidate_premises_ids) is distinct from (c.attribution, c.premises_id, c.candidates)`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`alter table flag_settings
    add column radius_m integer not null default 20 check (radius_m between 10 and 50),
    add column month_radius_m integer not null default 50 check (month_radius_m between 10 and 100)`.execute(db)
}
