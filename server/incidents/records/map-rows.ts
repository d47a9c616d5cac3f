// Turns the rows of an extract into incident records through a profile: which column holds each
// field, how dates are written, the coordinate system, and the file's classifications mapped to
// Nightsafe's categories. Every problem is named by line and column; nothing is guessed.
import { lngLatToBng, bngToLngLat } from '../../geo/bng.ts'
import { localMonthStart } from '../../../shared/dates.ts'
import { windowMidpoint } from '../../../shared/aoristic.ts'
import { CATEGORY_SLUGS, categoryFromPoliceUkName } from '../../../shared/incident-categories.ts'
import { PROFILE_FIELDS, type ProfileBody, type ProfileField, type Problem } from '../../../shared/schemas/records.ts'
import { ImportFileInvalid } from '../incidents.errors.ts'
import { cellText, isBlank, readDate, readNumber, readTime, withTime, type ReadDate } from './cell-values.ts'
import { columnLetter, type Cell, type TableRow } from './read-table.ts'

export interface RecordRow {
  line: number
  reference: string
  category: string
  classification: string
  occurredAt: Date
  occurredTo: Date | null
  precision: 'minute' | 'day' | 'window'
  /** First day of the local month of the record's date (a window's midpoint). */
  month: string
  lat: number | null
  lng: number | null
  easting: number | null
  northing: number | null
  locationText: string | null
  outcome: string | null
}

/** A window longer than this is a recording error, not an uncertain time. */
export const MAX_WINDOW_DAYS = 366
const DAY_MS = 86_400_000

export type ColumnIndex = Partial<Record<ProfileField, number>>

/** The column of each mapped field; a mapped heading missing from the file refuses the file. */
export function resolveColumns (profile: Pick<ProfileBody, 'columns'> & { name?: string }, headers: string[]): ColumnIndex {
  const byHeading = new Map(headers.map((h, i) => [h.toLowerCase(), i]))
  const index: ColumnIndex = {}
  const missing: string[] = []
  // In the order of the fields (a stored profile's columns come back in any order).
  for (const field of PROFILE_FIELDS) {
    const heading = (profile.columns as Partial<Record<ProfileField, string>>)[field]
    if (heading === undefined) continue
    const i = byHeading.get(heading.trim().toLowerCase())
    if (i === undefined) missing.push(`"${heading}"`)
    else index[field] = i
  }
  if (missing.length) {
    const which = profile.name ? `the profile "${profile.name}" expects` : 'the mapping names'
    throw new ImportFileInvalid(`line 1: the file has no column ${missing.join(', ')} that ${which}. Its columns are: ${headers.filter(Boolean).map(h => `"${h}"`).join(', ')}`, 1)
  }
  return index
}

const slugs = new Set(CATEGORY_SLUGS)

/** The map key that stands for every value the map does not name (an ISTV file is all assaults). */
export const ANY_VALUE = '*'

/**
 * The category of a file value: the profile's map first (exact, then ignoring case), then a
 * Nightsafe slug or police.uk name as written, then the map's "*" entry.
 */
export function categoryMapper (map: Record<string, string>) {
  const lower = new Map(Object.entries(map).map(([k, v]) => [k.trim().toLowerCase(), v]))
  return (value: string): string | null => {
    const mapped = map[value] ?? lower.get(value.toLowerCase())
    if (mapped && value !== ANY_VALUE) return mapped
    if (slugs.has(value)) return value
    const named = categoryFromPoliceUkName(value)
    if (named && slugs.has(named)) return named
    return map[ANY_VALUE] ?? null
  }
}

export interface MapContext { tz: string; now: Date }

/**
 * A mapper from one row to a record, or to its problems. The same reference twice in one file is
 * a problem (a file is one state of each record).
 */
