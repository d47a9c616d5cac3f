// Importing a tabular extract through a saved profile: one transaction per file. The file is read
// (CSV or XLSX), refused whole if it carries personal data or a row cannot be read (naming the
// line and column), staged with COPY, its free-text locations matched to premises, then stored
// in one statement keyed by (source, reference), recorded in import_runs and the audit log. A dry
// run does the same reading and counting inside a transaction that is rolled back.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../../db/types.ts'
import { recordAudit } from '../../audit/audit.public.ts'
import type { Problem, Profile, ProfileBody, ReadRow, RecordsImport } from '../../../shared/schemas/records.ts'
import { ImportProfileBuiltIn, ImportProfileNotFound, ImportRowsInvalid } from '../incidents.errors.ts'
import { readTable, type Cell } from './read-table.ts'
import { nhsNumberColumns, personalHeadings, refusePersonalData } from './personal-data.ts'
import { resolveColumns, rowMapper, type RecordRow } from './map-rows.ts'
import { createRecordsStaging, insertImportRun, StagingWriter, storeStagedRecords } from './records.repository.ts'
import { locationKey } from './location-match.ts'
import { resolveLocations, type KeyMatch } from './location-matches.service.ts'
import { BUILT_IN, findProfile, listProfiles, saveProfile } from './profiles.repository.ts'

export { listProfiles }

export interface RecordsOptions {
  dryRun?: boolean
  userId?: number | null
  fileName?: string | null
  tz: string
  now: Date
  /** Called every 10,000 rows read (the CLI's progress bar). */
  onProgress?: (rows: number) => void
}

export const PREVIEW_ROWS = 20
const MAX_PROBLEMS = 200
const NHS_SAMPLE = 50

export async function putProfile (db: Kysely<Database>, name: string, body: ProfileBody, userId: number): Promise<Profile> {
  if (BUILT_IN[name]) throw new ImportProfileBuiltIn(name)
  return db.transaction().execute(async trx => {
    const before = await findProfile(trx, name)
    const profile = await saveProfile(trx, name, body, userId)
    await recordAudit(trx, { userId, action: before ? 'import-profile.update' : 'import-profile.create', entity: 'import_profile', entityId: name, before: before ?? null, after: profile })
    return profile
  })
}

export async function getProfile (db: Db, name: string): Promise<Profile> {
  const profile = await findProfile(db, name)
  if (!profile) throw new ImportProfileNotFound(name, name)
  return profile
}

class DryRunDone extends Error { constructor (readonly result: RecordsImport) { super('dry run') } }

export async function importRecords (db: Kysely<Database>, name: string, bytes: Buffer, options: RecordsOptions): Promise<RecordsImport> {
  const profile = await getProfile(db, name)
  if (!options.dryRun) return db.transaction().execute(trx => storeRecords(trx, profile, bytes, options))
  try {
    await db.transaction().execute(async trx => { throw new DryRunDone(await storeRecords(trx, profile, bytes, options)) })
  } catch (error) {
    if (error instanceof DryRunDone) return error.result
    throw error
  }
  throw new Error('unreachable')
}

