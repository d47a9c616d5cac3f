// Accounts that onboard themselves: an administrator invites a person by email (the account is
// made at once, with a password nobody knows, and the invitation's link sets the real one), and
// anyone can ask for a password reset by email. Both links work once and expire; the database
// keeps only their hashes (mail.tokens.ts). "Forgot password" answers the same whether or not
// the account exists, and is limited like logging in, per email and per address.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types.ts'
import type { InvitationInput, SetPasswordInput } from '../../shared/schemas/onboarding.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { fieldError } from '../errors.ts'
import {
  addressKey, createUser, endSessionsOfUser, findAccountByEmail, hashPassword, loginRules, normaliseEmail, passwordProblem,
  setAccountPassword, takeAttempt, waitInWords
} from '../auth/auth.public.ts'
import { issueLinkToken, queueMail, revokeLinkTokens, useLinkToken } from '../mail/mail.public.ts'
import { PasswordLinkExpired, PasswordLinkUnknown, PasswordLinkUsed, TooManyResets } from './onboarding.errors.ts'

const HOUR = 3600_000
export const INVITATION_TTL_MS = 7 * 24 * HOUR
export const RESET_TTL_MS = HOUR
const PURPOSES = { invitation: 'invitation', reset: 'password-reset' } as const
type Purpose = keyof typeof PURPOSES

export const FORGOT_PASSWORD_ANSWER = 'If an account uses that email address, we have sent it a link to choose a new password. The link works for one hour.'

const ROLE_WORDS: Record<string, string> = {
  admin: 'an administrator', licensing_officer: 'a licensing officer', police: 'a police user',
  venue_manager: 'a venue manager', responsible_authority: 'a responsible authority user'
}

export interface Requester { address: string; rules: ReturnType<typeof loginRules> }

/** Queues a reset link for an active account; the same answer otherwise. */
export async function forgotPassword (db: Kysely<Database>, email: string, from: Requester): Promise<{ message: string }> {
  const key = normaliseEmail(email)
  const decision = await takeAttempt(db, [
    { kind: 'reset-email', key, rule: from.rules.email },
    { kind: 'reset-address', key: addressKey(from.address), rule: from.rules.address }
  ])
  if (!decision.allowed) throw new TooManyResets(waitInWords(decision.retryAfterMs))
  await db.transaction().execute(async trx => {
    const account = await findAccountByEmail(trx, key)
    if (!account || !account.active) return
    // A newer link replaces any older one still open.
    await revokeLinkTokens(trx, PURPOSES.reset, account.id)
    const token = await issueLinkToken(trx, { purpose: PURPOSES.reset, subjectId: account.id, email: account.email, ttlMs: RESET_TTL_MS })
    await queueMail(trx, {
      kind: 'password_reset', to: account.email, userId: account.id, subject: 'Choose a new Nightsafe password',
      text: `Dear ${account.name},\n\nSomeone (we hope you) asked to choose a new password for your Nightsafe account. The link below works once, for one hour.\n\nIf you did not ask, you can ignore this email: your password stays as it is.`,
      link: `/reset-password?token=${token}`, linkLabel: 'Choose a new password', secretLink: true
    })
  })
  return { message: FORGOT_PASSWORD_ANSWER }
}

/** Creates the account and queues the email with the link that sets its password, together. */
export async function invite (db: Kysely<Database>, actor: { id: number; name: string }, input: InvitationInput) {
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS)
  // Nobody knows this password: the account opens only through the link.
  const user = await createUser(db, actor.id, { ...input, password: randomBytes(32).toString('base64url') }, async (trx, created) => {
    const token = await issueLinkToken(trx, { purpose: PURPOSES.invitation, subjectId: created.id, email: created.email, ttlMs: INVITATION_TTL_MS })
    await queueMail(trx, {
      kind: 'invitation', to: created.email, userId: created.id, subject: 'You are invited to Nightsafe',
      text: `Dear ${created.name},\n\n${actor.name} has made you a Nightsafe account as ${ROLE_WORDS[created.role] ?? created.role}. Nightsafe is the City's system for licensed premises and the night-time economy.\n\nChoose your password with the link below. It works once, and for 7 days; after that, ask for a new invitation or use "Forgot your password?" on the login page.`,
      link: `/invitation?token=${token}`, linkLabel: 'Choose your password', secretLink: true
    })
    await recordAudit(trx, { userId: actor.id, action: 'invite', entity: 'user', entityId: created.id, after: { email: created.email, role: created.role, expiresAt } })
  })
  return { user: { ...user }, expiresAt: expiresAt.toISOString() }
}

const USED: Record<Purpose, string> = {
  invitation: 'This invitation has been used already. Log in with the password you chose, or use "Forgot your password?" on the login page.',
  reset: 'This link has been used already. Ask for a new one with "Forgot your password?" on the login page.'
}
const EXPIRED: Record<Purpose, string> = {
  invitation: 'This invitation has expired. Ask the administrator who invited you for a new one, or use "Forgot your password?" on the login page.',
  reset: 'This link has expired: it works for one hour. Ask for a new one with "Forgot your password?" on the login page.'
}

/** Sets the password through a link, once: the token is spent in the same transaction. */
/** What the audit log calls each way a password is set by link. */
const AUDIT_ACTIONS: Record<Purpose, string> = { reset: 'reset-password', invitation: 'accept-invitation' }

export async function setPasswordByLink (db: Kysely<Database>, purpose: Purpose, input: SetPasswordInput): Promise<{ userId: number; email: string }> {
  const problem = await passwordProblem(input.password)
  if (problem) throw fieldError('password', problem, 'PASSWORD_NOT_ALLOWED')
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async trx => {
    const check = await useLinkToken(trx, PURPOSES[purpose], input.token)
    if (check.state === 'used') throw new PasswordLinkUsed(USED[purpose])
    if (check.state === 'expired') throw new PasswordLinkExpired(EXPIRED[purpose])
    if (check.state !== 'valid') throw new PasswordLinkUnknown()
    const userId = Number(check.subjectId)
    const account = await setAccountPassword(trx, userId, passwordHash)
    if (!account || !account.active) throw new PasswordLinkUnknown()
    // The other kind of link is no longer needed either.
    await revokeLinkTokens(trx, PURPOSES[purpose === 'reset' ? 'invitation' : 'reset'], userId)
    // A reset is for a lost or stolen password: wherever the old one was used is logged out.
    await endSessionsOfUser(trx, userId, purpose === 'reset' ? 'password-reset' : 'password-changed')
    await recordAudit(trx, { userId, action: AUDIT_ACTIONS[purpose], entity: 'user', entityId: userId })
    return { userId, email: account.email }
  })
}
