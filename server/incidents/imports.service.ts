// police.uk imports: one transaction per file. The file is staged (COPY for a street CSV), each
// row validated and keyed in SQL, upserted, attributed, and the run recorded in import_runs and
// the audit log. A file that is not a police.uk file is refused before anything is kept.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { checkStreetCsv, parseApiJson } from './police-uk.parse.ts'
import { createStaging, stageApiRows, stageStreetCsv } from './police-uk.staging.ts'
import { storeStagedRows, type ImportSummary } from './police-uk.import.ts'
import * as repo from './incidents.repository.ts'
import { testPause } from '../test-pause.ts'

export interface ImportMeta { fileName?: string | null; userId?: number | null; tz: string }

type Kind = 'police-uk' | 'police-uk-json'

async function finish (trx: Db, kind: Kind, summary: ImportSummary, meta: ImportMeta, started: number): Promise<ImportSummary> {
  await repo.insertImportRun(trx, {
    kind, fileName: meta.fileName ?? null, userId: meta.userId ?? null, rows: summary.rows, imported: summary.imported,
    updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped, noLocation: summary.noLocation,
    rejected: JSON.stringify(summary.rejected.slice(0, 1000)), months: summary.months, ms: Date.now() - started
  })
  if (meta.userId) {
    await recordAudit(trx, { userId: meta.userId, action: `import.${kind}`, entity: 'import', entityId: meta.fileName ?? null, after: { ...summary, rejected: summary.rejected.length } })
  }
  return summary
}

/** A street CSV inside an open transaction (the demo seeds through this with its own transaction). */
export async function storeStreetCsv (trx: Db, bytes: Buffer, meta: ImportMeta): Promise<ImportSummary> {
  const started = Date.now()
  const data = checkStreetCsv(bytes)
  await createStaging(trx)
  await stageStreetCsv(trx, data)
  const summary = await storeStagedRows(trx, { tz: meta.tz })
  await testPause('police-uk-import')
  return finish(trx, 'police-uk', summary, meta, started)
}

/** An API JSON response inside an open transaction. */
export async function storeApiJson (trx: Db, content: Buffer | unknown[], meta: ImportMeta): Promise<ImportSummary> {
  const started = Date.now()
  const parsed = parseApiJson(content)
  await createStaging(trx)
  await stageApiRows(trx, parsed.rows)
  const summary = await storeStagedRows(trx, { tz: meta.tz, rejected: parsed.rejected, skipped: parsed.skipped })
  return finish(trx, 'police-uk-json', summary, meta, started)
}

/** One street CSV, one transaction. */
export async function importStreetCsv (db: Kysely<Database>, bytes: Buffer, meta: ImportMeta) {
  return db.transaction().execute(trx => storeStreetCsv(trx, bytes, meta))
}

/** One API response, one transaction. */
export async function importApiJson (db: Kysely<Database>, content: Buffer | unknown[], meta: ImportMeta) {
  return db.transaction().execute(trx => storeApiJson(trx, content, meta))
}

export function recentImports (db: Db, limit = 20) {
  return repo.recentImportRuns(db, limit)
}
