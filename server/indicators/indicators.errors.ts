// Errors of the indicators domain.
import createError from '@fastify/error'

export const IndicatorNotFound = createError('INDICATOR_NOT_FOUND', 'There is no indicator called "%s": choose one from the indicators page', 404)
