// A database prepared before the app process starts (an embedded folder belongs to one process):
// migrated, with bench users and optional synthetic data, in a temporary DATA_DIR or a
// throwaway PostgreSQL database. Used by the bench and the process-level quality tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../server/db/types.ts'
import type { Role } from '../../shared/roles.ts'
import { addUser, createScratchDatabase, insertSynthetic, openMigrated } from './database.ts'

export interface PreparedTarget {
  mode: 'embedded' | 'postgres'
  /** Environment for the app process (DATA_DIR or DATABASE_URL). */
  env: Record<string, string>
  url?: string
  dataDir?: string
  users: Record<string, { email: string; id: number }>
  premisesIds: number[]
  cleanup: () => Promise<void>
}

export interface PrepareOptions {
  /** A PostgreSQL admin URL: a throwaway database is created there; otherwise embedded. */
  postgresAdminUrl?: string
  incidents?: number
  premises?: number
  seed?: number
  end?: string
  /** Extra work on the open database before it is closed (e.g. more rows). */
  extra?: (db: Kysely<Database>) => Promise<void>
}

export const ROLE_EMAILS: Record<Role, string> = {
  admin: 'admin@bench.test', licensing_officer: 'officer@bench.test', police: 'police@bench.test', venue_manager: 'manager@bench.test', responsible_authority: 'eho@bench.test'
}

export async function prepareTarget (options: PrepareOptions = {}): Promise<PreparedTarget> {
  let dataDir: string | undefined
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined
  if (options.postgresAdminUrl) scratch = await createScratchDatabase(options.postgresAdminUrl, 'nightsafe_bench')
  else dataDir = mkdtempSync(join(tmpdir(), 'nightsafe-q-'))
  const handle = await openMigrated(scratch ? { url: scratch.url } : { dataDir })
  let premisesIds: number[] = []
  const users: PreparedTarget['users'] = {}
  try {
    if (options.incidents || options.premises) {
      const result = await insertSynthetic(handle.db, { incidents: options.incidents ?? 0, premises: options.premises ?? 0, seed: options.seed ?? 42, end: options.end ?? '2025-12-31', years: 3 })
      premisesIds = result.premisesIds
    }
    for (const [role, email] of Object.entries(ROLE_EMAILS) as [Role, string][]) {
      users[role] = { email, id: await addUser(handle.db, role, email, role === 'venue_manager' ? premisesIds.slice(0, 2) : []) }
    }
    await options.extra?.(handle.db)
  } finally {
    await handle.close()
  }
  return {
    mode: scratch ? 'postgres' : 'embedded',
    env: scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir! },
    url: scratch?.url,
    dataDir,
    users,
    premisesIds,
    cleanup: async () => {
      if (scratch) await scratch.drop()
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
