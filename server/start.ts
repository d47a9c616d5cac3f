// `npm start`: validate configuration, build the client when its build is missing or older
// than its sources, then start the server.
import { buildClientIfStale } from './build-client.ts'
import { loadConfigOrExit, startServer } from './server.ts'

const config = loadConfigOrExit()
try {
  await buildClientIfStale()
  await startServer(config)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