export function rowMapper (profile: ProfileBody, headers: string[], columns: ColumnIndex, ctx: MapContext) {
  const category = categoryMapper(profile.categoryMap)
  const name = (field: ProfileField) => `${headers[columns[field]!]} (${columnLetter(columns[field]!)})`
  const latest = ctx.now.getTime() + DAY_MS
  return function map (row: TableRow): { record?: RecordRow; problems: Problem[] } {
    const problems: Problem[] = []
    const cell = (field: ProfileField): Cell => columns[field] === undefined ? null : (row.cells[columns[field]!] ?? null)
    const problem = (field: ProfileField | null, message: string) => { problems.push({ line: row.line, column: field ? name(field) : null, message }) }

    const reference = cellText(cell('reference'))
    if (!reference) problem('reference', 'the reference is empty: every record needs its crime or record number')
    else if (reference.length > 100) problem('reference', 'the reference is longer than 100 characters')

    const classification = cellText(cell('category'))
    const slug = classification ? category(classification) : null
    if (!classification) problem('category', 'the classification is empty')
    else if (!slug) problem('category', `"${classification}" is not in the profile's category map: add it to the map with the Nightsafe category it means`)

    const from = readWhen('occurredFrom', 'occurredFromTime', true)
    const to = isBlank(cell('occurredTo')) && isBlank(cell('occurredToTime')) ? null : readWhen('occurredTo', 'occurredToTime', false)
    let occurredTo: Date | null = null
    let precision: RecordRow['precision'] = from?.hasTime ? 'minute' : 'day'
    if (from && to) {
      // An end given as a date alone is the end of that day; a start given as a date, its beginning.
      const start = from.at.getTime()
      const end = to.hasTime ? to.at.getTime() : to.at.getTime() + DAY_MS
      const sameDay = !from.hasTime && !to.hasTime && end - start === DAY_MS
      if (end < start) problem('occurredTo', 'the window ends before it starts')
      else if (end - start > MAX_WINDOW_DAYS * DAY_MS) problem('occurredTo', `the window is longer than ${MAX_WINDOW_DAYS} days`)
      else if (end > start && !sameDay) { occurredTo = new Date(end); precision = 'window' }
      else if (end === start) precision = 'minute'
    }
    if (from && from.at.getTime() > latest) problem('occurredFrom', 'the date is in the future')

    const { lat, lng, easting, northing } = readPoint()
    const locationText = cellText(cell('locationText')).slice(0, 300) || null
    const outcome = cellText(cell('outcome')).slice(0, 300) || null
    if (problems.length || !from || !slug) return { problems }
    const dated = occurredTo ? windowMidpoint(from.at, occurredTo) : from.at
    return {
      problems,
      record: {
        line: row.line, reference, category: slug, classification, occurredAt: from.at, occurredTo, precision,
        month: localMonthStart(dated, ctx.tz), lat, lng, easting, northing, locationText, outcome
      }
    }

    function readWhen (dateField: ProfileField, timeField: ProfileField, required: boolean): ReadDate | null {
      const value = cell(dateField)
      if (isBlank(value)) {
        if (required) problem(dateField, 'the date is empty')
        else problem(dateField, 'the end of the window has a time but no date')
        return null
      }
      const read = readDate(value, profile.dateFormat, ctx.tz)
      if (read.error !== undefined) { problem(dateField, read.error); return null }
      if (columns[timeField] === undefined || isBlank(cell(timeField))) return read.value
      const time = readTime(cell(timeField))
      if (time.error !== undefined) { problem(timeField, time.error); return null }
      return { at: withTime(read.value, time.value, ctx.tz), hasTime: true }
    }

    function readPoint () {
      const none = { lat: null, lng: null, easting: null, northing: null }
      if (profile.coordinates === 'none') return none
      const [xField, yField]: [ProfileField, ProfileField] = profile.coordinates === 'bng' ? ['easting', 'northing'] : ['longitude', 'latitude']
      if (columns[xField] === undefined || columns[yField] === undefined) return none
      const xCell = cell(xField)
      const yCell = cell(yField)
      if (isBlank(xCell) && isBlank(yCell)) return none
      if (isBlank(xCell) || isBlank(yCell)) { problem(isBlank(xCell) ? xField : yField, 'one coordinate is given without the other'); return none }
      const x = readNumber(xCell)
      const y = readNumber(yCell)
      if (x.error !== undefined) { problem(xField, x.error); return none }
      if (y.error !== undefined) { problem(yField, y.error); return none }
      if (profile.coordinates === 'bng') {
        if (x.value < 0 || x.value > 700000) { problem('easting', `${x.value} is not a British National Grid easting (0 to 700000 metres)`); return none }
        if (y.value < 0 || y.value > 1300000) { problem('northing', `${y.value} is not a British National Grid northing (0 to 1300000 metres)`); return none }
        const ll = bngToLngLat(x.value, y.value)
        return { lat: ll.lat, lng: ll.lng, easting: x.value, northing: y.value }
      }
      if (y.value < 49 || y.value > 61) { problem('latitude', `${y.value} is not a latitude in Great Britain (49 to 61)`); return none }
      if (x.value < -9 || x.value > 2.5) { problem('longitude', `${x.value} is not a longitude in Great Britain (-9 to 2.5)`); return none }
      const grid = lngLatToBng(x.value, y.value)
      return { lat: y.value, lng: x.value, easting: grid.easting, northing: grid.northing }
    }
  }
}
