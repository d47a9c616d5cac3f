// The SQL of attribution (docs/analytics.md, "Rising theft or violence"): the radius settings, the premises near a point, and
// the statement that recomputes the stored attribution of incidents. Only current premises with
// a location attract incidents (a closed or revoked venue is not a place an incident is "at");
// an incident recorded against a premises stays linked whatever the premises' status.
// A bbox on the indexed easting/northing first, then the exact distance.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/types.ts'

export interface AttributionSettings { radiusM: number; policeUkRadiusM: number }

export async function getAttributionSettings (db: Db): Promise<AttributionSettings> {
  const row = await db.selectFrom('incidentSettings').select(['radiusM', 'policeUkRadiusM']).executeTakeFirst()
  return { radiusM: row?.radiusM ?? 20, policeUkRadiusM: row?.policeUkRadiusM ?? 50 }
}

export async function saveAttributionSettings (db: Db, changes: Partial<AttributionSettings>): Promise<void> {
  await db.updateTable('incidentSettings').set(changes).execute()
}

export function listHarmWeights (db: Db) {
  return db.selectFrom('harmWeights').selectAll().orderBy('category').execute()
}

/**
 * Current premises within each point's radius: `points` is a relation with easting, northing and
 * radius_m; the answer has easting, northing, premises_id, distance_m.
 */
export function premisesNear (points: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select pt.easting, pt.northing, p.id as premises_id, sqrt((pt.easting - p.easting) ^ 2 + (pt.northing - p.northing) ^ 2) as distance_m
    from ${points} pt
    join premises p on p.easting between pt.easting - pt.radius_m and pt.easting + pt.radius_m
                   and p.northing between pt.northing - pt.radius_m and pt.northing + pt.radius_m
                   and p.status = 'current'
    where (pt.easting - p.easting) ^ 2 + (pt.northing - p.northing) ^ 2 <= pt.radius_m ^ 2`
}

/** The attribution of an incident (not linked) with this many candidate premises. */
export function attributionOf (candidates: RawBuilder<unknown>): RawBuilder<'none' | 'proximate' | 'ambiguous'> {
  return sql`(case ${candidates} when 0 then 'none' when 1 then 'proximate' else 'ambiguous' end)`
}

/** The radius of incident alias i: police.uk snap points get the wider one. */
export function radiusOf (settings: AttributionSettings): RawBuilder<number> {
  return sql<number>`(case when i.source = 'police_uk' then ${settings.policeUkRadiusM}::float8 else ${settings.radiusM}::float8 end)`
}

/** Recompute attribution for incidents matching `where` (a condition on alias i); linked ones are left alone. */
export async function attributeWhere (db: Db, where: RawBuilder<unknown>): Promise<void> {
  const radius = radiusOf(await getAttributionSettings(db))
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

/** Incidents whose attribution may change when these premises appear, move, open or close. */
export async function incidentsNearPremises (db: Db, premisesIds: number[]): Promise<number[]> {
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
  return rows.rows.map(r => r.id)
}
