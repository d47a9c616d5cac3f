// Shared plumbing for command-line tools: configuration, a database handle, argument parsing.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { ConfigError, loadConfig, type Config } from '../config.ts'

export function cliConfig (): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message)
    throw error
  }
}

export async function openMigratedDatabase (config: Config): Promise<DatabaseHandle> {
  const handle = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 })
  await migrateToLatest(handle.db)
  return handle
}

export function args<T extends ParseArgsConfig['options']> (options: T, allowPositionals = false) {
  try {
    return parseArgs({ options, allowPositionals, strict: true })
  } catch (error) {
    fail((error as Error).message)
  }
}

export function fail (message: string): never {
  console.error(`error: ${message}`)
  process.exit(1)
}
