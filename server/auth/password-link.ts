// What setting a password by emailed link needs of accounts, kept apart from the rest of auth:
// finding the account behind an address, and storing a password hash already checked against
// the policy. The caller (server/onboarding) spends the link's token in the same transaction.
import type { Db } from '../db/types.ts'
import * as users from './auth.repository.ts'

/** The account using this email (any case), with whether it is active; undefined if none. */
export async function findAccountByEmail (db: Db, email: string) {
  const row = await users.findUserByEmail(db, email.trim())
  return row ? { id: row.id, email: row.email, name: row.name, active: row.active } : undefined
}

/** Stores the new password hash; returns the account, or undefined if it no longer exists. */
export async function setAccountPassword (db: Db, userId: number, passwordHash: string) {
  await users.updateUser(db, userId, { passwordHash })
  return users.findUserById(db, userId)
}
