// build(t): a ready app on a real, empty database of its own, torn down with the test.
// Embedded (PGlite in memory) by default; PostgreSQL when NIGHTSAFE_TEST_DB=postgres and
// TEST_DATABASE_URL points at a server (a fresh database is created per app and dropped after).
import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify'
import app from '../server/app.ts'
import { loadConfig, type Config } from '../server/config.ts'
import { connectDatabase, type DatabaseHandle } from '../server/db/connect.ts'
import { fastifyOptions } from '../server/fastify-options.ts'
import { createScratchDatabase } from '../bench/lib/database.ts'
import { hashPassword } from '../server/auth/password.ts'
import type { Role } from '../shared/roles.ts'

export interface Tap { teardown: (fn: () => unknown) => void }

export const testDatabaseMode = (): 'embedded' | 'postgres' =>
  process.env.NIGHTSAFE_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded'

export function testConfig (overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ DATA_DIR: ':memory:', DEMO: 'off', CRON: 'off', LOG_LEVEL: 'silent', MAP_TILES: 'off', JWT_SECRET: 'test-secret-'.padEnd(48, 'x'), POLICE_UK_API_URL: 'http://127.0.0.1:9/api' }),
    ...overrides
  }
}

/** A fresh, empty database for one test (dropped on teardown in server mode). */
export async function createTestDatabase (t: Tap): Promise<DatabaseHandle & { url?: string }> {
  if (testDatabaseMode() === 'embedded') {
    const handle = await connectDatabase({ dataDir: ':memory:' })
    t.teardown(() => handle.close())
    return handle
  }
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'nightsafe_t')
  const handle = await connectDatabase({ databaseUrl: scratch.url, dataDir: ':memory:', poolSize: 5 })
  t.teardown(async () => {
    await handle.close()
    await scratch.drop()
  })
  return { ...handle, url: scratch.url }
}

export interface BuildOptions { config?: Partial<Config>; database?: DatabaseHandle }

export async function build (t: Tap, options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = testConfig(options.config)
  const database = options.database ?? await createTestDatabase(t)
  const server = Fastify(fastifyOptions(config, false))
  await server.register(app, { config, database })
  await server.ready()
  t.teardown(() => server.close())
  return server
}

const ROLE_KEYS = { admin: 'admin', officer: 'licensing_officer', police: 'police', manager: 'venue_manager', authority: 'responsible_authority' } as const
export type RoleKey = keyof typeof ROLE_KEYS
export const TEST_PASSWORD = 'correct horse battery staple'

let cachedHash: Promise<string> | undefined
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD))

/** Factory: a user with a role (and, for managers, the premises it manages). */
export async function createUser (app: FastifyInstance, role: Role, options: { email?: string; premisesIds?: number[]; name?: string; organisation?: string } = {}) {
  const email = options.email ?? `${role}-${randomBytes(4).toString('hex')}@example.test`
  const { id } = await app.db.insertInto('users')
    .values({ email, name: options.name ?? `Test ${role}`, role, organisation: role === 'responsible_authority' ? options.organisation ?? 'environmental_health' : null, passwordHash: await passwordHash() })
    .returning('id').executeTakeFirstOrThrow()
  if (options.premisesIds?.length) {
    await app.db.insertInto('premisesManagers').values(options.premisesIds.map(premisesId => ({ userId: id, premisesId }))).execute()
  }
  return { id, email, role }
}

/** Logs in as a new user of the role; returns headers to send and the user. */
export async function login (app: FastifyInstance, who: RoleKey | Role, options: { premisesIds?: number[]; organisation?: string } = {}) {
  const role = (who in ROLE_KEYS ? ROLE_KEYS[who as RoleKey] : who) as Role
  const user = await createUser(app, role, options)
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } })
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`)
  const token = res.json().token as string
  return { ...user, token, headers: { authorization: `Bearer ${token}` } }
}

export function json<T = any> (res: LightMyRequestResponse): T {
  return res.json() as T
}
