// Parses a council premises-licence register CSV (FORMATS.md §3.1: every council exports its own
// columns) through a column mapping {ourField: csvHeader}. The licence number is the key.
import { parse } from 'csv-parse/sync'
import { REGISTER_FIELDS, type RegisterField, type RegisterMapping, ACTIVITIES, PREMISES_TYPES } from '../../../shared/schemas/premises.ts'
import { fieldError } from '../../errors.ts'
import { MalformedImport } from '../premises.errors.ts'
import type { ParsedImport } from './import.types.ts'

interface CsvTable { headers: string[]; records: { cells: string[]; line: number }[] }

export function readCsv (csv: string): CsvTable {
  let parsed: { record: string[]; info: { lines: number } }[]
  try {
    parsed = parse(csv, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_quotes: false }) as unknown as typeof parsed
  } catch (error) {
    const e = error as Error & { lines?: number }
    throw Object.assign(new MalformedImport(`The CSV is malformed at line ${e.lines ?? '?'}: ${e.message.replace(/^Invalid /, 'invalid ')}`), { details: { line: e.lines } })
  }
  if (!parsed.length) throw new MalformedImport('The CSV is empty: a header line is needed')
  const headers = parsed[0]!.record
  return { headers, records: parsed.slice(1).map(r => ({ cells: r.record, line: r.info.lines })) }
}

