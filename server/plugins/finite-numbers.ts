// Finite numbers only, before any schema sees the request. JSON turns 1e400 into Infinity and a
// query string or path can spell a number too large for a double ("1e400", 400 digits); ajv's
// type coercion then lets ±Infinity through `integer` with its minimum and maximum, and the
// database answers with an error (a 500). Refused here with a 400 that names the field.
import fp from 'fastify-plugin'
import { fieldError } from '../errors.ts'

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

const tooBig = (field: string) =>
  fieldError(field || 'body', 'Enter a number of ordinary size: this one is too large (or too small) to be a number')

/** The path of the first non-finite number in a parsed JSON value, or undefined. */
function nonFinitePath (value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path
  if (depth > 64 || value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    const found = nonFinitePath(item, path ? `${path}.${key}` : key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

/** The name of the first query or path value that spells a number no double can hold. */
function nonFiniteText (values: unknown): string | undefined {
  if (!values || typeof values !== 'object') return undefined
  for (const [key, value] of Object.entries(values)) {
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text === 'string' && NUMBER_TEXT.test(text) && !Number.isFinite(Number(text))) return key
    }
  }
  return undefined
}

export default fp(async function finiteNumbers (app) {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined)
      const path = nonFinitePath(value, '')
      return path === undefined ? done(null, value) : done(tooBig(path), undefined)
    })
  })
  app.addHook('preValidation', async request => {
    const field = nonFiniteText(request.params) ?? nonFiniteText(request.query)
    if (field !== undefined) throw tooBig(field)
  })
}, { name: 'finite-numbers' })
