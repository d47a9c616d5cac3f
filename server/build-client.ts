// Builds the web client with Vite when dist/client is missing or older than its sources.
// Used by `npm start`, by the test runner and by browser journeys run on their own.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

export function clientBuildIsStale (): boolean {
  const built = join(root, 'dist/client/index.html')
  const sources = Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared')), newestMtime(join(root, 'vite.config.ts')))
  return !existsSync(built) || statSync(built).mtimeMs < sources
}

export async function buildClientIfStale (log: (message: string) => void = console.log): Promise<void> {
  if (!clientBuildIsStale()) return
  let vite: typeof import('vite')
  try {
    vite = await import('vite')
  } catch {
    if (existsSync(join(root, 'dist/client/index.html'))) return // production install without dev tools: serve what is built
    throw new Error('The client is not built and Vite is not installed; run npm install, then npm start')
  }
  log('Building the web client (first start or sources changed)…')
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
}
