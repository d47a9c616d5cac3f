// Command-line importers of the premises domain, dispatched by server/cli/import.ts.
import type { ImportCommand } from '../cli/import.ts'

export const premisesImportCommands: ImportCommand[] = []
