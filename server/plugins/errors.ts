// One error handler for the whole app: 4xx pass through with their code and message (Fastify's
// shape), 5xx are logged and masked, because raw 500 messages leak internals.
import fp from 'fastify-plugin'
import type { FastifyError, FastifySchemaValidationError } from 'fastify'
import type { SchemaErrorDataVar } from 'fastify/types/schema.js'
import { describeSchemaError, type SchemaError } from '../../shared/validation/messages.ts'

interface ValidationLike extends Error { field?: string; statusCode?: number; code?: string }

/**
 * Turns ajv's errors into one plain-English sentence and the field at fault, with the words
 * written once in shared/validation/messages.ts (the client's forms use the same ones).
 */
export function formatValidationErrors (errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const problem = describeSchemaError(errors[0] as SchemaError | undefined, dataVar)
  const error = new Error(problem.message) as ValidationLike
  error.field = problem.field
  return error
}

export default fp(async function errorsPlugin (app) {
  app.setErrorHandler(function handleError (error: FastifyError & { field?: string; details?: unknown }, request, reply) {
    const fault = clientFault(error)
    if (fault) Object.assign(error, { statusCode: 400, code: fault.code, message: fault.message })
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : databaseUnavailable(error) ? 503 : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return reply.status(status).send({
        statusCode: status,
        code: 'INTERNAL_ERROR',
        error: status === 503 ? 'Service Unavailable' : 'Internal Server Error',
        message: status === 503 ? 'The service is temporarily unavailable; try again shortly.' : 'Something went wrong on our side. It has been logged.'
      })
    }
    const body: Record<string, unknown> = {
      statusCode: status,
      code: error.validation ? 'FST_ERR_VALIDATION' : (error.code ?? 'BAD_REQUEST'),
      error: httpReason(status),
      message: status === 413 ? tooLargeMessage(error.code, request.routeOptions.bodyLimit) : error.message
    }
    if (error.field) body.field = error.field
    if (error.details !== undefined) body.details = error.details
    if (status === 429 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', String((error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60))
    return reply.status(status).send(body)
  })
}, { name: 'errors' })

/** Fastify's and @fastify/multipart's 413s, in words an officer uploading a file understands. */
function tooLargeMessage (code: string | undefined, bodyLimit: number | undefined): string {
  const size = (bytes: number) => bytes >= 1048576 ? `${Math.floor(bytes / 104857.6) / 10} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`
  const limit = code === 'FST_ERR_CTP_BODY_TOO_LARGE' && bodyLimit ? ` (at most ${size(bodyLimit)})` : ''
  return `The file is larger than this upload accepts${limit}. Split it, or ask an administrator about the size limit.`
}

/** Client mistakes that only surface below the routes (found by test/quality/fuzz.test.ts). */
function clientFault (error: { code?: string; message?: string }): { code: string; message: string } | undefined {
  // PostgreSQL cannot store text with a NUL byte or an unpaired surrogate (22021, 22P05).
  if (error.code === '22021' || error.code === '22P05') return { code: 'INVALID_TEXT', message: 'The request contains characters that cannot be stored (such as a NUL byte)' }
  if (/^(Unexpected end of (multipart data|form)|Malformed part header|Multipart: Boundary not found)/.test(error.message ?? '')) {
    return { code: 'MALFORMED_MULTIPART', message: 'The multipart body is malformed or incomplete' }
  }
  return undefined
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Entity', 429: 'Too Many Requests'
}
// The database cannot be reached (restarting, pool exhausted, connection dropped): a 503 the
// client may retry, not a 500. The pool reconnects by itself.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'])
function databaseUnavailable (error: { code?: string; message?: string }): boolean {
  return UNAVAILABLE_CODES.has(error.code ?? '') || /timeout exceeded when trying to connect|Connection terminated|connection is closed/i.test(error.message ?? '')
}

export function httpReason (status: number): string { return REASONS[status] ?? 'Error' }
