// One-click unsubscribe (RFC 8058). An outbox message may name what its unsubscribe link stops
// ("topic:flags", "topic:all", or a stream of messages such as one report's updates, "stream:…");
// the signed link is made when the message is sent. A stream a person stopped is kept per
// address, so later messages of that stream to that address are not queued.
import { sql, type Kysely } from 'kysely'

export async function up (db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('unsubscribe', 'text').execute()
  await db.schema.createTable('mail_stream_stops')
    .addColumn('stream', 'text', c => c.notNull())
    .addColumn('address', 'text', c => c.notNull())
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mail_stream_stops_pkey', ['stream', 'address'])
    .execute()
}

export async function down (db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_stream_stops').execute()
  await db.schema.alterTable('mail_outbox').dropColumn('unsubscribe').execute()
}
