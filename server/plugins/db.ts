// Connects the database for the configured mode and runs migrations. It knows no domain: demo
// data is seeded by the demo plugin, registered after the domains (plugins/demo.ts).
import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import { connectDatabase, type DatabaseHandle, type DatabaseMode } from '../db/connect.ts'
import { migrateToLatest } from '../db/migrate.ts'
import type { Database } from '../db/types.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: Kysely<Database>
    dbMode: DatabaseMode
    dbHandle: DatabaseHandle
  }
}

export interface DbPluginOptions {
  /** A database opened by the caller (tests, CLI); closed by the caller, not by the app. */
  database?: DatabaseHandle
}

export default fp<DbPluginOptions>(async function dbPlugin (app, options) {
  const handle = options.database ?? await connectDatabase({ databaseUrl: app.config.databaseUrl, dataDir: app.config.dataDir })
  app.decorate('db', handle.db)
  app.decorate('dbMode', handle.mode)
  app.decorate('dbHandle', handle)
  if (!options.database) app.addHook('onClose', async () => { await handle.close() })

  const migrations = await migrateToLatest(handle.db)
  const applied = migrations.results?.filter(r => r.status === 'Success').length ?? 0
  if (applied) app.log.info({ applied }, 'database migrated')
}, { name: 'db' })
