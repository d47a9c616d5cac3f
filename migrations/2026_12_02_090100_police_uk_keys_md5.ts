// The police.uk content hash moves from SHA-1 (computed in JavaScript) to MD5 (computed in SQL by
// the COPY-based import; PostgreSQL has no built-in SHA-1). Keys that use the hash (rows without a
// Crime ID, and the order of repeated Crime IDs) are recomputed here, so that re-importing a
// month stored by an earlier version still matches every row instead of adding it again.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`create temp table police_uk_rekey on commit drop as
    with hashed as (
      select id, month, split_part(external_id, '#', 1) as base,
        left(md5(concat_ws('|', coalesce(round(lng::numeric, 6)::text, ''), coalesce(round(lat::numeric, 6)::text, ''),
          lower(coalesce(location_text, '')), coalesce(lsoa_code, ''), category)), 24) as content_hash
      from incidents
      where source = 'police_uk' and external_id is not null and external_id not like 'api:%'
    ), numbered as (
      select id, case when base like 'noid:%' then 'noid:' || content_hash else base end as base,
        row_number() over (partition by month, case when base like 'noid:%' then 'noid:' || content_hash else base end order by content_hash, id) as n
      from hashed
    )
    select n.id, case when n.n = 1 then n.base else n.base || '#' || n.n end as external_id
    from numbered n join incidents i on i.id = n.id
    where i.external_id <> case when n.n = 1 then n.base else n.base || '#' || n.n end`.execute(db)
  // Two steps, so that no key is briefly held by two rows.
  await sql`update incidents i set external_id = 'rekey:' || i.id from police_uk_rekey r where i.id = r.id`.execute(db)
  await sql`update incidents i set external_id = r.external_id from police_uk_rekey r where i.id = r.id`.execute(db)
}

export async function down (): Promise<void> {
  // The SHA-1 keys cannot be recomputed in SQL; re-importing with the older version re-keys them.
}
