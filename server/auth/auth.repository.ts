import { sql } from 'kysely'
import type { Db, Role } from '../db/types.ts'

export interface UserRow {
  id: number
  email: string
  name: string
  role: Role
  organisation: string | null
  active: boolean
  premisesIds: number[]
}

const userColumns = ['users.id', 'users.email', 'users.name', 'users.role', 'users.organisation', 'users.active'] as const

/** Users with the premises each manages (a venue manager's scope). */
export function usersWithPremises (db: Db) {
  return db.selectFrom('users')
    .select(userColumns)
    .select(eb => sql<number[]>`coalesce((select array_agg(pm.premises_id order by pm.premises_id) from premises_managers pm where pm.user_id = ${eb.ref('users.id')}), '{}')`.as('premisesIds'))
}

export function findUserById (db: Db, id: number): Promise<UserRow | undefined> {
  return usersWithPremises(db).where('users.id', '=', id).executeTakeFirst()
}

export function findUserByEmail (db: Db, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst()
}

export function listUsers (db: Db, filter: { role?: Role }) {
  let query = usersWithPremises(db).orderBy('users.name')
  if (filter.role) query = query.where('users.role', '=', filter.role)
  return query.execute()
}

export function insertUser (db: Db, user: { email: string; name: string; role: Role; organisation: string | null; passwordHash: string }) {
  return db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow()
}

export function updateUser (db: Db, id: number, changes: Partial<{ name: string; role: Role; organisation: string | null; active: boolean; passwordHash: string }>) {
  return db.updateTable('users').set(changes).where('id', '=', id).executeTakeFirst()
}

export function touchLogin (db: Db, id: number) {
  return db.updateTable('users').set({ lastLoginAt: new Date() }).where('id', '=', id).execute()
}

export async function setManagedPremises (db: Db, userId: number, premisesIds: number[]) {
  await db.deleteFrom('premisesManagers').where('userId', '=', userId).execute()
  if (premisesIds.length) {
    await db.insertInto('premisesManagers').values(premisesIds.map(premisesId => ({ userId, premisesId }))).execute()
  }
}

export async function existingPremisesIds (db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('premises').select('id').where('id', 'in', ids).execute()
  return rows.map(r => r.id)
}

export async function countUsers (db: Db): Promise<number> {
  const row = await db.selectFrom('users').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Active accounts holding one of these roles, by name: whom work can be handed to. */
export function activeUsersInRoles (db: Db, roles: readonly Role[]) {
  return db.selectFrom('users').select(['id', 'name'])
    .where('active', '=', true).where('role', 'in', [...roles]).orderBy('name').orderBy('id').execute()
}
