// The demo accounts: the four named in the API contract, an environmental health officer (a
// responsible authority for casework) and a second licensing officer (so work on "Today" can be
// assigned to a colleague); created only with demo data.
import type { Transaction } from 'kysely'
import type { Database, Role } from '../db/types.ts'
import { hashPassword } from '../auth/auth.public.ts'

export const DEMO_PASSWORD = 'nightsafe-demo'

type DemoKey = 'admin' | 'officer' | 'colleague' | 'police' | 'manager' | 'eho'

export const DEMO_ACCOUNTS: { key: DemoKey; email: string; name: string; role: Role; organisation?: string }[] = [
  { key: 'admin', email: 'admin@example.org', name: 'Ada Admin (demo)', role: 'admin' },
  { key: 'officer', email: 'officer@example.org', name: 'Olu Officer (demo)', role: 'licensing_officer' },
  { key: 'colleague', email: 'officer2@example.org', name: 'Kemi Colleague (demo)', role: 'licensing_officer' },
  { key: 'police', email: 'police@example.org', name: 'PC Priya Patel (demo)', role: 'police' },
  { key: 'manager', email: 'manager@example.org', name: 'Morgan Manager (demo)', role: 'venue_manager' },
  { key: 'eho', email: 'eho@example.org', name: 'Esme Environmental Health (demo)', role: 'responsible_authority', organisation: 'environmental_health' }
]

export async function seedDemoAccounts (db: Transaction<Database>) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const ids = {} as Record<DemoKey, number>
  for (const account of DEMO_ACCOUNTS) {
    const row = await db.insertInto('users')
      .values({ email: account.email, name: account.name, role: account.role, organisation: account.organisation ?? null, passwordHash })
      .returning('id').executeTakeFirstOrThrow()
    ids[account.key] = row.id
  }
  return ids
}
