// npm run bench: every figure measured against a baseline in the same run on the same machine,
// written to bench/results/latest.{md,json} (and a dated copy). Needs a local PostgreSQL
// (BENCH_DATABASE_URL or TEST_DATABASE_URL, default the local postgres/postgres) and Chromium.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Kysely, PostgresDialect, CamelCasePlugin } from 'kysely'
import pg from 'pg'
import type { Database } from '../server/db/types.ts'
import { hotspotCounts } from '../server/hotspots/hotspots.service.ts'
import { parseFilters } from '../server/hotspots/filters.ts'
import { countRawIncidents } from '../server/incidents/incidents.public.ts'
import { repoRoot, startAppProcess, loginOver, type AppProcess } from './lib/app-process.ts'
import { BENCH_PASSWORD, createScratchDatabase, openMigrated } from './lib/database.ts'
import { runLoad } from './lib/load.ts'
import { describeMixed, mixedLoad, mixedPasses, MIXED_CONNECTIONS, MIXED_SECONDS, SERVER_NODE_OPTIONS, type MixedLoad } from './lib/mixed.ts'
import { prepareTarget, ROLE_EMAILS } from './lib/prepared.ts'
import { pgCopyIn } from '../server/db/copy.ts'
import { importPoliceUkFiles } from '../server/incidents/police-uk.bulk.ts'
import { bundleSize, mapFigures } from './lib/browser.ts'
import { medianMs, writeReport, type Figure } from './lib/report.ts'

const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const TZ = 'Europe/London'
const CITY_BBOX = '-0.1138,51.5065,-0.0727,51.5233'
const bboxPath = `/api/premises?bbox=${CITY_BBOX}&limit=1000`
const mapFeedPath = `/api/map/premises?bbox=${CITY_BBOX}`
const started = Date.now()
const figures: Figure[] = []
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)
const add = (figure: Figure) => { figures.push(figure); log(`${figure.id} ${figure.name}: ${figure.value?.toFixed(2)} ${figure.unit}${figure.ratio !== undefined ? ` (ratio ${figure.ratio.toFixed(2)})` : ''} → ${figure.pass === null ? 'info' : figure.pass ? 'pass' : 'FAIL'}`) }

const policeFolder = join(repoRoot, 'demo/police-uk')
const policePaths = readdirSync(policeFolder).filter(f => f.endsWith('.csv')).sort().map(f => join(policeFolder, f))
const policeFiles = policePaths.map(path => ({ name: basename(path), bytes: readFileSync(path) }))
const policeRows = policeFiles.reduce((n, f) => n + f.bytes.toString('utf8').split(/\r?\n/).filter(Boolean).length - 1, 0)
const lastMonth = policeFiles.at(-1)!.name.slice(0, 7)

