// police.uk imports: parse first (a bad file is refused before anything is written), then one
// transaction per file that upserts, attributes and records the run in import_runs and the audit log.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.repository.ts'
import { parseApiJson, parseStreetCsv, type ParsedFile } from './police-uk.parse.ts'
import { storePoliceUkRows, type ImportSummary, type StoreOptions } from './police-uk.import.ts'

export interface ImportMeta { kind: 'police-uk' | 'police-uk-json'; fileName?: string | null; userId?: number | null; tz: string }

/** Writes a parsed file inside an open transaction (the demo seeds through this with ctx.db). */
export async function storeParsed (trx: Db, parsed: ParsedFile, meta: ImportMeta, options: Partial<StoreOptions> = {}): Promise<ImportSummary> {
  const started = Date.now()
  const summary = await storePoliceUkRows(trx, parsed, { tz: meta.tz, ...options })
  await trx.insertInto('importRuns').values({
    kind: meta.kind, fileName: meta.fileName ?? null, userId: meta.userId ?? null, rows: summary.rows, imported: summary.imported,
    updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped, noLocation: summary.noLocation,
    rejected: JSON.stringify(summary.rejected.slice(0, 1000)), months: summary.months, ms: Date.now() - started
  }).execute()
  if (meta.userId) {
    await recordAudit(trx, { userId: meta.userId, action: `import.${meta.kind}`, entity: 'import', entityId: meta.fileName ?? null, after: { ...summary, rejected: summary.rejected.length } })
  }
  return summary
}

/** One file, one transaction. */
export async function inTransaction (db: Kysely<Database>, parsed: ParsedFile, meta: ImportMeta, options: Partial<StoreOptions> = {}) {
  return db.transaction().execute(trx => storeParsed(trx, parsed, meta, options))
}

export async function importStreetCsv (db: Kysely<Database>, input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream, meta: Omit<ImportMeta, 'kind'>) {
  const parsed = await parseStreetCsv(input)
  return inTransaction(db, parsed, { ...meta, kind: 'police-uk' })
}

export async function importApiJson (db: Kysely<Database>, content: Buffer | unknown[], meta: Omit<ImportMeta, 'kind'>) {
  return inTransaction(db, parseApiJson(content), { ...meta, kind: 'police-uk-json' })
}

export async function recentImports (db: Db, limit = 20) {
  return db.selectFrom('importRuns').selectAll().orderBy('id', 'desc').limit(limit).execute()
}
