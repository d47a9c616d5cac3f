// Command-line importers of the incidents domain, dispatched by server/cli/import.ts.
import type { ImportCommand } from '../cli/import.ts'

export const incidentsImportCommands: ImportCommand[] = []
