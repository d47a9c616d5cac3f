import createError from '@fastify/error'

export const ConcernNotFound = createError('CONCERN_NOT_FOUND', 'There is no concern %s', 404)
export const CaseNotFound = createError('CASE_NOT_FOUND', 'We cannot find that report. Check the link in your email is complete.', 404)
export const ConfirmationLinkUnknown = createError('CONFIRMATION_LINK_UNKNOWN', 'This confirmation link is not complete or not ours. Copy the whole link from the email.', 404)
export const ConfirmationLinkExpired = createError('CONFIRMATION_LINK_EXPIRED', 'This confirmation link has expired. Report the concern again and confirm it within 3 days.', 410)
export const TooManyConcerns = createError('TOO_MANY_CONCERNS', '%s', 429)
export const ConcernClosed = createError('CONCERN_CLOSED', '%s', 409)
