// Attribution of incidents to premises (analytics.md §2): linked (recorded against a premises),
// proximate (exactly one mapped premises within the radius, in BNG metres), ambiguous (two or
// more: the candidates are kept with the incident, nearest first, so each venue page can show
// them), none.
// The police.uk import attributes the same way per snap point (police-uk.import.ts).
// Done in SQL: a bbox pre-filter on indexed easting/northing, then the exact distance.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/types.ts'

export interface AttributionSettings { radiusM: number; policeUkRadiusM: number }

export async function getAttributionSettings (db: Db): Promise<AttributionSettings> {
  const row = await db.selectFrom('incidentSettings').select(['radiusM', 'policeUkRadiusM']).executeTakeFirst()
  return { radiusM: row?.radiusM ?? 20, policeUkRadiusM: row?.policeUkRadiusM ?? 50 }
}

/**
 * Mapped premises within each point's radius: `points` is a relation with easting, northing and
 * radius_m; the answer has easting, northing, premises_id, distance_m. A bbox on the indexed
 * premises easting/northing first, then the exact distance.
 */
export function premisesNear (points: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select pt.easting, pt.northing, p.id as premises_id, sqrt((pt.easting - p.easting) ^ 2 + (pt.northing - p.northing) ^ 2) as distance_m
    from ${points} pt
    join premises p on p.easting between pt.easting - pt.radius_m and pt.easting + pt.radius_m
                   and p.northing between pt.northing - pt.radius_m and pt.northing + pt.radius_m
    where (pt.easting - p.easting) ^ 2 + (pt.northing - p.northing) ^ 2 <= pt.radius_m ^ 2`
}

/** The attribution of an incident (not linked) with this many candidate premises. */
export function attributionOf (candidates: RawBuilder<unknown>): RawBuilder<'none' | 'proximate' | 'ambiguous'> {
  return sql`(case ${candidates} when 0 then 'none' when 1 then 'proximate' else 'ambiguous' end)`
}

/** Recompute attribution for incidents matching `where` (a condition on alias i); linked ones are left alone. */
async function attributeWhere (db: Db, where: RawBuilder<unknown>): Promise<void> {
  const { radiusM, policeUkRadiusM } = await getAttributionSettings(db)
  const radius = sql`(case when i.source = 'police_uk' then ${policeUkRadiusM}::float8 else ${radiusM}::float8 end)`
  await sql`
    update incidents u set attribution = c.attribution, premises_id = c.premises_id, candidate_premises_ids = c.candidates
    from (
      select i.id, ${attributionOf(sql`count(near.premises_id)`)} as attribution,
        case when count(near.premises_id) = 1 then min(near.premises_id) end as premises_id,
        case when count(near.premises_id) > 1 then array_agg(near.premises_id order by near.distance_m, near.premises_id) end as candidates
      from incidents i
      left join lateral (${premisesNear(sql`(select i.easting, i.northing, ${radius} as radius_m)`)}) near on true
      where ${where} and i.attribution <> 'linked'
      group by i.id
    ) c
    where u.id = c.id and (u.attribution, u.premises_id, u.candidate_premises_ids) is distinct from (c.attribution, c.premises_id, c.candidates)`.execute(db)
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
    union select id from incidents where candidate_premises_ids && ${ids}
    union select id from incidents where premises_id = any(${ids}) and attribution = 'proximate'`.execute(db)
  await attributeIncidents(db, rows.rows.map(r => r.id))
}
