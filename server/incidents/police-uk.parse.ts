// Parsers for police.uk street crime: the monthly street CSV (streamed through csv-parse, LF or
// CRLF) and the /api/crimes-street JSON. Both produce rows keyed for an idempotent upsert; the
// key is documented in docs/data-imports.md.
import { createHash } from 'node:crypto'
import { CsvError, parse } from 'csv-parse'
import { gunzipSync } from 'node:zlib'
import { categoryFromPoliceUkName } from '../../shared/incident-categories.ts'
import { ImportFileInvalid } from './incidents.errors.ts'

export const STREET_HEADER = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context']

export interface PoliceUkRow {
  line: number
  month: string // 'YYYY-MM-01'
  crimeId: string // '' when the file has none (ASB, BTP)
  apiId?: number
  category: string
  lat: number | null
  lng: number | null
  locationText: string | null
  lsoaCode: string | null
  outcome: string | null
  externalId: string
}

export interface ParsedFile { rows: PoliceUkRow[]; rejected: { line: number; reason: string }[]; skipped: number }

type Draft = Omit<PoliceUkRow, 'externalId'>

function coordinates (lngText: string, latText: string): { lng: number | null; lat: number | null } | string {
  if (lngText.trim() === '' && latText.trim() === '') return { lng: null, lat: null }
  const lng = Number(lngText)
  const lat = Number(latText)
  if (lngText.trim() === '' || latText.trim() === '' || !Number.isFinite(lng) || !Number.isFinite(lat)) return 'Longitude and Latitude must both be numbers or both be empty'
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return 'coordinates out of range'
  return { lng, lat }
}

function suspicious (fields: string[]): boolean {
  return fields.some(f => f.includes('\u0000') || f.includes('\uFFFD'))
}

/** Streams a police.uk street CSV; throws ImportFileInvalid (400, with the line) if it is not one. */
export async function parseStreetCsv (input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream): Promise<ParsedFile> {
  // info:true doubles the parse time, so lines are counted here (a quoted field may hold newlines).
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: false })
  const drafts: Draft[] = []
  const rejected: ParsedFile['rejected'] = []
  let skipped = 0
  let previousLine = 0
  let sawHeader = false
  const drained = () => new Promise(resolve => { parser.once('drain', resolve); parser.once('close', resolve) })
  const feed = (async () => {
    try {
      for await (const chunk of input as AsyncIterable<Buffer | string>) {
        if (parser.destroyed) return
        if (!parser.write(chunk)) await drained()
      }
      if (!parser.destroyed) parser.end()
    } catch (error) { parser.destroy(error as Error) }
  })()
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      let line = previousLine + 1
      for (const field of record) if (field.includes('\n')) line += field.split('\n').length - 1
      previousLine = line
      if (record.length === 1 && record[0] === '') { skipped++; continue }
      if (sawHeader && record.length !== STREET_HEADER.length) {
        throw new ImportFileInvalid(`line ${line}: expected ${STREET_HEADER.length} columns, found ${record.length} (a truncated or malformed line)`, line)
      }
      if (!sawHeader) {
        if (suspicious(record)) throw new ImportFileInvalid(`line ${line}: this looks like a binary file, not a police.uk street CSV`, line)
        if (record.length !== STREET_HEADER.length || record.some((name, i) => name.trim() !== STREET_HEADER[i])) {
          throw new ImportFileInvalid(`line ${line}: the header is not a police.uk street CSV header (want ${STREET_HEADER.length} columns: ${STREET_HEADER.join(',')})`, line)
        }
        sawHeader = true
        continue
      }
      if (suspicious(record)) throw new ImportFileInvalid(`line ${line}: binary or badly encoded content`, line)
      const [crimeId, month, , , lngText, latText, location, lsoa, , crimeType, outcome] = record as [string, string, string, string, string, string, string, string, string, string, string]
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim())) { rejected.push({ line, reason: `Month "${month}" is not YYYY-MM` }); continue }
      const category = categoryFromPoliceUkName(crimeType)
      if (!category) { rejected.push({ line, reason: `Crime type "${crimeType}" is empty or not a crime type` }); continue }
      const point = coordinates(lngText, latText)
      if (typeof point === 'string') { rejected.push({ line, reason: point }); continue }
      drafts.push({
        line, month: month.trim() + '-01', crimeId: crimeId.trim(), category, ...point,
        locationText: location.trim() || null, lsoaCode: lsoa.trim() || null, outcome: outcome.trim() || null
      })
    }
  } catch (error) {
    if (error instanceof ImportFileInvalid) throw error
    const e = error as Error & { code?: string; lines?: number }
    if (error instanceof CsvError || e.code?.startsWith('CSV_')) {
      const line = e.lines ?? previousLine + 1
      const reason = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? `expected ${STREET_HEADER.length} columns (a truncated or malformed line)`
        : line <= 2 && !sawHeader ? 'this looks like a binary file, not a police.uk street CSV' : 'malformed CSV (quoting or binary content)'
      throw new ImportFileInvalid(`line ${line}: ${reason}`, line)
    }
    throw error
  } finally {
    if (!parser.writableEnded) parser.destroy()
    await feed
  }
  if (!sawHeader) throw new ImportFileInvalid('line 1: the file is empty (no police.uk header)', 1)
  return { rows: assignKeys(drafts), rejected, skipped }
}

