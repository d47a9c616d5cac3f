// npm run import -- <kind> FILE_OR_FOLDER…
// Kinds: premises-fhrs, premises-register (premises domain); police-uk, police-uk-json (incidents).
import { fail } from './cli.ts'
import { premisesImportCommands } from '../premises/premises.cli.ts'
import { incidentsImportCommands } from '../incidents/incidents.cli.ts'

export interface ImportCommand {
  kind: string
  usage: string
  run: (args: string[]) => Promise<void>
}

const commands: ImportCommand[] = [...premisesImportCommands, ...incidentsImportCommands]
const [kind, ...rest] = process.argv.slice(2)
const command = commands.find(c => c.kind === kind)
if (!command) {
  const usage = commands.map(c => `  npm run import -- ${c.usage}`).join('\n') || '  (no importers registered)'
  fail(`${kind ? `unknown import kind "${kind}"` : 'say what to import'}. Usage:\n${usage}`)
}
try {
  await command.run(rest)
} catch (error) {
  fail((error as Error).message)
}
