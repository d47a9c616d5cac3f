// The one CSV writer every export uses (premises, incidents, flags, hotspots, Safety Thirst):
// RFC 4180 through csv-stringify, CRLF line ends, quotes only where a cell needs them, and one
// formula-neutralising step for every text cell, because exports are opened in spreadsheets by
// officers and some cells hold text typed by venue managers or the public (OWASP "CSV injection").
import type { FastifyReply } from 'fastify'
import { stringify } from 'csv-stringify/sync'

/** A cell that is a number as a whole ("-0.0925", "12", "1e3") is data, not a formula. */
const WHOLE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
/**
 * What makes a spreadsheet read a cell as a formula: = + - @ and a leading tab or carriage
 * return (Excel, LibreOffice and Google Sheets), and the full-width = + - @ that Apple Numbers
 * normalises to them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** Prefixes a text cell with ' when a spreadsheet would run it, unless the whole cell is a number. */
export function neutraliseFormula (text: string): string {
  return FORMULA_START.test(text) && !WHOLE_NUMBER.test(text) ? `'${text}` : text
}

/** A header row and the data rows; null and undefined become empty cells, dates ISO 8601. */
export function toCsv (header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  return stringify([header, ...rows] as unknown[][], {
    record_delimiter: 'windows',
    cast: {
      string: neutraliseFormula,
      date: value => value.toISOString(),
      boolean: value => String(value),
      object: value => neutraliseFormula(JSON.stringify(value))
    }
  })
}

/** Sends a CSV as a download named `fileName`. */
export function sendCsv (reply: FastifyReply, fileName: string, csv: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv)
}