async function get (app: AppProcess, path: string, headers: Record<string, string>, method = 'GET') {
  const res = await fetch(app.url + path, { method, headers })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status} ${body.slice(0, 200)}`)
  return body
}

/** The 68,886 City rows through the app (one request per monthly file), then the same requests on that data. */
async function importPhase (mode: 'postgres' | 'embedded') {
  const target = await prepareTarget({ postgresAdminUrl: mode === 'postgres' ? adminUrl : undefined, premises: 1000 })
  const app = await startAppProcess({ env: { ...target.env, LOGIN_RATE_LIMIT: '100000' } })
  try {
    const police = await loginOver(app.url, ROLE_EMAILS.police, BENCH_PASSWORD)
    const admin = await loginOver(app.url, ROLE_EMAILS.admin, BENCH_PASSWORD)
    const t0 = performance.now()
    let imported = 0
    for (const file of policeFiles) {
      const res = await fetch(`${app.url}/api/imports/police-uk`, { method: 'POST', headers: { ...police, 'content-type': 'text/csv', 'x-file-name': file.name }, body: file.bytes })
      if (res.status !== 200) throw new Error(`import of ${file.name} → ${res.status} ${(await res.text()).slice(0, 200)}`)
      imported += (await res.json() as { imported: number }).imported
    }
    const importSeconds = (performance.now() - t0) / 1000
    const bbox = await runLoad({ url: app.url, connections: 10, seconds: 8, requests: [{ path: `/api/premises?bbox=${CITY_BBOX}&limit=1000`, headers: police }] })
    const hotspotMs = await medianMs(3, () => get(app, `/api/hotspots?from=${lastMonth.slice(0, 4)}-01-01&to=${lastMonth}-28&cell=50`, police))
    const flagMs = await medianMs(3, () => get(app, `/api/flags/run?asOf=${lastMonth}-28`, admin, 'POST'))
    return { importSeconds, imported, bboxReqPerSec: bbox.reqPerSec, hotspotMs, flagMs, peakRss: app.peakRssMiB() }
  } finally {
    await app.stop()
    await target.cleanup()
  }
}

async function copyBaseline (): Promise<number> {
  const scratch = await createScratchDatabase(adminUrl, 'nightsafe_bench_copy')
  const client = new pg.Client({ connectionString: scratch.url })
  await client.connect()
  try {
    await client.query(`create table plain_police_uk (crime_id text, month text, reported_by text, falls_within text, longitude text, latitude text,
      location text, lsoa_code text, lsoa_name text, crime_type text, last_outcome_category text, context text)`)
    const t0 = performance.now()
    for (const file of policeFiles) await pgCopyIn(client, 'copy plain_police_uk from stdin with (format csv, header true)', file.bytes)
    const seconds = (performance.now() - t0) / 1000
    const { rows } = await client.query('select count(*)::int as n from plain_police_uk')
    if (rows[0].n !== policeRows) throw new Error(`COPY stored ${rows[0].n} rows, expected ${policeRows}`)
    return seconds
  } finally {
    await client.end()
    await scratch.drop()
  }
}

/**
 * Context for b1: COPY of the same rows into the real incidents table, with its indexes and
 * constraints. The rows are those the import stores (imported first, outside the timing, then
 * copied out and the table emptied), so the COPY writes exactly what the import writes.
 */
async function copyIntoIncidentsBaseline (): Promise<number> {
  const scratch = await createScratchDatabase(adminUrl, 'nightsafe_bench_copy_incidents')
  const handle = await openMigrated({ url: scratch.url })
  const client = new pg.Client({ connectionString: scratch.url })
  const columns = 'source, external_id, category, occurred_at, time_precision, month, lat, lng, easting, northing, location_text, lsoa_code, outcome'
  try {
    await importPoliceUkFiles(handle.db, 'police-uk', policePaths, { tz: TZ, mode: 'postgres' })
    await client.connect()
    const { rows } = await client.query({ text: `select ${columns} from incidents order by id`, rowMode: 'array' })
    const quote = (v: unknown) => v === null ? '' : `"${(v instanceof Date ? v.toISOString() : String(v)).replace(/"/g, '""')}"`
    const data = Buffer.from(rows.map((r: unknown[]) => r.map(quote).join(',')).join('\n') + '\n')
    await client.query('truncate incidents cascade')
    await client.query('checkpoint')
    const t0 = performance.now()
    await pgCopyIn(client, `copy incidents (${columns}) from stdin with (format csv)`, data)
    return (performance.now() - t0) / 1000
  } finally {
    await client.end().catch(() => {})
    await handle.close()
    await scratch.drop()
  }
}

/** The command-line bulk import (npm run import -- police-uk FOLDER) of the same files, in process. */
async function cliImportSeconds (): Promise<{ seconds: number; imported: number }> {
  const target = await prepareTarget({ postgresAdminUrl: adminUrl, premises: 1000 })
  if (!target.url) throw new Error('cliImportSeconds needs a PostgreSQL target')
  const handle = await openMigrated({ url: target.url })
  try {
    const result = await importPoliceUkFiles(handle.db, 'police-uk', policePaths, { tz: TZ, mode: 'postgres' })
    return { seconds: result.seconds, imported: result.totals.imported }
  } finally {
    await handle.close()
    await target.cleanup()
  }
}

/**
 * (a) the lean map feed vs a bare Fastify route returning the same JSON, 50 connections; (a1) the
 * same for the register list the map used to ask for (info). Both are asked as a browser asks
 * (accept-encoding gzip, deflate, br), so the app's compression is part of the cost; the bare
 * route compresses nothing. No If-None-Match: every answer is a full 200.
 */
