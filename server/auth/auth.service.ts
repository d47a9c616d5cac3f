// Accounts: login, creation (admin screen and the user:add CLI) and changes, each audited.
import type { Kysely } from 'kysely'
import type { Database, Db, Role } from '../db/types.ts'
import type { NewUser, UserChanges } from '../../shared/schemas/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { fieldError } from '../errors.ts'
import * as users from './auth.repository.ts'
import { InvalidCredentials, UnknownPremises, UserExists, UserNotFound } from './auth.errors.ts'
import { dummyVerify, hashPassword, verifyPassword } from './password.ts'
import { assertPasswordAllowed } from './password-policy.ts'
import { endSessionsOfUser } from './sessions.ts'
import type { SessionEndReason } from './auth.tables.ts'

/** The user accounts (admin), optionally of one role, each with the premises it manages. */
export function listUsers (db: Db, filter: { role?: Role }) {
  return users.listUsers(db, filter)
}

export async function authenticate (db: Kysely<Database>, email: string, password: string): Promise<users.UserRow> {
  const row = await users.findUserByEmail(db, email.trim())
  if (!row || !row.active) {
    await dummyVerify(password)
    throw new InvalidCredentials()
  }
  if (!(await verifyPassword(row.passwordHash, password))) throw new InvalidCredentials()
  await users.touchLogin(db, row.id)
  return (await users.findUserById(db, row.id))!
}

/** A responsible-authority account names its organisation; no other role has one. */
function checkedOrganisation (role: Role, organisation: string | null | undefined): string | null {
  if (role === 'responsible_authority') {
    if (!organisation) throw fieldError('organisation', 'Choose the organisation this responsible authority account speaks for')
    return organisation
  }
  if (organisation) throw fieldError('organisation', 'Only a responsible authority account has an organisation; police and licensing officers are their own')
  return null
}

function checkPremisesRole (role: Role, premisesIds: number[] | undefined) {
  if (premisesIds?.length && role !== 'venue_manager') {
    throw fieldError('premisesIds', 'Only a venue manager account manages premises: leave the premises out for this role')
  }
}

async function checkPremisesExist (db: Parameters<typeof users.existingPremisesIds>[0], ids: number[]) {
  const found = new Set(await users.existingPremisesIds(db, ids))
  const missing = ids.find(id => !found.has(id))
  if (missing !== undefined) throw new UnknownPremises(String(missing))
}

/**
 * Creates an account, audited. `alsoInTransaction` runs in the same transaction with the new
 * account (an invitation queues its email there), so neither is kept without the other.
 */
export async function createUser (db: Kysely<Database>, actorId: number | null, input: NewUser, alsoInTransaction?: (trx: Db, created: users.UserRow) => Promise<void>): Promise<users.UserRow> {
  checkPremisesRole(input.role, input.premisesIds)
  await assertPasswordAllowed(input.password)
  const organisation = checkedOrganisation(input.role, input.organisation)
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async trx => {
    if (await users.findUserByEmail(trx, input.email)) throw new UserExists(input.email)
    const { id } = await users.insertUser(trx, { email: input.email.trim(), name: input.name.trim(), role: input.role, organisation, passwordHash })
    if (input.premisesIds?.length) {
      await checkPremisesExist(trx, input.premisesIds)
      await users.setManagedPremises(trx, id, input.premisesIds)
    }
    const created = (await users.findUserById(trx, id))!
    await recordAudit(trx, { userId: actorId, action: 'create', entity: 'user', entityId: id, after: created })
    if (alsoInTransaction) await alsoInTransaction(trx, created)
    return created
  })
}


/** Which change to an account ends its sessions, if any: a lost password, access or role. */
function sessionEndReason (before: users.UserRow, changes: UserChanges): SessionEndReason | undefined {
  if (changes.active === false && before.active) return 'deactivated'
  if (changes.password !== undefined) return 'password-changed'
  if (changes.role !== undefined && changes.role !== before.role) return 'role-changed'
  return undefined
}

/**
 * Changes an account. A password, role or deactivation ends the account's sessions in the same
 * transaction (the caller then drops its cache: app.forgetUser); an administrator changing their
 * own password keeps the session they are using.
 */
export async function updateUser (db: Kysely<Database>, actor: { id: number; sessionId?: string }, id: number, changes: UserChanges): Promise<users.UserRow> {
  const actorId = actor.id
  if (changes.password !== undefined) await assertPasswordAllowed(changes.password)
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined
  return db.transaction().execute(async trx => {
    const before = await users.findUserById(trx, id)
    if (!before) throw new UserNotFound(String(id))
    const role = changes.role ?? before.role
    checkPremisesRole(role, changes.premisesIds)
    const organisation = changes.role !== undefined || changes.organisation !== undefined
      ? checkedOrganisation(role, changes.organisation !== undefined ? changes.organisation : role === before.role ? before.organisation : null)
      : undefined
    if (id === actorId && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
      throw fieldError(changes.active === false ? 'active' : 'role', 'You cannot remove your own administrator access')
    }
    const set: Parameters<typeof users.updateUser>[2] = {}
    if (changes.name !== undefined) set.name = changes.name.trim()
    if (changes.role !== undefined) set.role = changes.role
    if (organisation !== undefined) set.organisation = organisation
    if (changes.active !== undefined) set.active = changes.active
    if (passwordHash) set.passwordHash = passwordHash
    if (Object.keys(set).length) await users.updateUser(trx, id, set)
    if (changes.premisesIds !== undefined) {
      await checkPremisesExist(trx, changes.premisesIds)
      await users.setManagedPremises(trx, id, changes.premisesIds)
    } else if (role !== 'venue_manager' && before.premisesIds.length) {
      await users.setManagedPremises(trx, id, [])
    }
    const reason = sessionEndReason(before, changes)
    if (reason) await endSessionsOfUser(trx, id, reason, { keep: id === actorId ? actor.sessionId : undefined })
    const after = (await users.findUserById(trx, id))!
    await recordAudit(trx, { userId: actorId, action: 'update', entity: 'user', entityId: id, before, after })
    return after
  })
}
