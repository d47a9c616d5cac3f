// What the rest of the server may use of accounts: creating one and checking a password against
// the policy (the user:add command), counting them (demo seeding only into an empty database),
// hashing a password (demo accounts), the session check behind every token (the auth plugin),
// the attempt limits (counted in the database, so they hold across instances) for anything the
// public can try too often, with the wait in words, the one form of an email, and ending a
// user's sessions (after a password reset, say).
// Access rules are in access.ts.
export { createUser } from './auth.service.ts'
export { countUsers, type UserRow } from './auth.repository.ts'
// Whom work on "Today" can be assigned to (server/work).
export { activeUsersInRoles } from './auth.repository.ts'
export { hashPassword } from './password.ts'
export { assertPasswordAllowed, passwordProblem, MIN_PASSWORD_LENGTH } from './password-policy.ts'
export { findSessionUser } from './sessions.repository.ts'
export { SessionCache } from './session-cache.ts'
export { endSessionsOfUser } from './sessions.ts'
export { takeAttempt, forgiveAttempt, clearAttempts, addressKey, type ThrottleKey, type ThrottleRule, type ThrottleDecision } from './throttle.ts'
export { normaliseEmail, loginRules } from './login.service.ts'
export { CrossSiteRequest, tooManyAttempts, waitInWords } from './auth.errors.ts'
export type { SessionEndReason } from './auth.tables.ts'
// For invitations and password resets by email (server/onboarding): the account behind an email,
// and setting its password once a one-time link is spent.
export { findAccountByEmail, setAccountPassword } from './password-link.ts'
