// npm run gen -- --incidents 1000000 --premises 1000 [--seed 42] [--end 2025-12-31] [--years 3]
//   [--database postgres://…]  (default: the embedded database in DATA_DIR, ./data; stop the app first)
// Writes synthetic premises and incidents for benchmarks and load tests; the same seed gives the same data.
import { parseArgs } from 'node:util'
import { insertSynthetic, openMigrated } from './lib/database.ts'

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '1000000' },
    premises: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    end: { type: 'string', default: '2025-12-31' },
    years: { type: 'string', default: '3' },
    database: { type: 'string' },
    'data-dir': { type: 'string' }
  }
})

function whole (name: string, raw: string | undefined, min: number): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be a whole number ≥ ${min}, got "${raw}"`)
    process.exit(2)
  }
  return value
}

const options = {
  incidents: whole('incidents', values.incidents, 0),
  premises: whole('premises', values.premises, 0),
  seed: whole('seed', values.seed, 0),
  years: whole('years', values.years, 1),
  end: values.end!
}
if (!/^\d{4}-\d{2}-\d{2}$/.test(options.end)) {
  console.error(`--end must be a date like 2025-12-31, got "${options.end}"`)
  process.exit(2)
}

const url = values.database ?? process.env.DATABASE_URL
const handle = await openMigrated(url ? { url } : { dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? './data' })
try {
  let last = 0
  const result = await insertSynthetic(handle.db, options, done => {
    if (done - last >= 100000) { last = done; process.stdout.write(`  ${done.toLocaleString('en-GB')} incidents\n`) }
  })
  console.log(`Generated ${result.premisesIds.length} premises and ${result.incidents.toLocaleString('en-GB')} incidents in ${result.seconds.toFixed(1)} s (${handle.mode} database, seed ${options.seed}).`)
} finally {
  await handle.close()
}
