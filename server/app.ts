// The Nightsafe application as a Fastify plugin: cross-cutting plugins first, then each domain
// under its prefix (explicit and greppable). server.ts only listens; tests inject requests.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/connect.ts'
import { createClock, type Clock } from './clock.ts'
import errorsPlugin from './plugins/errors.ts'
import dbPlugin from './plugins/db.ts'
import authPlugin from './plugins/auth.ts'
import cronPlugin from './plugins/cron.ts'
import openapiPlugin from './plugins/openapi.ts'
import staticPlugin from './plugins/static.ts'
import transportPlugin from './plugins/transport.ts'
import finiteNumbersPlugin from './plugins/finite-numbers.ts'
import { helmetOptions } from './http/security-headers.ts'
import demoPlugin from './plugins/demo.ts'
import healthRoutes from './health.routes.ts'
import settingsRoutes from './settings.routes.ts'
import authRoutes from './auth/auth.routes.ts'
import auditRoutes from './audit/audit.routes.ts'
import notificationsRoutes from './notifications/notifications.routes.ts'
import jobsRoutes from './jobs/jobs.routes.ts'
import premisesRoutes from './premises/premises.routes.ts'
import incidentsRoutes from './incidents/incidents.routes.ts'
import safetyThirstRoutes from './safety-thirst/safety-thirst.routes.ts'
import plansRoutes from './plans/plans.routes.ts'
import hotspotsRoutes from './hotspots/hotspots.routes.ts'
import flagsRoutes from './flags/flags.routes.ts'
import caseworkRoutes from './casework/casework.routes.ts'
import mailPlugin from './mail/mail.plugin.ts'
import mailRoutes from './mail/mail.routes.ts'
import mailUnsubscribeRoutes from './mail/mail.unsubscribe.routes.ts'
import concernsRoutes from './concerns/concerns.routes.ts'
import workRoutes from './work/work.routes.ts'
import onboardingRoutes from './onboarding/onboarding.routes.ts'
import visitsRoutes from './visits/visits.routes.ts'
import trafficLightRoutes from './visits/traffic-light.routes.ts'
import mapRoutes from './map/map.routes.ts'
import indicatorsRoutes from './indicators/indicators.routes.ts'
import opendataRoutes from './opendata/opendata.routes.ts'
import { registerJobs } from './jobs/index.ts'
import { armTestPause } from './test-pause.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** "Now" and "today" in TZ_LOCAL; config.now fixes it in tests. */
    clock: Clock
  }
}

export interface AppOptions {
  config: Config
  /** An already opened database (tests and CLI); otherwise the app connects from config. */
  database?: DatabaseHandle
}

async function nightsafe (fastify: FastifyInstance, options: AppOptions) {
  fastify.decorate('config', options.config)
  fastify.decorate('clock', createClock(options.config.tzLocal, options.config.now))
  armTestPause(options.config.testPauseAt)
  if (options.config.testPauseAt) fastify.log.warn(`TEST_PAUSE_AT=${options.config.testPauseAt}: requests to it stop inside their transaction (fault tests only)`)
  await fastify.register(errorsPlugin)
  await fastify.register(helmet, helmetOptions(options.config.mapTiles))
  await fastify.register(transportPlugin)
  await fastify.register(finiteNumbersPlugin)
  await fastify.register(multipart, { limits: { fileSize: options.config.uploadMaxBytes, files: 5, fields: 20 } })
  await fastify.register(dbPlugin, { database: options.database })
  await fastify.register(authPlugin)
  await fastify.register(cronPlugin)
  await fastify.register(openapiPlugin)
  await fastify.register(mailPlugin)

  await fastify.register(healthRoutes)
  await fastify.register(settingsRoutes, { prefix: '/api' })
  await fastify.register(authRoutes, { prefix: '/api' })
  await fastify.register(auditRoutes, { prefix: '/api' })
  await fastify.register(notificationsRoutes, { prefix: '/api' })
  await fastify.register(jobsRoutes, { prefix: '/api' })
  await fastify.register(premisesRoutes, { prefix: '/api' })
  await fastify.register(incidentsRoutes, { prefix: '/api' })
  await fastify.register(safetyThirstRoutes, { prefix: '/api' })
  await fastify.register(plansRoutes, { prefix: '/api' })
  await fastify.register(hotspotsRoutes, { prefix: '/api' })
  await fastify.register(flagsRoutes, { prefix: '/api' })
  await fastify.register(caseworkRoutes, { prefix: '/api' })
  await fastify.register(mailRoutes, { prefix: '/api' })
  await fastify.register(mailUnsubscribeRoutes, { prefix: '/api' })
  await fastify.register(concernsRoutes, { prefix: '/api' })
  await fastify.register(workRoutes, { prefix: '/api' })
  await fastify.register(onboardingRoutes, { prefix: '/api' })
  await fastify.register(visitsRoutes, { prefix: '/api' })
  await fastify.register(trafficLightRoutes, { prefix: '/api' })
  await fastify.register(mapRoutes, { prefix: '/api' })
  await fastify.register(indicatorsRoutes, { prefix: '/api' })
  await fastify.register(opendataRoutes, { prefix: '/api' })
  registerJobs(fastify)
  // After the domains: the demo steps are theirs. Before ready, so /health waits for it.
  await fastify.register(demoPlugin)

  await fastify.register(staticPlugin)
}

// Wrapped so the decorators (db, config, jobs) are visible to whoever registers the app.
export default fp(nightsafe, { name: 'nightsafe' })
