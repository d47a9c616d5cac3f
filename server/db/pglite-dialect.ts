// A small Kysely dialect over PGlite (PostgreSQL in WebAssembly, one connection per process).
// PGlite has a single session, so connections are handed out one at a time behind a mutex:
// a transaction owns the session until it commits, exactly as a pooled pg connection would.
import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type TransactionSettings
} from 'kysely'
import { copyStatement, type CopyResultRow } from './copy.ts'

class SessionMutex {
  #tail: Promise<void> = Promise.resolve()
  lock (): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>(resolve => { release = resolve })
    const acquired = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => next)
    return acquired
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor (private readonly pglite: PGlite) {}

  async executeQuery<R> (compiled: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyStatement(compiled.sql, compiled.parameters)
    if (copy) {
      // PGlite reads COPY … FROM STDIN data from the query's blob, named '/dev/blob'.
      const statement = copy.statement.replace(/\bfrom\s+stdin\b/i, "from '/dev/blob'")
      const result = await this.pglite.query(statement, [], { blob: new Blob([copy.data.bytes as Uint8Array<ArrayBuffer>]) })
      return { rows: [{ copied: result.affectedRows ?? 0 } satisfies CopyResultRow as R] }
    }
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[])
    const affected = result.affectedRows
    return {
      rows: result.rows,
      ...(affected !== undefined && ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(commandOf(compiled.sql))
        ? { numAffectedRows: BigInt(affected) }
        : {})
    }
  }

  // eslint-disable-next-line require-yield
  async * streamQuery<R> (compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.executeQuery<R>(compiled)
    for (const row of result.rows) yield { rows: [row] }
  }
}

function commandOf (sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)
  return (match?.[1] ?? '').toUpperCase()
}

class PGliteDriver implements Driver {
  readonly #mutex = new SessionMutex()
  readonly #connection: PGliteConnection
  #releases = new WeakMap<DatabaseConnection, () => void>()

  constructor (private readonly pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite)
  }

  async init (): Promise<void> { await this.pglite.waitReady }

  async acquireConnection (): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock()
    // One PGlite session: a fresh wrapper per lease so each release is matched to its lock.
    const lease = Object.create(this.#connection) as PGliteConnection
    this.#releases.set(lease, release)
    return lease
  }

  async beginTransaction (connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`))
  }

  async commitTransaction (connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction (connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection (connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection)
    this.#releases.delete(connection)
    release?.()
  }

  async destroy (): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close()
  }
}

export class PGliteDialect implements Dialect {
  constructor (private readonly pglite: PGlite) {}
  createAdapter () { return new PostgresAdapter() }
  createDriver () { return new PGliteDriver(this.pglite) }
  createQueryCompiler () { return new PostgresQueryCompiler() }
  createIntrospector (db: Kysely<any>) { return new PostgresIntrospector(db) }
}
