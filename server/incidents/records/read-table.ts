// Reads a tabular extract (CSV or XLSX) into a header and rows of cells, each row with the line it
// came from (the header is line 1), so every problem can be named by line and column. XLSX goes
// through read-excel-file (maintained, read-only); CSV through csv-parse with RFC 4180 quoting.
import { parse } from 'csv-parse'
import { readSheet } from 'read-excel-file/node'
import { ImportFileInvalid } from '../incidents.errors.ts'

export type Cell = string | number | boolean | Date | null

export interface TableRow { line: number; cells: Cell[] }

export interface Table {
  headers: string[]
  /** The data rows in file order (each read once). */
  rows: AsyncIterable<TableRow>
  format: 'csv' | 'xlsx'
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** An XLSX file is a zip: it starts with "PK\x03\x04". */
export const looksLikeXlsx = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

const cleanHeader = (value: Cell) => String(value ?? '').replace(/^\uFEFF/, '').trim()

export async function readTable (bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileInvalid('The file is empty: export the extract again with its heading row', 1)
  return looksLikeXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes)
}

async function readXlsx (bytes: Buffer): Promise<Table> {
  let data: Cell[][]
  try {
    data = await readSheet(bytes) as Cell[][]
  } catch {
    throw new ImportFileInvalid('The file is not a readable XLSX workbook: save it again from Excel as .xlsx, or export it as CSV', 1)
  }
  // Rows that are wholly empty at the end of a sheet are left out by the reader; inside it they are kept (and named).
  const [header = [], ...body] = data
  const headers = header.map(cleanHeader)
  checkHeaders(headers)
  async function * rows () {
    for (let i = 0; i < body.length; i++) yield { line: i + 2, cells: body[i]! }
  }
  return { headers, rows: rows(), format: 'xlsx' }
}

async function readCsv (bytes: Buffer): Promise<Table> {
  if (bytes.subarray(0, 4096).includes(0)) throw new ImportFileInvalid('line 1: binary content: send the extract as CSV text or as an XLSX workbook', 1)
  // info: each record comes with the line it ends on (the header is line 1).
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: false, info: true })
  parser.end(bytes)
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>
  const iterator: AsyncIterator<TableRow> = {
    async next () {
      const next = await records.next()
      return next.done ? { done: true, value: undefined } : { done: false, value: { line: next.value.info.lines, cells: next.value.record } }
    }
  }
  let first: IteratorResult<TableRow>
  try {
    first = await iterator.next()
  } catch (error) {
    throw csvError(error)
  }
  if (first.done) throw new ImportFileInvalid('The file is empty: export the extract again with its heading row', 1)
  const headers = first.value.cells.map(cleanHeader)
  checkHeaders(headers)
  async function * rows (): AsyncGenerator<TableRow> {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const row = next.value
        // A blank line (one empty cell) at the end of a file is not a row.
        if (row.cells.length === 1 && row.cells[0] === '') continue
        yield row
      }
    } catch (error) {
      throw csvError(error)
    }
  }
  return { headers, rows: rows(), format: 'csv' }
}

function checkHeaders (headers: string[]) {
  if (headers.length < 2 || headers.every(h => h === '')) throw new ImportFileInvalid('line 1: the first line must be the column headings of the extract', 1)
  const seen = new Map<string, number>()
  headers.forEach((h, i) => {
    const key = h.toLowerCase()
    if (h !== '' && seen.has(key)) throw new ImportFileInvalid(`line 1: the heading "${h}" appears twice (columns ${columnLetter(seen.get(key)!)} and ${columnLetter(i)}); give each column its own heading`, 1)
    seen.set(key, i)
  })
}

function csvError (error: unknown): ImportFileInvalid {
  const e = error as Error & { code?: string; lines?: number }
  const line = e.lines ?? 1
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new ImportFileInvalid(`line ${line}: a quoted field is never closed (a truncated or malformed file)`, line)
  if (e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_CLOSING_QUOTE') return new ImportFileInvalid(`line ${line}: a quote inside a field that is not quoted; export the file again with RFC 4180 quoting`, line)
  return new ImportFileInvalid(`line ${line}: the file is not well-formed CSV (${e.message})`, line)
}

/** A, B, … Z, AA: how a spreadsheet names a column (0-based index). */
export function columnLetter (index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + (n - 1) % 26) + name
  return name
}
