import createError from '@fastify/error'

export const InvalidCredentials = createError('INVALID_CREDENTIALS', 'Email or password is not right', 401)
export const UserExists = createError('USER_EXISTS', 'An account with email %s already exists', 409)
export const UserNotFound = createError('USER_NOT_FOUND', 'User %s not found', 404)
export const UnknownPremises = createError('UNKNOWN_PREMISES', 'No premises with id %s', 400)
