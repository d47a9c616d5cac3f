// `npm start`: validate configuration, build the client when its build is missing or older
// than its sources, then start the server.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfigOrExit, startServer } from './server.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

function newestMtime (path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

async function buildClientIfStale () {
  const built = join(root, 'dist/client/index.html')
  const sources = Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared')), newestMtime(join(root, 'vite.config.ts')))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  let vite: typeof import('vite')
  try {
    vite = await import('vite')
  } catch {
    if (existsSync(built)) return // production install without dev tools: serve what is built
    throw new Error('The client is not built and Vite is not installed; run npm install, then npm start')
  }
  console.log('Building the web client (first start or sources changed)…')
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
}

const config = loadConfigOrExit()
try {
  await buildClientIfStale()
  await startServer(config)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
