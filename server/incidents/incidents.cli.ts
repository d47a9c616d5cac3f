// Command-line importers of the incidents domain, dispatched by server/cli/import.ts:
//   npm run import -- police-uk FILE_OR_FOLDER…        (street CSVs)
//   npm run import -- police-uk-json FILE_OR_FOLDER…   (API JSON, .json or .json.gz)
// One transaction per file; a progress bar on stderr when it is a terminal; a summary at the end.
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ImportCommand } from '../cli/import.ts'
import { cliConfig, openMigratedDatabase } from '../cli/cli.ts'
import { inTransaction } from './imports.service.ts'
import { attributeIncidents } from './attribution.service.ts'
import { parseApiJson, parseStreetCsv, type ParsedFile } from './police-uk.parse.ts'
import type { ImportSummary } from './police-uk.import.ts'

function expand (paths: string[], pattern: RegExp): string[] {
  const files: string[] = []
  for (const path of paths) {
    if (statSync(path).isDirectory()) files.push(...expand(readdirSync(path).sort().map(name => join(path, name)), pattern).filter(f => pattern.test(f)))
    else files.push(path)
  }
  return files
}

function progress (done: number, total: number, label: string) {
  if (!process.stderr.isTTY) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`)
  if (done === total) process.stderr.write('\n')
}

function importer (kind: 'police-uk' | 'police-uk-json', pattern: RegExp): ImportCommand {
  return {
    kind,
    usage: `${kind} FILE_OR_FOLDER…`,
    async run (args) {
      if (args.length === 0) throw new Error(`say which files or folders to import: npm run import -- ${kind} FILE_OR_FOLDER…`)
      const files = expand(args, pattern)
      if (files.length === 0) throw new Error('no matching files found')
      const config = cliConfig()
      const handle = await openMigratedDatabase(config)
      const totals = { files: 0, rows: 0, imported: 0, updated: 0, unchanged: 0, skipped: 0, noLocation: 0, rejected: 0 }
      const failures: string[] = []
      const changed: number[] = []
      const started = Date.now()
      try {
        const parse = (file: string): Promise<ParsedFile> => kind === 'police-uk'
          ? parseStreetCsv(createReadStream(file))
          : Promise.resolve().then(() => parseApiJson(readFileSync(file)))
        // Parse the next file while this one is written (the database works in parallel in server mode).
        let next = parse(files[0]!)
        for (const [index, file] of files.entries()) {
          progress(index, files.length, basename(file))
          const current = next
          if (index + 1 < files.length) {
            next = parse(files[index + 1]!)
            next.catch(() => {})
          }
          try {
            const s: ImportSummary = await inTransaction(handle.db, await current, { fileName: basename(file), tz: config.tzLocal, kind }, { attribute: false })
            changed.push(...(s.changedIds ?? []))
            totals.files++
            for (const key of ['rows', 'imported', 'updated', 'unchanged', 'skipped', 'noLocation'] as const) totals[key] += s[key]
            totals.rejected += s.rejected.length
            for (const r of s.rejected.slice(0, 5)) failures.push(`${file}: line ${r.line}: ${r.reason}`)
          } catch (error) {
            failures.push(`${file}: ${(error as Error).message}`)
          }
        }
        progress(files.length, files.length, 'attributing to premises')
        // Attribution once at the end, in its own transaction (derived data; rerunning the import redoes it).
        await handle.db.transaction().execute(trx => attributeIncidents(trx, changed))
        progress(files.length, files.length, 'done')
      } finally {
        await handle.close()
      }
      const seconds = (Date.now() - started) / 1000
      console.log(`${totals.files} of ${files.length} files in ${seconds.toFixed(1)} s: ${totals.rows} rows, ${totals.imported} imported, ${totals.updated} updated, ` +
        `${totals.unchanged} unchanged, ${totals.skipped} skipped, ${totals.rejected} rejected, ${totals.noLocation} without a location`)
      for (const line of failures) console.error(line)
      if (totals.files < files.length) process.exitCode = 1
    }
  }
}

export const incidentsImportCommands: ImportCommand[] = [
  importer('police-uk', /\.csv$/i),
  importer('police-uk-json', /\.json(\.gz)?$/i)
]
