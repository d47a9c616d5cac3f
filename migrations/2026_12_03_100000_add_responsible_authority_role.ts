// Responsible authorities other than the police and the licensing authority itself (Licensing Act
// 2003 s.13(4)): a role of their own, with the organisation each account speaks for. Police keep
// the police role; licensing officers are the licensing authority.
import { sql, type Kysely } from 'kysely'

const ORGANISATIONS = ['environmental_health', 'fire', 'planning', 'health', 'health_and_safety', 'child_protection', 'trading_standards', 'home_office_immigration']

export async function up (db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check check (role in ('admin', 'licensing_officer', 'police', 'venue_manager', 'responsible_authority'))`.execute(db)
  await db.schema.alterTable('users').addColumn('organisation', 'text').execute()
  await sql`alter table users add constraint users_organisation_check check (organisation is null or organisation in (${sql.join(ORGANISATIONS.map(o => sql.lit(o)))}))`.execute(db)
  await sql`alter table users add constraint users_organisation_role check ((role = 'responsible_authority') = (organisation is not null))`.execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_organisation_role`.execute(db)
  await db.schema.alterTable('users').dropColumn('organisation').execute()
  await sql`alter table users drop constraint users_role_check`.execute(db)
  await sql`alter table users add constraint users_role_check check (role in ('admin', 'licensing_officer', 'police', 'venue_manager'))`.execute(db)
}
