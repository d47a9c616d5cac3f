// Command-line importers of the premises domain, dispatched by server/cli/import.ts:
//   npm run import -- premises-fhrs FILE [--types pub,restaurant,hotel,takeaway]
//   npm run import -- premises-register FILE [--map licenceNumber=Licence Number,name=Trading Name,...]
// In embedded mode run them while the app is stopped (one process owns the database).
import { readFileSync } from 'node:fs'
import type { ImportCommand } from '../cli/import.ts'
import { cliConfig, fail, openMigratedDatabase } from '../cli/cli.ts'
import { parseArgs } from 'node:util'
import { FHRS_TYPES, type FhrsTypeKey, type RegisterMapping } from '../../shared/schemas/premises.ts'
import { importFhrs, importRegister, type ImportResult } from './import/import.service.ts'
import { plural } from '../../shared/plural.ts'

function readFile (path: string | undefined, usage: string): string {
  if (!path) fail(`say which file to import: npm run import -- ${usage}`)
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    fail(`cannot read ${path}: ${(error as Error).message}`)
  }
}

/** "field=Header,field=Header" → {field: Header}. */
export function parseMapping (raw: string): RegisterMapping {
  const mapping: Record<string, string> = {}
  for (const pair of raw.split(',')) {
    const at = pair.indexOf('=')
    if (at < 1) fail(`--map wants field=Header pairs separated by commas, got "${pair}"`)
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return mapping as RegisterMapping
}

function printReport (label: string, report: ImportResult) {
  console.log(`${label}: ${plural(report.rows, 'row')}, ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped, ${report.rejected.length} rejected`)
  for (const r of report.rejected.slice(0, 50)) console.log(`  rejected ${r.line !== undefined ? `line ${r.line}` : r.element}: ${r.reason}`)
  if (report.rejected.length > 50) console.log(`  … and ${report.rejected.length - 50} more`)
}

async function run (label: string, work: (db: Awaited<ReturnType<typeof openMigratedDatabase>>['db']) => Promise<ImportResult>) {
  const handle = await openMigratedDatabase(cliConfig())
  try {
    printReport(label, await work(handle.db))
  } catch (error) {
    const e = error as Error & { statusCode?: number }
    if (e.statusCode && e.statusCode < 500) fail(e.message)
    throw error
  } finally {
    await handle.close()
  }
}

export const premisesImportCommands: ImportCommand[] = [
  {
    kind: 'premises-fhrs',
    usage: 'premises-fhrs FILE.xml [--types pub,restaurant,hotel,takeaway]',
    async run (args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { types: { type: 'string' } } })
      const types = (values.types ?? 'pub').split(',').map(t => t.trim()) as FhrsTypeKey[]
      const unknown = types.find(t => !(t in FHRS_TYPES))
      if (unknown) fail(`--types: "${unknown}" is not one of ${Object.keys(FHRS_TYPES).join(', ')}`)
      const xml = readFile(positionals[0], this.usage)
      await run(positionals[0]!, db => importFhrs(db, null, xml, types))
    }
  },
  {
    kind: 'premises-register',
    usage: 'premises-register FILE.csv [--map licenceNumber=Header,name=Header,...]',
    async run (args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { map: { type: 'string' } } })
      const csv = readFile(positionals[0], this.usage)
      await run(positionals[0]!, db => importRegister(db, null, csv, values.map ? parseMapping(values.map) : undefined))
    }
  }
]
