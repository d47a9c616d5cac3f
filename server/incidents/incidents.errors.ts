// Errors of the incidents domain, with readable codes.
import createError from '@fastify/error'

export const IncidentNotFound = createError('INCIDENT_NOT_FOUND', 'Incident %s was not found', 404)
export const IncidentReadOnly = createError('INCIDENT_READ_ONLY', '%s', 409)
const FileInvalid = createError('IMPORT_FILE_INVALID', '%s', 400)

/** A file that is not what the importer expects: 400 naming the line, nothing written. */
export class ImportFileInvalid extends FileInvalid {
  line: number
  details: { line: number }
  constructor (message: string, line: number) {
    super(message)
    this.line = line
    this.details = { line }
  }
}