const SYNONYMS: Record<RegisterField, string[]> = {
  licenceNumber: ['licencenumber', 'licenceno', 'licensenumber', 'licencereference', 'casereference', 'reference', 'licencenumberref'],
  name: ['premisesname', 'tradingname', 'tradername', 'name', 'premises'],
  address: ['address', 'premisesaddress', 'locationtext', 'dtflocation', 'location'],
  postcode: ['postcode', 'postalcode'],
  licenceHolder: ['licenceholder', 'licenseholder', 'licensee', 'holder'],
  dpsName: ['dps', 'dpsname', 'designatedpremisessupervisor'],
  status: ['licencestatus', 'status'],
  premisesType: ['premisestype'],
  capacity: ['capacity'],
  lat: ['latitude', 'lat'],
  lng: ['longitude', 'lng', 'lon', 'long'],
  licenceIssuedOn: ['casedate', 'startdate', 'firstissue', 'issuedate', 'dateissued', 'issuedon'],
  activities: ['activities', 'licensableactivities']
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')

/** A mapping guessed from the header names, for the mapping step to start from. */
export function suggestMapping (headers: string[]): RegisterMapping {
  const mapping: RegisterMapping = {}
  for (const field of REGISTER_FIELDS) {
    const header = SYNONYMS[field].map(s => headers.find(h => squash(h) === s)).find(Boolean)
    if (header) mapping[field] = header
  }
  return mapping
}

export function previewCsv (csv: string, rows = 5) {
  const table = readCsv(csv)
  return { headers: table.headers, rows: table.records.slice(0, rows).map(r => r.cells), totalRows: table.records.length, suggestedMapping: suggestMapping(table.headers), fields: [...REGISTER_FIELDS] }
}

const STATUS: [RegExp, string][] = [[/^(granted|current|active|issued|valid|live)/, 'current'], [/^suspend/, 'suspended'], [/^surrender/, 'surrendered'], [/^revok/, 'revoked'], [/^(lapsed|expired|ceased)/, 'lapsed']]
const ACTIVITY_WORDS: [RegExp, typeof ACTIVITIES[number]][] = [
  [/alcohol.*(on\s*(&|and)\s*off|both)/, 'sale_of_alcohol_on'], [/alcohol.*on|^on$|on sales/, 'sale_of_alcohol_on'], [/alcohol.*off|^off$|off sales/, 'sale_of_alcohol_off'],
  [/late night|refreshment/, 'late_night_refreshment'], [/live music/, 'live_music'], [/recorded music/, 'recorded_music'],
  [/plays?$/, 'plays'], [/film/, 'films'], [/danc/, 'dance'], [/indoor sport/, 'indoor_sport'], [/boxing|wrestling/, 'boxing_wrestling']
]
const POSTCODE = /([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\.?$/i

function activitiesOf (value: string): string[] {
  const found = new Set<string>()
  for (const part of value.toLowerCase().split(/[;|/,]+/).map(p => p.trim()).filter(Boolean)) {
    if ((ACTIVITIES as readonly string[]).includes(part)) { found.add(part); continue }
    for (const [pattern, activity] of ACTIVITY_WORDS) if (pattern.test(part)) found.add(activity)
    if (/on\s*(&|and)\s*off/.test(part)) { found.add('sale_of_alcohol_on'); found.add('sale_of_alcohol_off') }
  }
  return [...found]
}

function dateOf (value: string): string | null | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined
  if (!iso) return undefined
  const date = new Date(iso + 'T12:00:00Z')
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso
}

export function checkMapping (mapping: RegisterMapping, headers: string[]) {
  for (const [field, header] of Object.entries(mapping)) {
    if (!(REGISTER_FIELDS as readonly string[]).includes(field)) throw fieldError(`mapping.${field}`, `"${field}" is not a register field: match columns to ${REGISTER_FIELDS.join(', ')}`)
    if (header && !headers.includes(header)) throw fieldError(`mapping.${field}`, `The file has no column "${header}": choose one of ${headers.join(', ')}`)
  }
  for (const field of ['licenceNumber', 'name'] as const) {
    if (!mapping[field]) throw fieldError(`mapping.${field}`, `Choose the column that holds the ${field === 'name' ? 'premises name' : 'licence number'}`)
  }
}

export function parseRegisterCsv (csv: string, mapping?: RegisterMapping): ParsedImport {
  const table = readCsv(csv)
  const map = mapping ?? suggestMapping(table.headers)
  checkMapping(map, table.headers)
  const column = Object.fromEntries(Object.entries(map).filter(([, h]) => h).map(([f, h]) => [f, table.headers.indexOf(h!)])) as Partial<Record<RegisterField, number>>
  const result: ParsedImport = { rows: table.records.length, skipped: 0, candidates: [], rejected: [] }
  const seen = new Map<string, number>()

  for (const { cells, line } of table.records) {
    const get = (field: RegisterField) => {
      const value = column[field] === undefined ? undefined : (cells[column[field]!] ?? '').trim()
      return value === 'NA' || value === 'N/A' ? '' : value
    }
    const reject = (reason: string) => { result.rejected.push({ line, reason }) }
    const licenceNumber = get('licenceNumber')
    const name = get('name')
    if (!licenceNumber) { reject(`${map.licenceNumber} (licence number) is empty`); continue }
    if (!name) { reject(`${map.name} (premises name) is empty`); continue }
    if (seen.has(licenceNumber)) { reject(`licence number ${licenceNumber} already appears on line ${seen.get(licenceNumber)}`); continue }
    const values: ImportValues = { name, licenceNumber }
    const address = get('address')
    if (address !== undefined) values.address = address
    const postcode = get('postcode') || (address ? POSTCODE.exec(address)?.[1] : undefined)
    if (postcode) values.postcode = postcode.toUpperCase().replace(/\s+/g, ' ')
    for (const field of ['licenceHolder', 'dpsName'] as const) { const v = get(field); if (v !== undefined) values[field] = v || null }
    const status = get('status')
    if (status) {
      const found = STATUS.find(([pattern]) => pattern.test(status.toLowerCase()))
      if (!found) { reject(`status "${status}" is not one of current, suspended, surrendered, revoked, lapsed (or granted, expired)`); continue }
      values.status = found[1] as ImportValues['status']
    }
    const type = get('premisesType')
    if (type) values.premisesType = ((PREMISES_TYPES as readonly string[]).includes(type) ? type : 'other') as ImportValues['premisesType']
    const capacity = get('capacity')
    if (capacity) {
      if (!/^\d+$/.test(capacity) || Number(capacity) < 1) { reject(`capacity "${capacity}" is not a whole number above 0`); continue }
      values.capacity = Number(capacity)
    }
    const issued = get('licenceIssuedOn')
    if (issued) {
      const date = dateOf(issued)
      if (!date) { reject(`date "${issued}" is not dd/mm/yyyy or yyyy-mm-dd`); continue }
      values.licenceIssuedOn = date
    }
    const activities = get('activities')
    if (activities) values.activities = activitiesOf(activities)
    const lat = get('lat'); const lng = get('lng')
    let location: { lat: number; lng: number } | null | undefined
    if (lat || lng) {
      const la = Number(lat); const ln = Number(lng)
      if (!lat || !lng || !Number.isFinite(la) || !Number.isFinite(ln) || Math.abs(la) > 90 || Math.abs(ln) > 180) { reject(`latitude "${lat}" / longitude "${lng}" is not a valid coordinate pair`); continue }
      location = { lat: la, lng: ln }
    }
    seen.set(licenceNumber, line)
    result.candidates.push({ sourceRef: licenceNumber, licenceNumber, where: { line }, values, location })
  }
  return result
}

type ImportValues = ParsedImport['candidates'][number]['values']
