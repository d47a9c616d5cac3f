// The password rules, after the NCSC's password guidance: length rather than composition rules,
// and a deny list of the passwords people choose most (Mozilla's list of the 50,000 most common,
// from the Firefox Accounts sign-up check), tried as typed, in lower case and without spaces.
// Every way a password is set (admin screen, user:add, invitations, resets) goes through here.
import { fieldError } from '../errors.ts'

// Loaded on first use: 50,000 strings that a process which never sets a password need not hold.
let commonPasswords: Promise<{ test: (password: string) => boolean }> | undefined
const commonList = () => (commonPasswords ??= import('fxa-common-password-list').then(m => m.default))

export const MIN_PASSWORD_LENGTH = 12

/** What is wrong with a new password, in words for the person choosing it; undefined if nothing. */
export async function passwordProblem (password: string): Promise<string | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Choose a longer password: at least ${MIN_PASSWORD_LENGTH} characters`
  const lower = password.toLowerCase()
  const list = await commonList()
  if ([password, lower, lower.replace(/\s+/g, '')].some(candidate => list.test(candidate))) {
    return 'That password is too common: choose another'
  }
  // "letmeinletmein", "abcabcabcabc": one short piece repeated is as easy to guess as the piece.
  if (/^(.+?)\1+$/su.test(lower)) return 'That password is too easy to guess because it repeats itself: choose another'
  return undefined
}

/** Throws a 400 naming the field when the password breaks the rules. */
export async function assertPasswordAllowed (password: string, field = 'password'): Promise<void> {
  const problem = await passwordProblem(password)
  if (problem) throw fieldError(field, problem, 'PASSWORD_NOT_ALLOWED')
}
