// What the rest of the server may use of accounts: creating one and checking a password against
// the policy (the user:add command), counting them (demo seeding only into an empty database),
// hashing a password (demo accounts), and loading the user behind a token (the auth plugin);
// and the attempt limits (counted in the database, so they hold across instances) for anything
// the public can try too often, with the wait in words. Access rules are in access.ts.
export { createUser } from './auth.service.ts'
export { countUsers, findUserById, type UserRow } from './auth.repository.ts'
export { hashPassword } from './password.ts'
export { passwordProblem } from './password-policy.ts'
export { takeAttempt, addressKey, type ThrottleKey, type ThrottleRule, type ThrottleDecision } from './throttle.ts'
export { waitInWords } from './auth.errors.ts'
export { normaliseEmail } from './login.service.ts'
