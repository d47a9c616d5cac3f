// Importing many police.uk files at once (the CLI and the bench): one transaction per file (each
// attributed as it is stored), two files at a time on PostgreSQL (imports of different months
// do not wait for each other) and one at a time on PGlite (one session).
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types.ts'
import type { DatabaseMode } from '../db/connect.ts'
import { importApiJson, importStreetCsv } from './imports.service.ts'

export type BulkKind = 'police-uk' | 'police-uk-json'

export interface BulkTotals { files: number; rows: number; imported: number; updated: number; unchanged: number; skipped: number; noLocation: number; rejected: number }

export interface BulkResult { totals: BulkTotals; failures: string[]; seconds: number }

export interface BulkOptions {
  tz: string
  mode: DatabaseMode
  /** Called as each file finishes (done of total). */
  onProgress?: (done: number, total: number, label: string) => void
}

export async function importPoliceUkFiles (db: Kysely<Database>, kind: BulkKind, paths: string[], options: BulkOptions): Promise<BulkResult> {
  const started = performance.now()
  const totals: BulkTotals = { files: 0, rows: 0, imported: 0, updated: 0, unchanged: 0, skipped: 0, noLocation: 0, rejected: 0 }
  const failures: string[] = []
  const importFile = kind === 'police-uk' ? importStreetCsv : importApiJson
  let next = 0
  let done = 0
  async function worker () {
    while (next < paths.length) {
      const path = paths[next++]!
      try {
        const s = await importFile(db, readFileSync(path), { fileName: basename(path), tz: options.tz })
        totals.files++
        for (const key of ['rows', 'imported', 'updated', 'unchanged', 'skipped', 'noLocation'] as const) totals[key] += s[key]
        totals.rejected += s.rejected.length
        for (const r of s.rejected.slice(0, 5)) failures.push(`${path}: line ${r.line}: ${r.reason}`)
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message}`)
      }
      options.onProgress?.(++done, paths.length, basename(path))
    }
  }
  const workers = options.mode === 'postgres' ? 2 : 1
  await Promise.all(Array.from({ length: Math.min(workers, paths.length) }, worker))
  return { totals, failures, seconds: (performance.now() - started) / 1000 }
}
