// Errors of "Today", each with a readable code.
import createError from '@fastify/error'

export const WorkNotWaiting = createError('WORK_NOT_WAITING', 'That work is no longer waiting on the team (it may have been done): reload Today to see what is', 404)
