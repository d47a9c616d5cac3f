// Demo data: real City of London premises and police.uk incidents plus made-up licence details
// and the four demo accounts. Seeded once, in one transaction, so a crash leaves nothing and
// restarts never seed twice. DEMO=auto seeds an empty embedded database; on seeds any empty one.
import type { FastifyBaseLogger } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import type { Config } from '../config.ts'
import { createClock, type Clock } from '../clock.ts'
import type { DatabaseMode } from '../db/connect.ts'
import type { Database } from '../db/types.ts'
import { countUsers } from '../auth/auth.public.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './accounts.ts'
import { demoSteps } from './steps.ts'

export interface DemoContext {
  db: Transaction<Database>
  config: Config
  log: FastifyBaseLogger
  users: Record<'admin' | 'officer' | 'police' | 'manager', number>
  /** The app clock, so relative demo data (recent incidents, this year's applications) looks current. */
  clock: Clock
}

export interface DemoStep {
  name: string
  run: (ctx: DemoContext) => Promise<Record<string, unknown> | void>
}

const MARKER = 'demo_seeded'

export function wantsDemo (demo: Config['demo'], mode: DatabaseMode): boolean {
  if (demo === 'off') return false
  if (demo === 'on') return true
  return mode === 'embedded'
}

export async function seedDemoIfWanted (options: { db: Kysely<Database>; mode: DatabaseMode; config: Config; log: FastifyBaseLogger; clock?: Clock }): Promise<boolean> {
  const { db, mode, config, log } = options
  if (!wantsDemo(config.demo, mode)) return false
  const marker = await db.selectFrom('appMeta').select('value').where('key', '=', MARKER).executeTakeFirst()
  if (marker) {
    printAccounts(log)
    return false
  }
  if (await countUsers(db) > 0) {
    log.info('database already has accounts; demo data not seeded')
    return false
  }
  const started = Date.now()
  log.info('seeding City of London demo data (first start only)…')
  await db.transaction().execute(async trx => {
    const users = await seedDemoAccounts(trx)
    const clock = options.clock ?? createClock(config.tzLocal, config.now)
    const ctx: DemoContext = { db: trx, config, log, users, clock }
    const summary: Record<string, unknown> = {}
    for (const step of demoSteps) {
      const stepStarted = Date.now()
      summary[step.name] = (await step.run(ctx)) ?? {}
      log.info({ step: step.name, ms: Date.now() - stepStarted, ...summary[step.name] as object }, 'demo step done')
    }
    await trx.insertInto('appMeta').values({ key: MARKER, value: JSON.stringify({ at: new Date().toISOString(), summary }) }).execute()
  })
  log.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, 'demo data seeded')
  printAccounts(log)
  return true
}

function printAccounts (log: FastifyBaseLogger) {
  log.info({ accounts: DEMO_ACCOUNTS.map(a => a.email), password: DEMO_PASSWORD }, 'demo accounts')
}

/** A plain-text banner for people starting the app by hand. */
export function demoAccountsBanner (): string {
  const lines = DEMO_ACCOUNTS.map(a => `    ${a.email.padEnd(22)} ${a.role}`).join('\n')
  return `  Demo accounts (password "${DEMO_PASSWORD}"):\n${lines}`
}

export async function isDemoSeeded (db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('appMeta').select('key').where('key', '=', MARKER).executeTakeFirst())
}
