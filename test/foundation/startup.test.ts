// Start-up as a person sees it: configuration errors, restarts keeping data, demo seeding once,
// and the user:add command.
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDatabase } from '../../server/db/connect.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { testConfig } from '../helper.ts'
import { seedDemoIfWanted, wantsDemo } from '../../server/demo/seed.ts'

const silent = { info () {}, warn () {}, error () {}, debug () {}, fatal () {}, trace () {}, child () { return silent }, level: 'silent', silent () {} } as never

function node (args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: process.cwd(), env: { ...process.env, ...env, NIGHTSAFE_TEST_DB: '' }, encoding: 'utf8', timeout: 120000 })
}

t.test('bad configuration stops the server with a message naming the variable', async t => {
  const res = node(['server/server.ts'], { PORT: 'abc', DATA_DIR: ':memory:' })
  t.equal(res.status, 2)
  t.match(res.stderr, /PORT must be a whole number/)
})

t.test('DEMO=auto seeds only an embedded database; off never', async t => {
  t.equal(wantsDemo('auto', 'embedded'), true)
  t.equal(wantsDemo('auto', 'postgres'), false)
  t.equal(wantsDemo('on', 'postgres'), true)
  t.equal(wantsDemo('off', 'embedded'), false)
})

t.test('an embedded database keeps its data across restarts and never seeds demo data twice', async t => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nightsafe-restart-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const config = testConfig({ dataDir, demo: 'on' })

  const first = await connectDatabase({ dataDir })
  await migrateToLatest(first.db)
  t.equal(await seedDemoIfWanted({ db: first.db, mode: first.mode, config, log: silent }), true, 'the first start seeds')
  const counted = async (db: typeof first.db) => ({
    users: Number((await db.selectFrom('users').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    premises: Number((await db.selectFrom('premises').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    incidents: Number((await db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  })
  const before = await counted(first.db)
  t.equal(before.users, 6, 'the six demo accounts (four roles, an environmental health officer and a second licensing officer)')
  await first.close()

  const again = await connectDatabase({ dataDir })
  await migrateToLatest(again.db)
  t.equal(await seedDemoIfWanted({ db: again.db, mode: again.mode, config, log: silent }), false, 'the second start does not seed')
  t.same(await counted(again.db), before, 'the data is still there and nothing was added')
  await again.close()
})

t.test('npm run user:add creates an account in the configured database', async t => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nightsafe-useradd-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const env = { DATA_DIR: dataDir, NIGHTSAFE_PASSWORD: 'a-very-long-password', DATABASE_URL: '' }
  const ok = node(['server/cli/user-add.ts', '--email', 'real.officer@city.example', '--role', 'licensing_officer', '--name', 'Real Officer'], env)
  t.equal(ok.status, 0, ok.stderr)
  t.match(ok.stdout, /Created licensing_officer real.officer@city.example/)
  const badRole = node(['server/cli/user-add.ts', '--email', 'x@city.example', '--role', 'mayor'], env)
  t.equal(badRole.status, 1)
  t.match(badRole.stderr, /--role is required: one of admin, licensing_officer, police, venue_manager/)
  const weak = node(['server/cli/user-add.ts', '--email', 'weak@city.example', '--role', 'police'], { ...env, NIGHTSAFE_PASSWORD: 'passwordpassword' })
  t.equal(weak.status, 1, 'a common password is refused')
  t.match(weak.stderr, /That password is too common: choose another/, 'in words')
  const duplicate = node(['server/cli/user-add.ts', '--email', 'REAL.officer@city.example', '--role', 'police'], env)
  t.equal(duplicate.status, 1)
  t.match(duplicate.stderr, /already exists/)
  const handle = await connectDatabase({ dataDir })
  const user = await handle.db.selectFrom('users').selectAll().executeTakeFirstOrThrow()
  t.equal((await handle.db.selectFrom('users').select('id').execute()).length, 1, 'only the one account was created')
  t.equal(user.role, 'licensing_officer')
  t.match(user.passwordHash, /^\$argon2id\$/, 'the password is stored as an argon2id hash')
  await handle.close()
})
