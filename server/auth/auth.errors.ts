import createError from '@fastify/error'

export const InvalidCredentials = createError('INVALID_CREDENTIALS', 'Email or password is not right', 401)
export const UserExists = createError('USER_EXISTS', 'An account with email %s already exists', 409)
export const UserNotFound = createError('USER_NOT_FOUND', 'User %s not found', 404)
export const UnknownPremises = createError('UNKNOWN_PREMISES', 'No premises with id %s', 400)

const TooManyAttempts = createError('TOO_MANY_LOGIN_ATTEMPTS', 'Too many attempts to log in with these details: wait %s and try again', 429)

/** "wait 45 seconds", "wait 2 minutes": a person reads it on the login form. */
export function waitInWords (ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** A 429 whose Retry-After the error handler sends. */
export function tooManyAttempts (retryAfterMs: number) {
  const error = new TooManyAttempts(waitInWords(retryAfterMs)) as InstanceType<typeof TooManyAttempts> & { retryAfterSeconds: number }
  error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return error
}

export const CrossSiteRequest = createError('CROSS_SITE_REQUEST', 'This change did not come from the Nightsafe app (a request using the session cookie must send an X-Requested-With header). Reload the page and try again.', 403)
