import createError from '@fastify/error'

export const PasswordLinkUnknown = createError('PASSWORD_LINK_UNKNOWN', 'This link is not complete or not ours: copy the whole link from the email into your browser', 404)
export const PasswordLinkUsed = createError('PASSWORD_LINK_USED', '%s', 410)
export const PasswordLinkExpired = createError('PASSWORD_LINK_EXPIRED', '%s', 410)
export const TooManyResets = createError('TOO_MANY_PASSWORD_RESETS', 'Too many requests for this email address: wait %s and try again', 429)
