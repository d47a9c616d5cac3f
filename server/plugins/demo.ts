// Seeds the demo data (DEMO=auto|on) once every domain is registered: the demo steps belong to
// the domains, so this plugin comes after them in app.ts, and the database plugin knows none of
// them. Seeding happens before the app is ready, and the server listens only once it is, so
// /health answers ok only after seeding is done.
import fp from 'fastify-plugin'
import { seedDemoIfWanted } from '../demo/seed.ts'

export default fp(async function demoPlugin (app) {
  await seedDemoIfWanted({ db: app.db, mode: app.dbMode, config: app.config, log: app.log, clock: app.clock })
}, { name: 'demo', dependencies: ['db'] })
