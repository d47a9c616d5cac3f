import createError from '@fastify/error'

export const MailMessageNotFound = createError('MAIL_MESSAGE_NOT_FOUND', 'There is no message %s in the outbox', 404)
export const MailNotFailed = createError('MAIL_NOT_FAILED', 'Message %s is %s; only a failed message can be sent again', 409)

const ELSEWHERE = 'Use the link in a more recent email from Nightsafe, or log in and choose which emails you get on Email preferences.'
export const UnsubscribeLinkInvalid = createError('UNSUBSCRIBE_LINK_INVALID', `This unsubscribe link is not complete or has been changed. Copy the whole link from the email into your browser. ${ELSEWHERE}`, 400)
export const UnsubscribeLinkExpired = createError('UNSUBSCRIBE_LINK_EXPIRED', `This unsubscribe link is more than a year old and no longer works. ${ELSEWHERE}`, 400)