/** One file inside an open transaction (the demo seeds through this with its own). */
export async function storeRecords (trx: Db, profile: Profile, bytes: Buffer, options: RecordsOptions): Promise<RecordsImport> {
  const started = Date.now()
  const dryRun = options.dryRun === true
  const table = await readTable(bytes)
  refusePersonalData(personalHeadings(table.headers))
  const body: ProfileBody = { ...profile, columns: profile.columns as ProfileBody['columns'] }
  const map = rowMapper(body, table.headers, resolveColumns({ ...body, name: profile.name }, table.headers), { tz: options.tz, now: options.now })
  await createRecordsStaging(trx)
  const writer = new StagingWriter(trx)
  const problems: Problem[] = []
  let problemCount = 0
  const firstLine = new Map<string, number>()
  const texts = new Map<string, string>()
  const preview: { record: RecordRow; key: string | null }[] = []
  const sample: Cell[][] = []
  let rows = 0
  for await (const row of table.rows) {
    rows++
    if (rows % 10_000 === 0) options.onProgress?.(rows)
    if (sample.length < NHS_SAMPLE) {
      sample.push(row.cells)
      if (sample.length === NHS_SAMPLE) refusePersonalData(nhsNumberColumns(table.headers, sample))
    }
    const { record, problems: found } = map(row)
    if (record) {
      const seen = firstLine.get(record.reference)
      if (seen !== undefined) found.push({ line: row.line, column: null, message: `the reference "${record.reference}" is already on line ${seen}: a file holds each record once` })
      else firstLine.set(record.reference, row.line)
    }
    problemCount += found.length
    for (const p of found) if (problems.length < MAX_PROBLEMS) problems.push(p)
    if (!record || found.length) continue
    const key = record.lat === null && record.locationText ? locationKey(record.locationText) : null
    // The first spelling of a place stands for the rest in the review queue.
    if (key && !texts.has(key)) texts.set(key, record.locationText!)
    if (preview.length < PREVIEW_ROWS) preview.push({ record, key })
    // Once a row fails, a real import will be refused: stop staging, keep reading for problems.
    if (problemCount === 0 || dryRun) await writer.add(record, key)
  }
  if (sample.length < NHS_SAMPLE) refusePersonalData(nhsNumberColumns(table.headers, sample))
  if (rows === 0 && !dryRun) throw new ImportRowsInvalid('line 2: the file has headings but no records', [{ line: 2, column: null, message: 'the file has headings but no records' }])
  if (problemCount > 0 && !dryRun) {
    const first = problems[0]!
    const more = problemCount > 1 ? ` (and ${problemCount - 1} more problem${problemCount > 2 ? 's' : ''}: preview the file to see them all)` : ''
    throw new ImportRowsInvalid(`line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}${more}. Nothing was imported.`, problems)
  }
  await writer.flush()
  const matches = await resolveLocations(trx, texts, !dryRun)
  const places = [...matches].flatMap(([key, m]) => m.place ? [{ key, ...m.place }] : [])
  const counts = await storeStagedRecords(trx, { source: profile.source, profile: profile.name, tz: options.tz, write: !dryRun, places })
  const toReview = [...matches.values()].filter(m => m.status === 'uncertain' || m.status === 'unmatched').length
  const result: RecordsImport = {
    rows, imported: counts.imported, updated: counts.updated, unchanged: counts.unchanged, windows: counts.windows, noLocation: counts.noLocation,
    latest: counts.latest, toReview, dryRun, problems,
    ...(dryRun ? { preview: preview.map(p => readRow(p.record, p.key ? matches.get(p.key) : undefined)) } : {})
  }
  if (!dryRun) {
    await insertImportRun(trx, {
      profile: profile.name, source: profile.source, fileName: options.fileName ?? null, userId: options.userId ?? null,
      rows, imported: counts.imported, updated: counts.updated, unchanged: counts.unchanged, noLocation: counts.noLocation, latest: counts.latest, ms: Date.now() - started
    })
    if (options.userId) {
      await recordAudit(trx, { userId: options.userId, action: 'import.records', entity: 'import', entityId: options.fileName ?? profile.name, after: { profile: profile.name, ...counts, rows, toReview } })
    }
  }
  return result
}

function readRow (r: RecordRow, match: KeyMatch | undefined): ReadRow {
  return {
    line: r.line, reference: r.reference, category: r.category, classification: r.classification,
    occurredAt: r.occurredAt.toISOString(), occurredTo: r.occurredTo?.toISOString() ?? null, timePrecision: r.precision,
    location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    locationText: r.locationText, outcome: r.outcome,
    match: match ? { premisesId: match.status === 'rejected' ? null : match.premisesId, premisesName: match.status === 'rejected' ? null : match.premisesName, score: match.score, status: match.status, why: match.why } : null
  }
}
