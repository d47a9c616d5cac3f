// Licensing casework beyond the notice itself: a case per licence application or review (LA 2003
// ss.17, 51), the representations made on it, hearings (of cases and of objections to TENs),
// the decision with its steps and appeal dates, and the withdrawal of a TEN (s.103). Personal
// details of other persons (residents, businesses) live in a table of their own, so no query of
// representations picks them up by accident. Existing licence applications get their case, and
// notifications may go to every responsible-authority account.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('casework_persons')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', c => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('address', 'text', c => c.notNull().check(sql`length(trim(address)) > 0`))
    .addColumn('email', 'text')
    // Set when the email link is followed (or at once when an officer records a paper representation).
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema.createTable('licensing_cases')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('kind', 'text', c => c.notNull().check(sql`kind in ('licence_application', 'review')`))
    .addColumn('premises_id', 'integer', c => c.notNull().references('premises.id').onDelete('cascade'))
    .addColumn('licence_application_id', 'integer', c => c.unique().references('licence_applications.id').onDelete('cascade'))
    .addColumn('given_on', 'date', c => c.notNull())
    .addColumn('representation_period_ends', 'date', c => c.notNull())
    .addColumn('status', 'text', c => c.notNull().defaultTo('open').check(sql`status in ('open', 'hearing_scheduled', 'decided', 'withdrawn')`))
    // A review: who brought it, on which objectives and grounds, and what prompted it.
    .addColumn('brought_by_party', 'text', c => c.check(sql`brought_by_party in ('responsible_authority', 'other_person')`))
    .addColumn('brought_by_organisation', 'text')
    .addColumn('brought_by_person_id', 'integer', c => c.references('casework_persons.id').onDelete('restrict'))
    .addColumn('objectives', sql`text[]`)
    .addColumn('grounds', 'text')
    .addColumn('prompted_by', 'text', c => c.check(sql`prompted_by in ('traffic_light', 'flag', 'other')`))
    .addColumn('prompt_ref', 'text')
    .addColumn('created_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('licensing_case_application', sql`(kind = 'licence_application') = (licence_application_id is not null)`)
    .addCheckConstraint('licensing_case_review', sql`kind <> 'review' or (brought_by_party is not null and objectives is not null and grounds is not null)`)
    .addCheckConstraint('licensing_case_review_party', sql`brought_by_party is null or (brought_by_party = 'responsible_authority') = (brought_by_organisation is not null)`)
    .execute()
  await db.schema.createIndex('licensing_cases_premises_idx').on('licensing_cases').column('premises_id').execute()
  await db.schema.createIndex('licensing_cases_status_idx').on('licensing_cases').columns(['status', 'representation_period_ends']).execute()

  await db.schema.createTable('representations')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'integer', c => c.notNull().references('licensing_cases.id').onDelete('cascade'))
    .addColumn('party', 'text', c => c.notNull().check(sql`party in ('responsible_authority', 'other_person')`))
    .addColumn('organisation', 'text')
    .addColumn('person_id', 'integer', c => c.references('casework_persons.id').onDelete('restrict'))
    .addColumn('objectives', sql`text[]`, c => c.notNull())
    .addColumn('text', 'text', c => c.notNull().check(sql`length(trim(text)) > 0`))
    .addColumn('made_on', 'date', c => c.notNull())
    .addColumn('made_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', c => c.notNull().defaultTo('received').check(sql`status in ('awaiting_confirmation', 'received', 'withdrawn')`))
    .addColumn('relevance', 'text', c => c.check(sql`relevance in ('relevant', 'irrelevant')`))
    .addColumn('irrelevant_ground', 'text', c => c.check(sql`irrelevant_ground in ('frivolous', 'vexatious', 'not_about_objective')`))
    .addColumn('assessment_reason', 'text')
    .addColumn('assessed_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('assessed_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('withdrawal_note', 'text')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('representation_party', sql`(party = 'responsible_authority') = (organisation is not null) and (party = 'other_person') = (person_id is not null)`)
    .addCheckConstraint('representation_irrelevant_ground', sql`(relevance = 'irrelevant') = (irrelevant_ground is not null)`)
    .execute()
  await db.schema.createIndex('representations_case_idx').on('representations').column('case_id').execute()

  await db.schema.createTable('hearings')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'integer', c => c.references('licensing_cases.id').onDelete('cascade'))
    .addColumn('ten_id', 'integer', c => c.references('temporary_event_notices.id').onDelete('cascade'))
    .addColumn('hearing_on', 'date', c => c.notNull())
    .addColumn('starts_at', 'text', c => c.notNull().check(sql`starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('place', 'text', c => c.notNull().check(sql`length(trim(place)) > 0`))
    .addColumn('notice_given_on', 'date', c => c.notNull())
    .addColumn('status', 'text', c => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn('scheduled_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('hearing_subject', sql`num_nonnulls(case_id, ten_id) = 1`)
    .execute()
  await sql`create unique index hearings_case_scheduled_idx on hearings (case_id) where status = 'scheduled' and case_id is not null`.execute(db)
  await sql`create unique index hearings_ten_scheduled_idx on hearings (ten_id) where status = 'scheduled' and ten_id is not null`.execute(db)
  await db.schema.createIndex('hearings_on_idx').on('hearings').column('hearing_on').execute()

  await db.schema.createTable('case_decisions')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'integer', c => c.notNull().unique().references('licensing_cases.id').onDelete('cascade'))
    .addColumn('outcome', 'text', c => c.notNull().check(sql`outcome in ('grant', 'grant_with_conditions', 'exclude_activity', 'refuse', 'no_action', 'modify_conditions', 'remove_dps', 'suspend', 'revoke')`))
    .addColumn('reasons', 'text', c => c.notNull().check(sql`length(trim(reasons)) > 0`))
    .addColumn('added_conditions', sql`text[]`, c => c.notNull().defaultTo(sql`'{}'`))
    // [{ conditionId, before, text }]: a condition of the licence changed at the hearing.
    .addColumn('modified_conditions', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('excluded_activities', sql`text[]`, c => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('suspended_until', 'date')
    .addColumn('decided_on', 'date', c => c.notNull())
    .addColumn('notified_on', 'date', c => c.notNull())
    .addColumn('appeal_deadline', 'date', c => c.notNull())
    .addColumn('takes_effect_on', 'date', c => c.notNull())
    // When the decision's steps reached the register (at once for an application; after the appeal period for a review, s.52(11)).
    .addColumn('applied_at', 'timestamptz')
    .addColumn('suspension_lifted_at', 'timestamptz')
    .addColumn('appeal_lodged_on', 'date')
    .addColumn('appeal_note', 'text')
    .addColumn('decided_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema.alterTable('temporary_event_notices')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'integer', c => c.references('users.id').onDelete('set null'))
    .execute()

  // Notifications to every responsible-authority account (each application is theirs to read).
  await sql`alter table notifications drop constraint notifications_role_check`.execute(db)
  await sql`alter table notifications add constraint notifications_role_check check (role in ('admin', 'licensing_officer', 'police', 'venue_manager', 'responsible_authority'))`.execute(db)

  await sql`
    insert into licensing_cases (kind, premises_id, licence_application_id, given_on, representation_period_ends, status, created_by, created_at)
    select 'licence_application', premises_id, id, consultation_start_date, representation_end_date,
      case when status in ('granted', 'refused') then 'decided' when status = 'withdrawn' then 'withdrawn' else 'open' end,
      submitted_by, created_at
    from licence_applications order by id`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where role = 'responsible_authority'`.execute(db)
  await sql`alter table notifications drop constraint notifications_role_check`.execute(db)
  await sql`alter table notifications add constraint notifications_role_check check (role in ('admin', 'licensing_officer', 'police', 'venue_manager'))`.execute(db)
  await db.schema.alterTable('temporary_event_notices').dropColumn('withdrawn_by').dropColumn('withdrawn_at').execute()
  await db.schema.dropTable('case_decisions').execute()
  await db.schema.dropTable('hearings').execute()
  await db.schema.dropTable('representations').execute()
  await db.schema.dropTable('licensing_cases').execute()
  await db.schema.dropTable('casework_persons').execute()
}
