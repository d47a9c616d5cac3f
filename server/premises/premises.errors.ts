// Errors of the premises register, each with a readable code the client and scripts can rely on.
import createError from '@fastify/error'

export const PremisesNotFound = createError('PREMISES_NOT_FOUND', 'There is no premises %s', 404)
export const LicenceNumberTaken = createError('LICENCE_NUMBER_TAKEN', 'Licence number %s is already on the register', 409)
export const LicenceFieldsForbidden = createError('LICENCE_FIELDS_FORBIDDEN', 'A venue manager may change only contact and operating fields (phone, email, website, opening hours); ask the licensing team to change: %s', 403)
export const MalformedImport = createError('MALFORMED_IMPORT', '%s', 400)
export const UnsupportedImport = createError('UNSUPPORTED_IMPORT', '%s', 415)
