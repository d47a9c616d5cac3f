// Creates Fastify, registers the app, listens, and shuts down gracefully. Nothing else.
import Fastify from 'fastify'
import app from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { fastifyOptions } from './fastify-options.ts'
import { demoAccountsBanner, isDemoSeeded } from './demo/seed.ts'

export async function startServer (config: Config) {
  const server = Fastify(fastifyOptions(config))
  await server.register(app, { config })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    server.log.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 15000)
    timer.unref()
    try {
      await server.close()
      process.exit(0)
    } catch (error) {
      server.log.error({ err: error }, 'error while shutting down')
      process.exit(1)
    }
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))

  await server.listen({ port: config.port, host: config.host })
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`
  const banner = [`\n  Nightsafe is ready at ${url} (${server.dbMode} database)`]
  if (await isDemoSeeded(server.db)) banner.push(demoAccountsBanner())
  console.log(banner.join('\n') + '\n')
  return server
}

export function loadConfigOrExit (): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(2)
    }
    throw error
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfigOrExit()
  startServer(config).catch(error => {
    console.error(error)
    process.exit(1)
  })
}
