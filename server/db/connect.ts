// Everything that differs between the two database modes lives here: embedded PGlite in
// DATA_DIR (the default) or PostgreSQL when DATABASE_URL is set. Both get the same parsers,
// so counts and numerics are numbers and dates are 'YYYY-MM-DD' strings in either mode.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect.ts'
import { claimEmbedded } from './embedded-lock.ts'
import { copyStatement, pgCopyIn, type CopyResultRow } from './copy.ts'
import type { Database } from './types.ts'

export type DatabaseMode = 'embedded' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  mode: DatabaseMode
  /** The PGlite instance in embedded mode (for COPY and dumps); undefined in server mode. */
  pglite?: PGlite
  /** The pg pool in server mode; undefined in embedded mode. */
  pool?: pg.Pool
  close: () => Promise<void>
}

const INT8 = 20
const NUMERIC = 1700
const DATE = 1082

pg.types.setTypeParser(INT8, (value: string) => Number(value))
pg.types.setTypeParser(NUMERIC, (value: string) => Number(value))
pg.types.setTypeParser(DATE, (value: string) => value)

// CamelCasePlugin maps columns; jsonb contents keep their own keys (plan sections, opening hours).
const plugins = () => [new CamelCasePlugin({ maintainNestedObjectKeys: true })]

/** A pg client that also runs COPY … FROM STDIN when Kysely hands it a CopyData (see copy.ts). */
class CopyingClient extends pg.Client {
  // pg's query has many overloads; this wraps them all (any) and adds the COPY case.
  override query (...args: any[]): any {
    const [text, values] = args
    const copy = typeof text === 'string' && Array.isArray(values) ? copyStatement(text, values) : null
    if (!copy) return (super.query as (...a: unknown[]) => unknown)(...args)
    return pgCopyIn(this, copy.statement, copy.data.bytes)
      .then(rowCount => ({ command: 'COPY', rowCount, rows: [{ copied: rowCount } satisfies CopyResultRow] }))
  }
}

export interface ConnectOptions {
  databaseUrl?: string
  /** A folder for PGlite's files, or ':memory:' for a throwaway database (tests). */
  dataDir: string
  poolSize?: number
}

export async function connectDatabase (options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Long enough to ride out a burst of load; a request that still cannot get a connection is a 503.
      connectionTimeoutMillis: 15000,
      application_name: 'nightsafe',
      Client: CopyingClient as unknown as typeof pg.Client
    })
    // A dropped connection (PostgreSQL restarted) must not crash the process; the pool reconnects.
    pool.on('error', () => {})
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: plugins() })
    return { db, mode: 'postgres', pool, close: () => db.destroy() }
  }
  let location = 'memory://'
  let release = () => {}
  if (options.dataDir !== ':memory:') {
    release = claimEmbedded(options.dataDir)
    location = join(options.dataDir, 'pgdata')
    mkdirSync(location, { recursive: true })
  }
  const pglite = new PGlite(location, {
    parsers: { [NUMERIC]: (value: string) => Number(value), [DATE]: (value: string) => value }
  })
  await pglite.waitReady
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), plugins: plugins() })
  return { db, mode: 'embedded', pglite, close: async () => { await db.destroy(); release() } }
}

export async function ping (db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