async function premisesListFigure (app: AppProcess, police: Record<string, string>, tmp: string) {
  const asBrowser = { ...police, 'accept-encoding': 'gzip, deflate, br' }
  const measure = async (path: string, name: string) => {
    const payload = join(tmp, `${name}.json`)
    writeFileSync(payload, await get(app, path, police))
    const appLoad = await runLoad({ url: app.url, connections: 50, seconds: 10, requests: [{ path, headers: asBrowser }] })
    const bare = await startAppProcess({ script: 'bench/lib/bare-server.ts', env: { BARE_PAYLOAD: payload, BARE_PATH: path.split('?')[0]! } })
    const bareLoad = await runLoad({ url: bare.url, connections: 50, seconds: 10, requests: [{ path, headers: { 'accept-encoding': 'gzip, deflate, br' } }] }).finally(() => bare.stop())
    return { appLoad, bareLoad, ratio: appLoad.reqPerSec / bareLoad.reqPerSec, kb: readFileSync(payload).length / 1024 }
  }
  const feed = await measure(mapFeedPath, 'map-feed')
  add({ id: 'a', name: 'GET /api/map/premises?bbox=City (auth, 1,000 premises, the lean map feed), PostgreSQL, 50 connections', value: feed.appLoad.reqPerSec, unit: 'req/s', baseline: { name: 'bare Fastify, same JSON', value: feed.bareLoad.reqPerSec, unit: 'req/s' }, ratio: feed.ratio, target: 'ratio ≥ 0.25', pass: feed.ratio >= 0.25, note: `${feed.kb.toFixed(0)} KB before compression; p99 ${feed.appLoad.p99} ms vs ${feed.bareLoad.p99} ms; ${feed.appLoad.non2xx + feed.appLoad.errors} failed requests` })
  const list = await measure(bboxPath, 'premises')
  add({ id: 'a1', name: 'GET /api/premises?bbox=City (auth, 1,000 premises, the full register list), PostgreSQL, 50 connections', value: list.appLoad.reqPerSec, unit: 'req/s', baseline: { name: 'bare Fastify, same JSON', value: list.bareLoad.reqPerSec, unit: 'req/s' }, ratio: list.ratio, target: 'info', pass: null, note: `${list.kb.toFixed(0)} KB before compression; p99 ${list.appLoad.p99} ms vs ${list.bareLoad.p99} ms; ${list.appLoad.non2xx + list.appLoad.errors} failed requests` })
}

/** Figure (a) alone on 1,000 premises (BENCH_ONLY=premises): the same premises as the full run, no incidents. */
async function premisesPhase () {
  const target = await prepareTarget({ postgresAdminUrl: adminUrl, premises: 1000 })
  const app = await startAppProcess({ env: { ...target.env, LOGIN_RATE_LIMIT: '100000' } })
  const tmp = mkdtempSync(join(tmpdir(), 'nightsafe-bench-'))
  try {
    await premisesListFigure(app, await loginOver(app.url, ROLE_EMAILS.police, BENCH_PASSWORD), tmp)
  } finally {
    await app.stop()
    await target.cleanup()
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Figure (d): the flag run against the incidents domain's bare counting SQL (same windows and groups). */
async function flagRunFigure (app: AppProcess, admin: Record<string, string>, db: Kysely<Database>) {
  const asOf = '2025-12-20'
  const flagMs = await medianMs(3, () => get(app, `/api/flags/run?asOf=${asOf}`, admin, 'POST'))
  const groups = { theft: ['other-theft', 'theft-from-the-person', 'bicycle-theft'], violence: ['violent-crime', 'robbery', 'drink-spiking', 'sexual-harassment'] }
  const windows = [{ key: 'R', from: '2025-11-22', to: '2025-12-20' }, { key: 'B', from: '2024-11-23', to: '2025-11-22' }, { key: 'LY', from: '2024-11-22', to: '2024-12-20' }]
  const countMs = await medianMs(3, () => countRawIncidents(db, { precision: 'days', windows, groups, tz: TZ }))
  add({ id: 'd', name: 'POST /api/flags/run, 1,000 venues, 1,000,000 incidents', value: flagMs, unit: 'ms', baseline: { name: 'bare counting SQL over the raw incidents (countRawIncidents)', value: countMs, unit: 'ms' }, ratio: flagMs / countMs, target: '≤ 3×', pass: flagMs / countMs <= 3 })
}

/** Figure (d) alone (BENCH_ONLY=flags): the 1,000 premises and 1,000,000 incidents of the full run. */
async function flagsPhase () {
  const target = await prepareTarget({ postgresAdminUrl: adminUrl, premises: 1000, incidents: 1_000_000, end: '2025-12-31' })
  const app = await startAppProcess({ env: { ...target.env, LOGIN_RATE_LIMIT: '100000' } })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 2 }) }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] })
  try {
    await flagRunFigure(app, await loginOver(app.url, ROLE_EMAILS.admin, BENCH_PASSWORD), db)
  } finally {
    await db.destroy()
    await app.stop()
    await target.cleanup()
  }
}

