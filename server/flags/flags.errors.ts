// Domain errors of the flags domain, with readable codes.
import createError from '@fastify/error'

export const FlagNotFound = createError('FLAG_NOT_FOUND', 'Flag %s was not found', 404)
export const FlagStatusConflict = createError('FLAG_STATUS_CONFLICT', '%s', 409)
