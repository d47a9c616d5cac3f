// COPY … FROM STDIN through Kysely, in either database mode and inside a transaction. The data
// rides as the query's only parameter (a CopyData); the pg client (connect.ts) streams it with
// pg-copy-streams and the PGlite dialect hands it over as '/dev/blob'. Nothing else sees one.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Db } from './types.ts'

export class CopyData {
  constructor (readonly bytes: Buffer) {}
}

/** What both drivers answer to a COPY: one row with the count of rows copied. */
export interface CopyResultRow { copied: number }

/** Is this compiled query a COPY carrying its data? Returns the statement without the placeholder. */
export function copyStatement (text: string, parameters: readonly unknown[]): { statement: string; data: CopyData } | null {
  if (parameters.length !== 1 || !(parameters[0] instanceof CopyData)) return null
  return { statement: text.replace(/\s*\$1\s*$/, ''), data: parameters[0] }
}

/**
 * Runs `statement` (a `copy … from stdin with (…)` without the data) with these bytes and returns
 * the rows copied. A COPY error keeps PostgreSQL's `where` ("COPY t, line N…"), so callers can name the line.
 */
export async function copyFromStdin (db: Db, statement: string, bytes: Buffer): Promise<number> {
  if (!/^\s*copy\b[\s\S]*\bfrom\s+stdin\b/i.test(statement)) throw new Error('copyFromStdin: the statement must be COPY … FROM STDIN')
  const result = await sql<CopyResultRow>`${sql.raw(statement)} ${sql.val(new CopyData(bytes))}`.execute(db)
  return result.rows[0]?.copied ?? 0
}

/** COPY … FROM STDIN of these bytes on a pg client (the server-mode driver, and the bench's baselines); the rows copied. */
export async function pgCopyIn (client: pg.ClientBase, statement: string, bytes: Buffer): Promise<number> {
  const stream = client.query(copyFrom(statement))
  await pipeline(Readable.from([bytes]), stream)
  return stream.rowCount
}