async function millionPhase () {
  const t0 = performance.now()
  const target = await prepareTarget({ postgresAdminUrl: adminUrl, premises: 1000, incidents: 1_000_000, end: '2025-12-31' })
  add({ id: 'gen', name: 'synthetic generator, 1,000 premises + 1,000,000 incidents (PostgreSQL)', value: (performance.now() - t0) / 1000, unit: 's', target: 'info', pass: null })
  // Built before the app starts: the server serves a client only if one is built when it starts.
  const bundle = await bundleSize()
  const app = await startAppProcess({ env: { ...target.env, LOGIN_RATE_LIMIT: '100000', LOGIN_ADDRESS_RATE_LIMIT: '1000000', NODE_OPTIONS: SERVER_NODE_OPTIONS } })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 2 }) }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] })
  const tmp = mkdtempSync(join(tmpdir(), 'nightsafe-bench-'))
  try {
    const police = await loginOver(app.url, ROLE_EMAILS.police, BENCH_PASSWORD)
    const admin = await loginOver(app.url, ROLE_EMAILS.admin, BENCH_PASSWORD)
    await premisesListFigure(app, police, tmp)

    // (c) hotspot request vs its bare SQL aggregation (the hotspots domain's own count query)
    const query = { from: '2025-01-01', to: '2025-12-31', cell: 50 }
    await get(app, `/api/hotspots?from=${query.from}&to=${query.to}&cell=50`, police)
    const hotspotMs = await medianMs(5, () => get(app, `/api/hotspots?from=${query.from}&to=${query.to}&cell=50`, police))
    const sqlMs = await medianMs(5, () => hotspotCounts(db, parseFilters(query as Parameters<typeof parseFilters>[0], TZ, query.to), 'raw'))
    add({ id: 'c', name: 'GET /api/hotspots, one year, 50 m cells, 1,000,000 incidents', value: hotspotMs, unit: 'ms', baseline: { name: 'bare SQL aggregation over the raw incidents (hotspotCounts, raw)', value: sqlMs, unit: 'ms' }, ratio: hotspotMs / sqlMs, target: '≤ 0.2×', pass: hotspotMs / sqlMs <= 0.2 })

    await flagRunFigure(app, admin, db)

    // (f, h) the mixed load in server mode
    addMixed('postgres', await mixedLoad(app, police, mapFeedPath))

    // (g) client bundle and the map in Chromium (1,000 premises, the full City grid on /hotspots)
    add({ id: 'g1', name: 'client JavaScript, gzipped (all chunks)', value: bundle.jsGzipKiB, unit: 'KiB', target: '≤ 300 KiB', pass: bundle.jsGzipKiB <= 300, note: `CSS ${bundle.cssGzipKiB.toFixed(1)} KiB gzipped; ${bundle.files} files` })
    const map = await mapFigures(app.url, ROLE_EMAILS.police, BENCH_PASSWORD)
    add({ id: 'g2', name: 'time to a usable map (/map, Leaflet + premises layer)', value: map.usableMapMs, unit: 'ms', target: '≤ 3,000 ms', pass: map.usableMapMs <= 3000 })
    add({ id: 'g3', name: 'frames over 200 ms while panning the City grid with 1,000 premises', value: map.longFrames, unit: 'frames', target: '0', pass: map.longFrames === 0, note: `${map.panFrames} frames, worst ${map.worstFrameMs.toFixed(0)} ms` })
  } finally {
    await db.destroy()
    await app.stop()
    await target.cleanup()
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Figures f/fe (peak memory) and h/he (latency, errors, writes kept) of one mixed-load run. */
function addMixed (mode: 'postgres' | 'embedded', m: MixedLoad) {
  const [suffix, label, limit] = mode === 'postgres' ? ['', 'server mode', 512] : ['e', 'embedded', 1024]
  const load = `${MIXED_CONNECTIONS} connections, ${MIXED_SECONDS} s, 1,000,000 incidents, ${label}`
  const heap = mode === 'postgres' ? `NODE_OPTIONS=${SERVER_NODE_OPTIONS} (docs/configuration.md, "Memory"); ` : ''
  add({ id: `f${suffix}`, name: `peak RSS of the server under mixed load (${load})`, value: m.peakRssMiB, unit: 'MiB', target: `≤ ${limit} MiB`, pass: m.peakRssMiB <= limit, note: heap + describeMixed(m) })
  add({ id: `h${suffix}`, name: `p99 latency under mixed load (${load}): map, hotspots, incident list, writes, logins`, value: m.p99, unit: 'ms', target: '≤ 1,000 ms, 0 errors, every acknowledged write stored', pass: mixedPasses(m), note: describeMixed(m) })
}

/** The mixed load on the embedded database (PGlite in the app process) with the same 1,000,000 incidents. */
async function embeddedMixedPhase () {
  const t0 = performance.now()
  const target = await prepareTarget({ premises: 1000, incidents: 1_000_000, end: '2025-12-31' })
  log(`embedded database with 1,000,000 incidents ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  const app = await startAppProcess({ env: { ...target.env, LOGIN_RATE_LIMIT: '100000', LOGIN_ADDRESS_RATE_LIMIT: '1000000' } })
  try {
    addMixed('embedded', await mixedLoad(app, await loginOver(app.url, ROLE_EMAILS.police, BENCH_PASSWORD), mapFeedPath))
  } finally {
    await app.stop()
    await target.cleanup()
  }
}

async function phase (name: string, fn: () => Promise<void>) {
  log(`${name}…`)
  try { await fn() } catch (error) {
    console.error(error)
    figures.push({ id: '!', name: `${name} did not complete`, value: null, unit: '', target: 'completes', pass: false, note: String((error as Error).message).slice(0, 300) })
  }
}

// BENCH_ONLY=import runs the first phase alone (quicker while working on imports); BENCH_ONLY=premises
// runs figure (a) alone (quicker while working on the request path: auth, serialisation, compression);
// BENCH_ONLY=flags runs figure (d) alone (quicker while working on flags or attribution);
// BENCH_ONLY=mixed runs the embedded mixed load alone (fe, he).
const only = process.env.BENCH_ONLY
if (!only || only === 'import') await phase('import: police.uk through the app vs COPY, and the same requests embedded vs server', async () => {
  const server = await importPhase('postgres')
  const cli = await cliImportSeconds()
  const copySeconds = await copyBaseline()
  const copyIncidentsSeconds = await copyIntoIncidentsBaseline()
  const rows = `${policeRows.toLocaleString('en-GB')} City rows in ${policeFiles.length} files (PostgreSQL)`
  const intoIncidents = { name: 'COPY of the same rows into incidents (its indexes and constraints)', value: policeRows / copyIncidentsSeconds, unit: 'rows/s' }
  const intoPlain = { name: 'COPY of the raw CSV into a plain text table', value: policeRows / copySeconds, unit: 'rows/s' }
  const http = { seconds: server.importSeconds, imported: server.imported }
  // The issue #4 target: the bulk import against COPY storing the same rows in the same table.
  const b1 = copyIncidentsSeconds / cli.seconds
  add({ id: 'b1', name: `police.uk import, npm run import -- police-uk FOLDER, ${rows}`, value: policeRows / cli.seconds, unit: 'rows/s', baseline: intoIncidents, ratio: b1, target: 'ratio ≥ 0.25', pass: b1 >= 0.25, note: `${cli.seconds.toFixed(2)} s vs COPY into incidents ${copyIncidentsSeconds.toFixed(2)} s; ${cli.imported} rows imported and attributed to 1,000 premises` })
  add({ id: 'b1h', name: `police.uk import over HTTP, one request per file, ${rows}`, value: policeRows / http.seconds, unit: 'rows/s', baseline: intoIncidents, ratio: copyIncidentsSeconds / http.seconds, target: 'info (one request at a time: login check, audit and a transaction per file)', pass: null, note: `${http.seconds.toFixed(2)} s; ${http.imported} rows imported` })
  for (const [id, how, run] of [['b1p', 'npm run import', cli], ['b1hp', 'over HTTP', http]] as const) {
    add({ id, name: `police.uk import (${how}) vs COPY of the raw CSV into a plain text table (no key, no index, no constraint)`, value: policeRows / run.seconds, unit: 'rows/s', baseline: intoPlain, ratio: copySeconds / run.seconds, target: 'info (the raw load; see docs/benchmarks.md)', pass: null, note: `${run.seconds.toFixed(2)} s vs COPY ${copySeconds.toFixed(2)} s` })
  }
  const embedded = await importPhase('embedded')
  add({ id: 'b2', name: 'police.uk import, same files (embedded PGlite)', value: embedded.importSeconds, unit: 's', target: '< 60 s', pass: embedded.importSeconds < 60, note: `${embedded.imported} rows imported` })
  const pairs: [string, string, number, number, 'higher' | 'lower'][] = [
    ['e1', 'import time', embedded.importSeconds, server.importSeconds, 'lower'],
    ['e2', 'GET /api/premises?bbox (req/s)', embedded.bboxReqPerSec, server.bboxReqPerSec, 'higher'],
    ['e3', 'GET /api/hotspots over the imported year (ms)', embedded.hotspotMs, server.hotspotMs, 'lower'],
    ['e4', 'POST /api/flags/run on the imported data (ms)', embedded.flagMs, server.flagMs, 'lower']
  ]
  for (const [id, name, e, s, better] of pairs) {
    const slowdown = better === 'higher' ? s / e : e / s
    add({ id, name: `embedded vs server: ${name}`, value: e, unit: better === 'higher' ? 'req/s' : (id === 'e1' ? 's' : 'ms'), baseline: { name: 'PostgreSQL server', value: s, unit: better === 'higher' ? 'req/s' : (id === 'e1' ? 's' : 'ms') }, ratio: slowdown, target: 'embedded ≤ 3× slower', pass: slowdown <= 3 })
  }
  add({ id: 'e5', name: 'peak RSS during the import phase, embedded vs server', value: embedded.peakRss, unit: 'MiB', baseline: { name: 'PostgreSQL server', value: server.peakRss, unit: 'MiB' }, ratio: embedded.peakRss / server.peakRss, target: 'info (PGlite runs PostgreSQL inside the process)', pass: null })
})
if (only === 'premises') await phase('premises list (a) on PostgreSQL', premisesPhase)
if (only === 'flags') await phase('flag run (d) on PostgreSQL', flagsPhase)
if (!only) await phase('1,000,000 synthetic incidents on PostgreSQL', millionPhase)
if (!only || only === 'mixed') await phase('mixed load on the embedded database, 1,000,000 incidents', embeddedMixedPhase)

const seconds = (Date.now() - started) / 1000
add({ id: 'run', name: 'whole bench run', value: seconds / 60, unit: 'min', target: '< 15 min', pass: seconds < 900 })
const versionClient = new pg.Client({ connectionString: adminUrl })
const postgres = await versionClient.connect().then(() => versionClient.query('show server_version')).then(r => r.rows[0].server_version as string).catch(() => 'unreachable')
await versionClient.end().catch(() => {})
if (process.env.BENCH_ONLY) log('BENCH_ONLY: part of the bench, so no report written')
else {
  const { files } = writeReport(figures, { seconds, postgres })
  log(`report written: ${files.slice(0, 2).map(f => f.replace(repoRoot, '')).join(', ')}`)
}
process.exit(figures.some(f => f.pass === false) ? 1 : 0)
