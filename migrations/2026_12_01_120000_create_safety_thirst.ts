// Safety Thirst accreditation: versioned criteria sets, applications with their life cycle
// (legal transitions kept in a table and enforced by a trigger as well as by the service),
// the venue's answers, the officer's results, evidence files (bytes in the database so several
// app instances share them) and the scheme's settings.
import { sql, type Kysely } from 'kysely'

const STATUSES = ['draft', 'submitted', 'under_assessment', 'moderated', 'decided', 'expired', 'withdrawn']
const TRANSITIONS: [string, string][] = [
  ['draft', 'submitted'], ['draft', 'withdrawn'],
  ['submitted', 'under_assessment'], ['submitted', 'withdrawn'],
  ['under_assessment', 'moderated'], ['under_assessment', 'decided'], ['under_assessment', 'withdrawn'],
  ['moderated', 'decided'], ['moderated', 'withdrawn'],
  ['decided', 'expired']
]
const list = (values: string[]) => sql.raw(values.map(v => `'${v}'`).join(', '))

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('st_criteria_sets')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('version', 'text', c => c.notNull().unique().check(sql`length(trim(version)) > 0`))
    .addColumn('status', 'text', c => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'superseded')`))
    .addColumn('categories', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('commended_desired_pct', 'integer', c => c.notNull().defaultTo(50).check(sql`commended_desired_pct between 0 and 100`))
    .addColumn('highly_commended_desired_pct', 'integer', c => c.notNull().defaultTo(75).check(sql`highly_commended_desired_pct between 0 and 100`))
    .addColumn('highly_commended_bonus', 'integer', c => c.notNull().defaultTo(2).check(sql`highly_commended_bonus >= 0`))
    .addColumn('created_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .execute()
  // One current (published) set and at most one draft at a time.
  await sql`create unique index st_criteria_sets_one_published on st_criteria_sets ((true)) where status = 'published'`.execute(db)
  await sql`create unique index st_criteria_sets_one_draft on st_criteria_sets ((true)) where status = 'draft'`.execute(db)

  await db.schema.createTable('st_criteria')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('set_id', 'integer', c => c.notNull().references('st_criteria_sets.id').onDelete('cascade'))
    .addColumn('code', 'text', c => c.notNull().check(sql`code ~ '^[A-Z]{1,4}[0-9]{1,3}$'`))
    .addColumn('category', 'text', c => c.notNull())
    .addColumn('level', 'text', c => c.notNull().check(sql`level in ('essential', 'desired', 'bonus')`))
    .addColumn('text', 'text', c => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn('evidence', 'text', c => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('retired', 'boolean', c => c.notNull().defaultTo(false))
    .addUniqueConstraint('st_criteria_set_code_key', ['set_id', 'code'])
    .execute()

  await db.schema.createTable('st_settings')
    .addColumn('id', 'integer', c => c.primaryKey().defaultTo(1).check(sql`id = 1`))
    .addColumn('target', 'integer', c => c.notNull().defaultTo(80).check(sql`target >= 0`))
    .addColumn('moderation_required', 'boolean', c => c.notNull().defaultTo(true))
    .addColumn('updated_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`insert into st_settings (id) values (1)`.execute(db)

  await db.schema.createTable('st_transitions')
    .addColumn('from_status', 'text', c => c.notNull())
    .addColumn('to_status', 'text', c => c.notNull())
    .addPrimaryKeyConstraint('st_transitions_pkey', ['from_status', 'to_status'])
    .execute()
  await db.insertInto('st_transitions').values(TRANSITIONS.map(([from, to]) => ({ from_status: from, to_status: to }))).execute()

  await db.schema.createTable('st_applications')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('year', 'integer', c => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('criteria_set_id', 'integer', c => c.notNull().references('st_criteria_sets.id'))
    .addColumn('status', 'text', c => c.notNull().defaultTo('draft').check(sql`status in (${list(STATUSES)})`))
    .addColumn('tier', 'text', c => c.check(sql`tier in ('not_accredited', 'pass', 'commended', 'highly_commended')`))
    .addColumn('created_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('site_visit_date', 'date')
    .addColumn('assessors', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('agencies_consulted', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('assessment_note', 'text')
    .addColumn('assessed_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('assessed_at', 'timestamptz')
    .addColumn('moderated_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('moderation_confirmed', 'boolean')
    .addColumn('moderation_note', 'text')
    .addColumn('decided_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('valid_until', 'date')
    .addColumn('certificate_number', 'text', c => c.unique())
    .addColumn('decision_reasons', 'jsonb')
    .addColumn('action_plan', 'jsonb')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_from', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('expired_at', 'timestamptz')
    .addCheckConstraint('st_applications_decided_has_tier', sql`status not in ('decided', 'expired') or (tier is not null and valid_until is not null)`)
    .execute()
  // One live application per premises and year; a withdrawn one does not block re-applying.
  await sql`create unique index st_applications_premises_year_key on st_applications (premises_id, year) where status <> 'withdrawn'`.execute(db)
  await db.schema.createIndex('st_applications_year_status_idx').on('st_applications').columns(['year', 'status']).execute()

  await sql`create function st_applications_check_transition() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if new.status <> 'draft' then
          raise exception 'a Safety Thirst application starts as draft, not %', new.status using errcode = 'check_violation';
        end if;
        return new;
      end if;
      if new.status is distinct from old.status and not exists (
        select 1 from st_transitions where from_status = old.status and to_status = new.status
      ) then
        raise exception 'illegal Safety Thirst transition from % to %', old.status, new.status using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger st_applications_transition before insert or update on st_applications
    for each row execute function st_applications_check_transition()`.execute(db)

  await db.schema.createTable('st_answers')
    .addColumn('application_id', 'integer', c => c.notNull().references('st_applications.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text', c => c.notNull())
    .addColumn('answer', 'text', c => c.notNull().check(sql`answer in ('yes', 'partly', 'no', 'na')`))
    .addColumn('evidence', 'text', c => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('st_answers_pkey', ['application_id', 'criterion_code'])
    .execute()

  await db.schema.createTable('st_results')
    .addColumn('application_id', 'integer', c => c.notNull().references('st_applications.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text', c => c.notNull())
    .addColumn('result', 'text', c => c.notNull().check(sql`result in ('met', 'partly', 'not_met')`))
    .addColumn('note', 'text', c => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('st_results_pkey', ['application_id', 'criterion_code'])
    .execute()

  await db.schema.createTable('st_evidence_files')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('application_id', 'integer', c => c.notNull().references('st_applications.id').onDelete('cascade'))
    .addColumn('criterion_code', 'text')
    .addColumn('filename', 'text', c => c.notNull())
    .addColumn('mime_type', 'text', c => c.notNull())
    .addColumn('size_bytes', 'integer', c => c.notNull().check(sql`size_bytes >= 0`))
    .addColumn('content', 'bytea', c => c.notNull())
    .addColumn('uploaded_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('st_evidence_files_application_idx').on('st_evidence_files').column('application_id').execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('st_evidence_files').execute()
  await db.schema.dropTable('st_results').execute()
  await db.schema.dropTable('st_answers').execute()
  await db.schema.dropTable('st_applications').execute()
  await sql`drop function if exists st_applications_check_transition()`.execute(db)
  await db.schema.dropTable('st_transitions').execute()
  await db.schema.dropTable('st_settings').execute()
  await db.schema.dropTable('st_criteria').execute()
  await db.schema.dropTable('st_criteria_sets').execute()
}
