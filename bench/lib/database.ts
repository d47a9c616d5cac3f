// Database chores for the bench and the quality tests: throwaway PostgreSQL databases, opening
// and migrating a database before an app process starts on it, users, and bulk synthetic data.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql, type Kysely } from 'kysely'
import { connectDatabase, type DatabaseHandle } from '../../server/db/connect.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import type { Database } from '../../server/db/types.ts'
import { hashPassword } from '../../server/auth/password.ts'
import type { Role } from '../../shared/roles.ts'
import { generateIncidents, generatePremises, type SyntheticOptions } from './synthetic.ts'

export const BENCH_PASSWORD = 'bench-password-not-secret'

export interface ScratchDatabase { url: string; drop: () => Promise<void> }

/** Creates an empty database next to the admin URL's; drop() removes it (forcing connections off). */
export async function createScratchDatabase (adminUrl: string, prefix = 'nightsafe_q'): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    }
  }
}

/** Opens (PostgreSQL URL or embedded folder) and migrates; close it before an app opens an embedded folder. */
export async function openMigrated (target: { url?: string; dataDir?: string }): Promise<DatabaseHandle> {
  const handle = await connectDatabase({ databaseUrl: target.url, dataDir: target.dataDir ?? ':memory:', poolSize: 4 })
  await migrateToLatest(handle.db)
  return handle
}

let hashed: Promise<string> | undefined
export async function addUser (db: Kysely<Database>, role: Role, email: string, premisesIds: number[] = []): Promise<number> {
  const passwordHash = await (hashed ??= hashPassword(BENCH_PASSWORD))
  const { id } = await db.insertInto('users').values({ email, name: `Bench ${role}`, role, organisation: role === 'responsible_authority' ? 'environmental_health' : null, passwordHash }).returning('id').executeTakeFirstOrThrow()
  if (premisesIds.length) await db.insertInto('premisesManagers').values(premisesIds.map(premisesId => ({ userId: id, premisesId }))).execute()
  return id
}

export interface GenerateResult { premisesIds: number[]; incidents: number; seconds: number }

/** Inserts synthetic premises and incidents (multi-row INSERT … SELECT FROM unnest() in batches). */
export async function insertSynthetic (db: Kysely<Database>, options: SyntheticOptions, onProgress?: (done: number) => void): Promise<GenerateResult> {
  const started = Date.now()
  const premises = generatePremises(options)
  const premisesIds: number[] = []
  for (let i = 0; i < premises.length; i += 500) {
    const rows = premises.slice(i, i + 500).map(p => ({
      name: p.name, address: `${p.name}, City of London`, postcode: p.postcode, lat: p.lat, lng: p.lng, easting: p.easting, northing: p.northing,
      licenceNumber: p.licenceNumber, licenceHolder: 'Synthetic Holdings Ltd', dpsName: 'Sam Synthetic', activities: ['sale_of_alcohol_on'], capacity: p.capacity
    }))
    const ids = await db.insertInto('premises').values(rows).returning('id').execute()
    premisesIds.push(...ids.map(r => r.id))
  }
  let done = 0
  for (const batch of generateIncidents(options, premises)) {
    const venue = batch.venue.map(v => (v === null ? null : premisesIds[v]!))
    // Candidate lists ride as '{1,2}' text (unnest would flatten an array of arrays).
    const candidates = batch.candidates.map(c => (c === null ? null : `{${c.map(v => premisesIds[v]!).join(',')}}`))
    await sql`insert into incidents (source, category, occurred_at, time_precision, month, lat, lng, easting, northing, premises_id, attribution, candidate_premises_ids)
      select 'police', c, o, 'minute', m, la, ln, e, n, p, a, k::int[]
      from unnest(${batch.category}::text[], ${batch.occurredAt}::timestamptz[], ${batch.month}::date[], ${batch.lat}::float8[], ${batch.lng}::float8[],
                  ${batch.easting}::float8[], ${batch.northing}::float8[], ${venue}::int[], ${batch.attribution}::text[], ${candidates}::text[]) as t(c, o, m, la, ln, e, n, p, a, k)`.execute(db)
    done += batch.category.length
    onProgress?.(done)
  }
  await sql`analyze incidents`.execute(db)
  await sql`analyze premises`.execute(db)
  return { premisesIds, incidents: done, seconds: (Date.now() - started) / 1000 }
}

/** Exact row counts of every table in the public schema (for "nothing was half written"). */
export async function countAllRows (db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(db)
  if (!tables.rows.length) return {}
  const parts = tables.rows.map(t => `(select count(*) from "${t.name}")::int as "${t.name}"`)
  const result = await sql<Record<string, number>>`select ${sql.raw(parts.join(', '))}`.execute(db)
  return result.rows[0] ?? {}
}
