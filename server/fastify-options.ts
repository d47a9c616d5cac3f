// Options for the Fastify instance, shared by server.ts and the tests so both validate alike:
// unknown body fields are rejected (not silently removed) and validation messages name the field.
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.ts'
import { formatValidationErrors } from './plugins/errors.ts'

export function fastifyOptions (config: Pick<Config, 'logLevel' | 'bodyLimitBytes'>, logger: boolean | object = true): FastifyServerOptions {
  return {
    logger: logger === false ? false : { level: config.logLevel, ...(typeof logger === 'object' ? logger : {}) },
    bodyLimit: config.bodyLimitBytes,
    pluginTimeout: 10 * 60 * 1000,
    trustProxy: true,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
      plugins: []
    },
    schemaErrorFormatter: formatValidationErrors
  }
}
