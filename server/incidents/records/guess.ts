// A first mapping of an extract's columns, guessed from its headings and first values, for the
// import screen to show and the officer to correct once (then it is saved as a profile).
import { DATE_FORMATS, PROFILE_FIELDS, type Inspect, type Profile, type ProfileField } from '../../../shared/schemas/records.ts'
import { readDate } from './cell-values.ts'
import { nhsNumberColumns, personalHeadings, refusePersonalData } from './personal-data.ts'
import { readTable, type Cell } from './read-table.ts'
import { cellText } from './cell-values.ts'

// In priority order: a heading is given to the first field whose pattern it matches.
const HEADING_GUESSES: [ProfileField, RegExp][] = [
  ['occurredToTime', /\b(time (to|until)|(to|end|until) time)\b|committed to time/],
  ['occurredFromTime', /\b(time from|from time|start time|time of (assault|offence|incident|attendance|call)|^time( committed)?$)\b/],
  ['occurredTo', /\b(committed (to|until)|date to|to date|end date|(occurred|offence) (to|until)|latest date)\b/],
  ['occurredFrom', /\b(committed( from)?|date from|from date|start date|(occurred|offence|incident|assault|call|report(ed)?) (from|on|date|date ?time)|date of (assault|offence|incident|call)|earliest date|^date( ?time)?$)\b/],
  ['reference', /\b(crime ?(ref(erence)?|number|no|id)|reference|ref|urn|(incident|occurrence|record|cad|log|case) ?(number|no|id|ref)|id)\b/],
  ['easting', /\b(easting|x ?coord(inate)?|^x$|grid ?e)\b/],
  ['northing', /\b(northing|y ?coord(inate)?|^y$|grid ?n)\b/],
  ['latitude', /\b(lat|latitude)\b/],
  ['longitude', /\b(lon|lng|long|longitude)\b/],
  ['category', /\b(offence|classification|crime ?type|ho ?code|home office|category|type|means of assault|weapon|nature)\b/],
  ['outcome', /\b(outcome|result|disposal|status)\b/],
  ['locationText', /\b(location|address|street|place|venue|premises)\b/]
]

export function guessColumns (headers: string[]): Partial<Record<ProfileField, string>> {
  const columns: Partial<Record<ProfileField, string>> = {}
  const taken = new Set<string>()
  for (const [field, re] of HEADING_GUESSES) {
    const header = headers.find(h => h && !taken.has(h) && re.test(h.toLowerCase().replace(/[_.]+/g, ' ')))
    if (header && !columns[field]) { columns[field] = header; taken.add(header) }
  }
  return columns
}

export function guessDateFormat (values: Cell[], tz: string): typeof DATE_FORMATS[number] | null {
  const filled = values.filter(v => cellText(v) !== '').slice(0, 50)
  if (filled.length === 0) return null
  return DATE_FORMATS.find(format => filled.every(v => readDate(v, format, tz).error === undefined)) ?? null
}

/** The headings, first rows, guesses and the saved profiles that fit, for the import screen. */
export async function inspectFile (bytes: Buffer, profiles: Profile[], tz: string): Promise<Inspect> {
  const table = await readTable(bytes)
  refusePersonalData(personalHeadings(table.headers))
  const columns = guessColumns(table.headers)
  const at = (field: ProfileField) => columns[field] ? table.headers.indexOf(columns[field]!) : -1
  const sample: Cell[][] = []
  const dates: Cell[] = []
  const categories = new Set<string>()
  let rows = 0
  for await (const row of table.rows) {
    rows++
    if (sample.length < 50) sample.push(row.cells)
    if (at('occurredFrom') >= 0 && dates.length < 50) dates.push(row.cells[at('occurredFrom')] ?? null)
    if (at('category') >= 0 && categories.size < 500) {
      const value = cellText(row.cells[at('category')])
      if (value) categories.add(value)
    }
  }
  refusePersonalData(nhsNumberColumns(table.headers, sample))
  const coordinates = columns.easting && columns.northing ? 'bng' : columns.latitude && columns.longitude ? 'wgs84' : 'none'
  const lower = new Set(table.headers.map(h => h.toLowerCase()))
  const fits = profiles.filter(p => Object.values(p.columns).every(c => lower.has(String(c).toLowerCase()))).map(p => p.name)
  return {
    headers: table.headers,
    sample: sample.slice(0, 10).map(r => table.headers.map((_, i) => { const t = cellText(r[i]); return t === '' ? null : t })),
    rows,
    guess: { columns: Object.fromEntries(PROFILE_FIELDS.flatMap(f => columns[f] ? [[f, columns[f]!]] : [])), dateFormat: guessDateFormat(dates, tz), coordinates, categoryValues: [...categories].sort() },
    fits
  }
}
