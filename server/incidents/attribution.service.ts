// Attribution of incidents to premises (analytics.md §2): linked (recorded against a premises),
// proximate (exactly one mapped premises within the radius, in BNG metres), ambiguous (two or
// more: the candidates are kept in incident_premises so each venue page can show them), none.
// Done in SQL: a bbox pre-filter on indexed easting/northing, then the exact distance.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/types.ts'

export interface AttributionSettings { radiusM: number; policeUkRadiusM: number }

export async function getAttributionSettings (db: Db): Promise<AttributionSettings> {
  const row = await db.selectFrom('incidentSettings').select(['radiusM', 'policeUkRadiusM']).executeTakeFirst()
  return { radiusM: row?.radiusM ?? 20, policeUkRadiusM: row?.policeUkRadiusM ?? 50 }
}

/** Recompute attribution for incidents matching `where` (a condition on alias i); linked ones are left alone. */
async function attributeWhere (db: Db, where: RawBuilder<unknown>): Promise<void> {
  const { radiusM, policeUkRadiusM } = await getAttributionSettings(db)
  const radius = sql`(case when i.source = 'police_uk' then ${policeUkRadiusM}::float8 else ${radiusM}::float8 end)`
  await sql`delete from incident_premises ip using incidents i where ip.incident_id = i.id and ${where}`.execute(db)
  await sql`
    insert into incident_premises (incident_id, premises_id, distance_m)
    select i.id, p.id, sqrt((i.easting - p.easting) ^ 2 + (i.northing - p.northing) ^ 2)
    from incidents i
    join premises p on p.easting between i.easting - ${radius} and i.easting + ${radius}
                   and p.northing between i.northing - ${radius} and i.northing + ${radius}
    where ${where} and i.attribution <> 'linked' and i.easting is not null
      and (i.easting - p.easting) ^ 2 + (i.northing - p.northing) ^ 2 <= ${radius} ^ 2`.execute(db)
  await sql`
    update incidents u set attribution = c.attribution, premises_id = c.premises_id
    from (
      select i.id,
        case count(ip.premises_id) when 0 then 'none' when 1 then 'proximate' else 'ambiguous' end as attribution,
        case when count(ip.premises_id) = 1 then min(ip.premises_id) end as premises_id
      from incidents i left join incident_premises ip on ip.incident_id = i.id
      where ${where} and i.attribution <> 'linked'
      group by i.id
    ) c
    where u.id = c.id and (u.attribution is distinct from c.attribution or u.premises_id is distinct from c.premises_id)`.execute(db)
}

/** Attribute these incidents (after import or recording). */
export async function attributeIncidents (db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  await attributeWhere(db, sql`i.id = any(${sql.val(ids)}::int[])`)
}

/** Attribute every incident (after the demo import, or when the radii change). */
export async function attributeAll (db: Db): Promise<void> {
  await attributeWhere(db, sql`true`)
}

/** Recompute attribution of incidents near these premises (after a premises is created or moved). */
export async function reattributeNearPremises (db: Db, premisesIds: number[]): Promise<void> {
  if (premisesIds.length === 0) return
  const { radiusM, policeUkRadiusM } = await getAttributionSettings(db)
  const r = Math.max(radiusM, policeUkRadiusM)
  const ids = sql`${sql.val(premisesIds)}::int[]`
  const rows = await sql<{ id: number }>`
    select i.id from incidents i join premises p on p.id = any(${ids}) and p.easting is not null
      and i.easting between p.easting - ${r}::float8 and p.easting + ${r}::float8
      and i.northing between p.northing - ${r}::float8 and p.northing + ${r}::float8
    where i.attribution <> 'linked'
    union select incident_id from incident_premises where premises_id = any(${ids})
    union select id from incidents where premises_id = any(${ids}) and attribution = 'proximate'`.execute(db)
  await attributeIncidents(db, rows.rows.map(r => r.id))
}
