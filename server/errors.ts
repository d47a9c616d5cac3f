// Errors shared by every domain. Each domain adds its own in <domain>.errors.ts with @fastify/error.
import createError from '@fastify/error'

export const NotAuthenticated = createError('NOT_AUTHENTICATED', 'Log in to continue: %s', 401)
export const Forbidden = createError('FORBIDDEN', '%s', 403)
export const NotFound = createError('NOT_FOUND', '%s', 404)
export const BadRequest = createError('BAD_REQUEST', '%s', 400)

/** A 400 that names the field at fault, like the schema validation errors do. */
export function fieldError (field: string, message: string, code = 'FST_ERR_VALIDATION') {
  const error = new BadRequest(message) as unknown as Error & { field: string; code: string }
  error.field = field
  error.code = code
  return error
}
