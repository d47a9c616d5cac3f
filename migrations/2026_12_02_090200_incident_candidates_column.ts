// The candidate premises of an ambiguous incident move from the incident_premises table into a
// column of the incident (nearest first). An import attributes hundreds of rows a second; a row
// per candidate, each with two foreign-key checks, was a fifth of the time of a police.uk import.
// Premises are never deleted (they close), so the ids stay good without a foreign key.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await sql`alter table incidents add column candidate_premises_ids integer[]`.execute(db)
  await sql`
    update incidents i set candidate_premises_ids = c.ids
    from (select incident_id, array_agg(premises_id order by distance_m, premises_id) as ids from incident_premises group by incident_id having count(*) >= 2) c
    where i.id = c.incident_id and i.attribution = 'ambiguous'`.execute(db)
  // An ambiguous incident without two candidates could only come from a bug: make it none.
  await sql`update incidents set attribution = 'none' where attribution = 'ambiguous' and candidate_premises_ids is null`.execute(db)
  await sql`alter table incidents add constraint incidents_candidates_when_ambiguous
    check ((attribution = 'ambiguous') = (candidate_premises_ids is not null) and coalesce(cardinality(candidate_premises_ids), 2) >= 2)`.execute(db)
  await db.schema.dropTable('incident_premises').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('incident_premises')
    .addColumn('incident_id', 'integer', c => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('distance_m', 'double precision', c => c.notNull())
    .addPrimaryKeyConstraint('incident_premises_pkey', ['incident_id', 'premises_id'])
    .execute()
  await db.schema.createIndex('incident_premises_premises_idx').on('incident_premises').column('premises_id').execute()
  await sql`
    insert into incident_premises (incident_id, premises_id, distance_m)
    select i.id, p.id, sqrt((i.easting - p.easting) ^ 2 + (i.northing - p.northing) ^ 2)
    from incidents i cross join unnest(i.candidate_premises_ids) as c(premises_id) join premises p on p.id = c.premises_id
    where i.candidate_premises_ids is not null`.execute(db)
  await sql`alter table incidents drop constraint incidents_candidates_when_ambiguous, drop column candidate_premises_ids`.execute(db)
}
