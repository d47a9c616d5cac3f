// Command-line importers of the incidents domain, dispatched by server/cli/import.ts:
//   npm run import -- police-uk FILE_OR_FOLDER…        (street CSVs)
//   npm run import -- police-uk-json FILE_OR_FOLDER…   (API JSON, .json or .json.gz)
// One transaction per file (police-uk.bulk.ts); a progress bar on stderr when it is a terminal;
// a summary at the end.
import { readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ImportCommand } from '../cli/import.ts'
import { cliConfig, openMigratedDatabase } from '../cli/cli.ts'
import { importPoliceUkFiles, type BulkResult } from './police-uk.bulk.ts'
import { plural } from '../../shared/plural.ts'

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
      let result: BulkResult
      try {
        progress(0, files.length, basename(files[0]!))
        result = await importPoliceUkFiles(handle.db, kind, files, { tz: config.tzLocal, mode: handle.mode, onProgress: progress })
      } finally {
        await handle.close()
      }
      const { totals, failures, seconds } = result
      console.log(`${totals.files} of ${plural(files.length, 'file')} in ${seconds.toFixed(1)} s: ${plural(totals.rows, 'row')}, ${totals.imported} imported, ${totals.updated} updated, ` +
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
