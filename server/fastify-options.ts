// Options for the Fastify instance, shared by server.ts and the tests so both validate alike:
// unknown body fields are rejected (not silently removed) and validation messages name the field.
// request.ip is the connecting address unless TRUST_PROXY names the proxies in front.
import type { FastifyServerOptions } from 'fastify'
import type { Config, TrustProxy } from './config.ts'
import { formatValidationErrors } from './plugins/errors.ts'

/**
 * A hop count trusts the nearest N addresses whoever they are (Fastify itself refuses a bare
 * number), so it is only safe when nothing but the proxies can reach the app; docs/deploy.md says so.
 */
function trustProxyOption (trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust
  return trust
}

export function fastifyOptions (config: Pick<Config, 'logLevel' | 'bodyLimitBytes' | 'trustProxy'>, logger: boolean | object = true): FastifyServerOptions {
  return {
    logger: logger === false ? false : { level: config.logLevel, ...(typeof logger === 'object' ? logger : {}) },
    bodyLimit: config.bodyLimitBytes,
    pluginTimeout: 10 * 60 * 1000,
    trustProxy: trustProxyOption(config.trustProxy),
    ajv: {
      // verbose: errors carry their schema, so a field's `x-label` and `x-message` (shared/validation/messages.ts) shape the message.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, verbose: true, keywords: ['x-label', 'x-message'] },
      plugins: []
    },
    schemaErrorFormatter: formatValidationErrors
  }
}
