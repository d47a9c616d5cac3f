// Email: an outbox that messages are queued into in the same transaction as the event that
// causes them (so none is ever lost), per-user email preferences, and one-time link tokens
// (email confirmation, invitations, password resets) stored only as hashes.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.createTable('mail_outbox')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('kind', 'text', c => c.notNull())
    .addColumn('to_address', 'text', c => c.notNull())
    .addColumn('user_id', 'integer', c => c.references('users.id').onDelete('set null'))
    .addColumn('notification_id', 'integer', c => c.references('notifications.id').onDelete('set null'))
    .addColumn('subject', 'text', c => c.notNull())
    .addColumn('body_text', 'text', c => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('link', 'text')
    .addColumn('link_label', 'text')
    // A one-time link (a token) is removed from the stored copy once it has left by SMTP.
    .addColumn('link_secret', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('status', 'text', c => c.notNull().defaultTo('queued').check(sql`status in ('queued', 'sending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('transport', 'text', c => c.check(sql`transport in ('smtp', 'folder', 'log')`))
    .addColumn('message_id', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('mail_outbox_user_idx').on('mail_outbox').column('user_id').execute()
  await db.schema.createIndex('mail_outbox_notification_idx').on('mail_outbox').column('notification_id').execute()
  await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').column('created_at').execute()
  await sql`create unique index mail_outbox_dedupe_key on mail_outbox (dedupe_key) where dedupe_key is not null`.execute(db)

  // One row per user who changed the defaults (email every notification at once).
  await db.schema.createTable('mail_preferences')
    .addColumn('user_id', 'integer', c => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('mode', 'text', c => c.notNull().defaultTo('immediate').check(sql`mode in ('immediate', 'digest', 'off')`))
    // Per topic (plans, flags, ...): the same three modes, overriding `mode`.
    .addColumn('topics', 'jsonb', c => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // The daily digest gathers notifications created after this moment.
    .addColumn('digest_since', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema.createTable('link_tokens')
    .addColumn('id', 'integer', c => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('purpose', 'text', c => c.notNull())
    .addColumn('subject_id', 'text', c => c.notNull())
    .addColumn('email', 'text', c => c.notNull())
    .addColumn('token_hash', 'text', c => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', c => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('link_tokens_subject_idx').on('link_tokens').columns(['purpose', 'subject_id']).execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('link_tokens').execute()
  await db.schema.dropTable('mail_preferences').execute()
  await db.schema.dropTable('mail_outbox').execute()
}
