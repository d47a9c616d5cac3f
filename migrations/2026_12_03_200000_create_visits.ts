// Visits to premises (compliance, Safety Thirst assessment, follow-up, complaint, joint with the
// police), recorded on a phone that may be offline. A visit's id is a UUID made on the device, so
// a retried sync finds the row it already made; `revision` is the device's id for the visit's
// latest saved state (the precondition that turns an edit made elsewhere meanwhile into a
// conflict); photos carry device-made ids too and a content hash.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('visits')
    .addColumn('id', 'uuid', c => c.primaryKey())
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('kind', 'text', c => c.notNull().check(sql`kind in ('compliance', 'safety_thirst', 'follow_up', 'complaint', 'joint_police')`))
    .addColumn('status', 'text', c => c.notNull().check(sql`status in ('scheduled', 'in_progress', 'completed')`))
    .addColumn('started_at', 'timestamptz', c => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('attendees', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('assigned_to', sql`integer[]`, c => c.notNull().defaultTo(sql`'{}'::integer[]`))
    .addColumn('findings', 'text', c => c.notNull().defaultTo(''))
    .addColumn('st_application_id', 'integer', c => c.references('st_applications.id').onDelete('set null'))
    .addColumn('revision', 'uuid', c => c.notNull())
    .addColumn('version', 'integer', c => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('visits_period_order', sql`ended_at is null or ended_at >= started_at`)
    .execute()
  await db.schema.createIndex('visits_premises_started_idx').on('visits').columns(['premises_id', 'started_at']).execute()
  await db.schema.createIndex('visits_started_idx').on('visits').column('started_at').execute()
  await db.schema.createIndex('visits_st_application_idx').on('visits').column('st_application_id').execute()

  await db.schema.createTable('visit_checklist_answers')
    .addColumn('visit_id', 'uuid', c => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('item', 'text', c => c.notNull())
    .addColumn('position', 'integer', c => c.notNull())
    .addColumn('label', 'text', c => c.notNull().defaultTo(''))
    .addColumn('result', 'text', c => c.notNull().check(sql`result in ('complied', 'not_complied', 'not_seen')`))
    .addColumn('note', 'text', c => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('visit_checklist_answers_pk', ['visit_id', 'item'])
    .execute()
  await db.schema.createIndex('visit_answers_breach_idx').on('visit_checklist_answers').columns(['visit_id']).where(sql.ref('result'), '=', 'not_complied').execute()

  await db.schema.createTable('visit_actions')
    .addColumn('visit_id', 'uuid', c => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('position', 'integer', c => c.notNull())
    .addColumn('text', 'text', c => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn('due_on', 'date', c => c.notNull())
    .addColumn('owner', 'text', c => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('visit_actions_pk', ['visit_id', 'position'])
    .execute()
  await db.schema.createIndex('visit_actions_due_idx').on('visit_actions').column('due_on').execute()

  await db.schema.createTable('visit_photos')
    .addColumn('id', 'uuid', c => c.primaryKey())
    .addColumn('visit_id', 'uuid', c => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('item', 'text')
    .addColumn('caption', 'text', c => c.notNull().defaultTo(''))
    .addColumn('mime_type', 'text', c => c.notNull())
    .addColumn('size_bytes', 'integer', c => c.notNull())
    .addColumn('sha256', 'text', c => c.notNull())
    .addColumn('content', 'bytea', c => c.notNull())
    .addColumn('uploaded_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('visit_photos_visit_idx').on('visit_photos').column('visit_id').execute()

  // Evidence seen per criterion on a Safety Thirst assessment visit (the result itself is the
  // Safety Thirst domain's, in st_results; no points without evidence seen on the day).
  await db.schema.createTable('visit_assessment_items')
    .addColumn('visit_id', 'uuid', c => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text', c => c.notNull())
    .addColumn('result', 'text', c => c.notNull().check(sql`result in ('met', 'partly', 'not_met')`))
    .addColumn('evidence_seen', 'text', c => c.notNull().defaultTo(''))
    .addColumn('note', 'text', c => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('visit_assessment_items_pk', ['visit_id', 'criterion_code'])
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  for (const table of ['visit_assessment_items', 'visit_photos', 'visit_actions', 'visit_checklist_answers', 'visits']) {
    await db.schema.dropTable(table).execute()
  }
}
