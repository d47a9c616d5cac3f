// npm run migrate: apply pending migrations to the configured database and list them.
import { cliConfig, fail } from './cli.ts'
import { connectDatabase } from '../db/connect.ts'
import { migrateToLatest } from '../db/migrate.ts'

const config = cliConfig()
try {
  const handle = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 })
  const result = await migrateToLatest(handle.db)
  const applied = result.results ?? []
  if (!applied.length) console.log(`Database (${handle.mode}) is up to date.`)
  for (const r of applied) console.log(`${r.status.padEnd(8)} ${r.migrationName}`)
  await handle.close()
} catch (error) {
  fail((error as Error).message)
}
