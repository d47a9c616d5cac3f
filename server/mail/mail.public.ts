// What other domains may use of mail. Everything is called with the caller's transaction, so a
// message is queued together with the change that causes it (or not at all); the mail-send job
// delivers it. See docs/mail.md.
export { queueMail, queueNotificationMail, type MailMessage, type NotificationRecipient } from './mail.service.ts'
export {
  issueLinkToken, checkLinkToken, useLinkToken, revokeLinkTokens, unusedLinkTokens, requestEmailConfirmation, TOKEN_PATTERN,
  type ConfirmationRequest, type TokenCheck, type TokenState
} from './mail.tokens.ts'
export { absoluteLink, escapeHtml } from './mail.render.ts'
