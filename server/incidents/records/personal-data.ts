// Extracts shared with Nightsafe carry no personal data (ISB 1594 asks for none; a force extract
// needs none). A file whose column headings look like a person's name, date of birth, NHS number
// or home address, or whose values look like NHS numbers, is refused before anything is read
// further, saying which columns, so the sender can drop them and send it again.
import { ImportPersonalData } from '../incidents.errors.ts'
import { columnLetter, type Cell } from './read-table.ts'

const HEADING_RULES: { kind: string; re: RegExp }[] = [
  { kind: 'a name', re: /^(name|initials)$|\b(full name|forenames?|first names?|given names?|middle names?|surnames?|last names?|family names?)\b|\b(patient|victim|suspect|offender|person|casualty|informant|complainant|witness|client|caller|officer)('?s)? (full )?name\b|\bname of (the )?(patient|victim|suspect|offender|person|casualty|caller)\b/ },
  { kind: 'a date of birth', re: /\b(date of birth|birth ?date|d\.?o\.?b\.?)\b/ },
  { kind: 'an NHS number', re: /\bnhs\b|\bchi (number|no)\b/ },
  { kind: 'a home address or phone number', re: /\b(home|patient|victim|suspect|offender|residential) (address|postcode|post code)\b|\b(phone|telephone|mobile)( number| no)?\b|\be-?mail\b/ }
]

/** A valid NHS number: ten digits whose last is the modulus-11 check digit of the first nine. */
export function isNhsNumber (text: string): boolean {
  const digits = text.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  const check = 11 - (sum % 11)
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9])
}

export interface PersonalColumn { column: string; letter: string; kind: string }

export function personalHeadings (headers: string[]): PersonalColumn[] {
  const found: PersonalColumn[] = []
  headers.forEach((header, i) => {
    const normal = header.toLowerCase().replace(/[_.]+/g, ' ').replace(/\s+/g, ' ').trim()
    const rule = HEADING_RULES.find(r => r.re.test(normal))
    if (rule) found.push({ column: header, letter: columnLetter(i), kind: rule.kind })
  })
  return found
}

/** Columns of these sample rows where most filled cells are valid NHS numbers. */
export function nhsNumberColumns (headers: string[], sample: Cell[][]): PersonalColumn[] {
  const found: PersonalColumn[] = []
  headers.forEach((header, i) => {
    const values = sample.map(r => r[i]).filter(v => v !== null && v !== undefined && String(v).trim() !== '').map(v => String(v))
    const hits = values.filter(isNhsNumber).length
    if (values.length >= 3 && hits >= values.length / 2) found.push({ column: header, letter: columnLetter(i), kind: 'NHS numbers' })
  })
  return found
}

export function refusePersonalData (columns: PersonalColumn[]): void {
  if (columns.length === 0) return
  const list = columns.map(c => `"${c.column}" (column ${c.letter}, looks like ${c.kind})`).join(', ')
  throw new ImportPersonalData(`This file holds personal data Nightsafe must not store: ${list}. Remove ${columns.length === 1 ? 'that column' : 'those columns'} and send the file again.`, columns)
}
