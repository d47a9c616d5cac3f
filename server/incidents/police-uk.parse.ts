// Reading police.uk files. A street CSV is checked here only as far as its first line (empty,
// binary, wrong header): PostgreSQL's COPY parses the rest into staging (police-uk.staging.ts).
// An /api/crimes-street JSON response is read here into the same staging columns. The checks of
// a row's month, crime type and coordinates are here too, applied to each distinct value.
import { isUtf8 } from 'node:buffer'
import { gunzipSync } from 'node:zlib'
import { parse } from 'csv-parse/sync'
import { categoryFromPoliceUkName } from '../../shared/incident-categories.ts'
import { ImportFileInvalid } from './incidents.errors.ts'

export const STREET_HEADER = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context']

const LF = 0x0a
const CR = 0x0d

/**
 * Checks that these bytes start like a police.uk street CSV and returns the part to COPY (blank
 * lines at the end dropped). Throws ImportFileInvalid (400, with the line) when they do not.
 */
export function checkStreetCsv (bytes: Buffer): Buffer {
  let end = bytes.length
  while (end > 0 && (bytes[end - 1] === LF || bytes[end - 1] === CR)) end--
  if (end === 0) throw new ImportFileInvalid('line 1: the file is empty (no police.uk header)', 1)
  const firstBreak = bytes.indexOf(LF)
  const first = bytes.subarray(0, firstBreak === -1 || firstBreak > end ? end : firstBreak)
  if (first.includes(0) || !isUtf8(first)) throw new ImportFileInvalid('line 1: this looks like a binary file, not a police.uk street CSV', 1)
  let header: string[] = []
  try {
    header = (parse(first, { bom: true, relax_column_count: true }) as string[][])[0] ?? []
  } catch { /* reported below as a wrong header */ }
  if (header.length !== STREET_HEADER.length || header.some((name, i) => name.trim() !== STREET_HEADER[i])) {
    throw new ImportFileInvalid(`line 1: the header is not a police.uk street CSV header (want ${STREET_HEADER.length} columns: ${STREET_HEADER.join(',')})`, 1)
  }
  return bytes.subarray(0, end)
}

/** One record of an API response, in the staging table's text columns. */
export interface ApiStagingRow {
  line: number
  apiId: number
  crimeId: string
  month: string
  longitude: string | null
  latitude: string | null
  location: string | null
  crimeType: string
  outcome: string | null
}

export interface ParsedApiJson { rows: ApiStagingRow[]; rejected: { line: number; reason: string }[]; skipped: number }

interface ApiCrime {
  category: string; id: number; persistent_id: string; month: string
  location: { latitude: string; longitude: string; street?: { name?: string } } | null
  outcome_status: { category: string } | null
}

/** A police.uk API /crimes-street response (plain or gzipped JSON array); "line" is the record's position. */
export function parseApiJson (content: Buffer | unknown[]): ParsedApiJson {
  let records: unknown = content
  try {
    if (Buffer.isBuffer(content)) records = JSON.parse((content[0] === 0x1f && content[1] === 0x8b ? gunzipSync(content) : content).toString('utf8'))
  } catch {
    throw new ImportFileInvalid('line 1: not a police.uk API JSON response (gzip or JSON could not be read)', 1)
  }
  if (!Array.isArray(records)) throw new ImportFileInvalid('line 1: a police.uk API response is a JSON array of crimes', 1)
  const rows: ApiStagingRow[] = []
  const rejected: ParsedApiJson['rejected'] = []
  const seen = new Set<number>()
  let skipped = 0
  records.forEach((r: ApiCrime, index) => {
    const line = index + 1
    if (!r || typeof r !== 'object' || typeof r.id !== 'number' || typeof r.month !== 'string') { rejected.push({ line, reason: 'not a crime record (id and month are required)' }); return }
    if (seen.has(r.id)) { skipped++; return }
    seen.add(r.id)
    rows.push({
      line, apiId: r.id, crimeId: typeof r.persistent_id === 'string' ? r.persistent_id : '', month: r.month,
      longitude: r.location ? String(r.location.longitude ?? '') : null, latitude: r.location ? String(r.location.latitude ?? '') : null,
      location: r.location?.street?.name ?? null, crimeType: typeof r.category === 'string' ? r.category : '', outcome: r.outcome_status?.category ?? null
    })
  })
  return { rows, rejected, skipped }
}

/** A row is rejected (not the file) when one of these says why; the first reason given is shown. */
export type Checked<T> = { value: T; reason: null } | { value: null; reason: string }

/** "YYYY-MM" → the month's first day, 'YYYY-MM-01'. */
export function checkMonth (raw: string): Checked<string> {
  const month = raw.trim()
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? { value: month + '-01', reason: null } : { value: null, reason: `Month "${raw}" is not YYYY-MM` }
}

/** A police.uk crime type name (or an API category slug) → our category slug. */
export function checkCrimeType (raw: string): Checked<string> {
  const category = categoryFromPoliceUkName(raw)
  return category ? { value: category, reason: null } : { value: null, reason: `Crime type "${raw}" is empty or not a crime type` }
}

/** Longitude and latitude: both numbers in range, or both empty (a "No Location" row: value null). */
export function checkPoint (lngText: string, latText: string): Checked<{ lng: number; lat: number } | null> {
  if (lngText.trim() === '' && latText.trim() === '') return { value: null, reason: null }
  const lng = Number(lngText)
  const lat = Number(latText)
  if (lngText.trim() === '' || latText.trim() === '' || !Number.isFinite(lng) || !Number.isFinite(lat)) return { value: null, reason: 'Longitude and Latitude must both be numbers or both be empty' }
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return { value: null, reason: 'coordinates out of range' }
  return { value: { lng, lat }, reason: null }
}
