import createError from '@fastify/error'

export const MailMessageNotFound = createError('MAIL_MESSAGE_NOT_FOUND', 'There is no message %s in the outbox', 404)
export const MailNotFailed = createError('MAIL_NOT_FAILED', 'Message %s is %s; only a failed message can be sent again', 409)