interface ApiCrime {
  category: string; id: number; persistent_id: string; month: string
  location: { latitude: string; longitude: string; street?: { name?: string } } | null
  outcome_status: { category: string } | null
}

/** A police.uk API /crimes-street response (plain or gzipped JSON array). */
export function parseApiJson (content: Buffer | unknown[]): ParsedFile {
  let records: unknown = content
  try {
    if (Buffer.isBuffer(content)) records = JSON.parse((content[0] === 0x1f && content[1] === 0x8b ? gunzipSync(content) : content).toString('utf8'))
  } catch {
    throw new ImportFileInvalid('line 1: not a police.uk API JSON response (gzip or JSON could not be read)', 1)
  }
  if (!Array.isArray(records)) throw new ImportFileInvalid('line 1: a police.uk API response is a JSON array of crimes', 1)
  const drafts: Draft[] = []
  const rejected: ParsedFile['rejected'] = []
  const seen = new Set<number>()
  let skipped = 0
  records.forEach((r: ApiCrime, index) => {
    const line = index + 1
    if (!r || typeof r !== 'object' || typeof r.id !== 'number' || typeof r.month !== 'string') { rejected.push({ line, reason: 'not a crime record (id and month are required)' }); return }
    if (seen.has(r.id)) { skipped++; return }
    seen.add(r.id)
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month)) { rejected.push({ line, reason: `month "${r.month}" is not YYYY-MM` }); return }
    if (typeof r.category !== 'string' || !/^[a-z][a-z-]*$/.test(r.category)) { rejected.push({ line, reason: `category "${r.category}" is not a slug` }); return }
    const point = r.location ? coordinates(r.location.longitude ?? '', r.location.latitude ?? '') : { lng: null, lat: null }
    if (typeof point === 'string') { rejected.push({ line, reason: point }); return }
    drafts.push({
      line, month: r.month + '-01', crimeId: (r.persistent_id ?? '').trim(), apiId: r.id, category: r.category, ...point,
      locationText: r.location?.street?.name?.trim() || null, lsoaCode: null, outcome: r.outcome_status?.category ?? null
    })
  })
  return { rows: assignKeys(drafts), rejected, skipped }
}

/** Hash of the fields police.uk does not change between downloads (not the outcome). */
export function contentHash (row: Draft): string {
  const text = [row.lng?.toFixed(6) ?? '', row.lat?.toFixed(6) ?? '', (row.locationText ?? '').toLowerCase(), row.lsoaCode ?? '', row.category].join('|')
  return createHash('sha1').update(text).digest('hex').slice(0, 24)
}

/**
 * External ids: Crime ID for its first occurrence in the month and Crime ID#n for repeats, the
 * repeats ordered by content hash; no Crime ID: the API id when there is one ("api:ID"), else
 * "noid:<content hash>" and #n among identical rows. See docs/data-imports.md.
 */
export function assignKeys (drafts: Draft[]): PoliceUkRow[] {
  const groups = new Map<string, { draft: Draft; hash: string }[]>()
  const keyed: PoliceUkRow[] = []
  for (const draft of drafts) {
    if (!draft.crimeId && draft.apiId !== undefined) { keyed.push({ ...draft, externalId: `api:${draft.apiId}` }); continue }
    const hash = contentHash(draft)
    const group = draft.crimeId ? `${draft.month}|id|${draft.crimeId}` : `${draft.month}|noid|${hash}`
    const list = groups.get(group)
    if (list) list.push({ draft, hash })
    else groups.set(group, [{ draft, hash }])
  }
  for (const list of groups.values()) {
    if (list.length > 1) list.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
    list.forEach(({ draft, hash }, i) => {
      const base = draft.crimeId || `noid:${hash}`
      keyed.push({ ...draft, externalId: i === 0 ? base : `${base}#${i + 1}` })
    })
  }
  return keyed.sort((a, b) => a.line - b.line)
}
