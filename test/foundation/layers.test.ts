// The layer rules (.dependency-cruiser.cjs, `npm run lint:deps`) hold for this repository, and
// each refuses a violation planted in a small tree laid out like it: so the check in CI can fail,
// and fails for the rule it names.
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
const config = join(root, '.dependency-cruiser.cjs')
const ROOTS = ['server', 'shared', 'client/src', 'migrations']

/** Runs the check as `npm run lint:deps` does; its exit status and the rules it names. */
function cruise (cwd: string): { status: number | null; violations: string[] } {
  const res = spawnSync(process.execPath, [depcruise, '--config', config, ...ROOTS], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (!/dependency violations|no dependency violations/.test(res.stdout)) throw new Error(`dependency-cruiser did not run: ${res.stdout}${res.stderr}`)
  return { status: res.status, violations: [...res.stdout.matchAll(/^\s*error ([\w-]+): (.+)$/gm)].map(m => `${m[1]}: ${m[2]}`) }
}

/** A tree that keeps every rule: a route, a service using another domain's public module, a repository, a migration, the map module. */
const CLEAN: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true, noEmit: true, jsx: 'react-jsx' } }),
  'server/db/types.ts': 'export type Db = { kind: string }\n',
  'shared/roles.ts': "export const ROLES = ['admin']\n",
  'server/plugins/db.ts': "import type { Db } from '../db/types.ts'\nexport type Handle = Db\n",
  'server/demo/seed.ts': 'export const seed = () => 1\n',
  'server/flags/flags.routes.ts': "import { run } from './flags.service.ts'\nexport default run\n",
  'server/flags/flags.service.ts': "import { requirePremises } from '../premises/premises.public.ts'\nimport { counts } from './flags.repository.ts'\nexport const run = () => requirePremises() + counts()\n",
  'server/flags/flags.repository.ts': "import { sql } from 'kysely'\nexport const counts = () => (sql ? 1 : 0)\n",
  'server/premises/premises.public.ts': "import { find } from './premises.repository.ts'\nexport const requirePremises = find\n",
  'server/premises/premises.repository.ts': 'export const find = () => 1\n',
  'migrations/2026_01_01_000000_create_things.ts': "import { sql } from 'kysely'\nexport const up = sql\n",
  'client/src/map/createMap.ts': "import L from 'leaflet'\nexport const createMap = () => L\n",
  'client/src/pages/Page.tsx': "import { createMap } from '../map/createMap.ts'\nexport const Page = createMap\n"
}

function tree (t: { teardown: (fn: () => void) => void }, planted: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nightsafe-layers-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  for (const [file, text] of Object.entries({ ...CLEAN, ...planted })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  return dir
}

t.test('the repository keeps every layer rule', async t => {
  const { status, violations } = cruise(root)
  t.same(violations, [])
  t.equal(status, 0)
})

t.test('the clean fixture tree passes, so each failure below is the planted line', async t => {
  const { status, violations } = cruise(tree(t))
  t.same(violations, [])
  t.equal(status, 0)
})

const PLANTED: [string, string, Record<string, string>][] = [
  ['routes-no-repositories', 'a route calling a repository', { 'server/flags/flags.routes.ts': "import { counts } from './flags.repository.ts'\nexport default counts\n" }],
  ['routes-no-kysely', 'a route building SQL', { 'server/flags/flags.routes.ts': "import { sql } from 'kysely'\nexport default sql\n" }],
  ['domain-through-public-module', "a service reading another domain's repository", { 'server/flags/flags.service.ts': "import { find } from '../premises/premises.repository.ts'\nexport const run = find\n" }],
  ['migrations-import-no-app-code', 'a migration importing app code', { 'migrations/2026_01_01_000000_create_things.ts': "import { requirePremises } from '../server/premises/premises.public.ts'\nexport const up = requirePremises\n" }],
  ['leaflet-only-in-the-map-module', 'a page importing Leaflet', { 'client/src/pages/Page.tsx': "import L from 'leaflet'\nexport const Page = L\n" }],
  ['database-plugin-knows-no-domain', 'the database plugin seeding demo data', { 'server/plugins/db.ts': "import { seed } from '../demo/seed.ts'\nexport const run = seed\n" }]
]

for (const [rule, what, planted] of PLANTED) {
  t.test(`${rule} refuses ${what}`, async t => {
    const { status, violations } = cruise(tree(t, planted))
    t.not(status, 0, 'the check fails')
    t.same([...new Set(violations.map(v => v.split(':')[0]))], [rule], 'for that rule only')
  })
}
