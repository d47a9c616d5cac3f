// Errors of the incidents domain, with readable codes.
import createError from '@fastify/error'

export const IncidentNotFound = createError('INCIDENT_NOT_FOUND', 'Incident %s was not found', 404)
export const IncidentReadOnly = createError('INCIDENT_READ_ONLY', '%s', 409)
/** The edit window has closed for this user (INCIDENT_EDIT_WINDOW_HOURS): the message says what to do instead. */
export const IncidentWindowClosed = createError('INCIDENT_WINDOW_CLOSED', '%s', 409)
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

export const ImportProfileNotFound = createError('IMPORT_PROFILE_NOT_FOUND', 'There is no import profile called "%s": save one first (PUT /api/imports/profiles/%s)', 404)
export const ImportProfileBuiltIn = createError('IMPORT_PROFILE_BUILT_IN', 'The profile "%s" ships with Nightsafe and cannot be changed: save a copy under another name', 409)
const PersonalData = createError('IMPORT_PERSONAL_DATA', '%s', 400)
const RowsInvalid = createError('IMPORT_ROW_INVALID', '%s', 400)

/** A file with columns of personal data: 400 naming them, nothing written. */
export class ImportPersonalData extends PersonalData {
  details: { line: number; columns: { column: string; letter: string; kind: string }[] }
  constructor (message: string, columns: { column: string; letter: string; kind: string }[]) {
    super(message)
    this.details = { line: 1, columns }
  }
}

/** Rows that cannot be read: 400 naming the first line and column, every problem in details. */
export class ImportRowsInvalid extends RowsInvalid {
  details: { line: number; column: string | null; problems: { line: number; column: string | null; message: string }[] }
  constructor (message: string, problems: { line: number; column: string | null; message: string }[]) {
    super(message)
    this.details = { line: problems[0]!.line, column: problems[0]!.column, problems }
  }
}

/** police.uk could not be asked or answered with an error: the sync stops and can be run again. 424 (Failed Dependency), not a 5xx: Nightsafe itself is well, and the officer is told what to check. */
export const PoliceUkUnavailable = createError('POLICE_UK_UNAVAILABLE', '%s', 424)
