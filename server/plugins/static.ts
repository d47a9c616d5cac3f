// Serves the built client (dist/client) from the same port, with the single-page app's
// index.html for any browser route that is not /api, /docs or /health.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'

export const clientDist = fileURLToPath(new URL('../../dist/client', import.meta.url))

export default fp(async function staticPlugin (app) {
  const built = existsSync(`${clientDist}/index.html`)
  if (built) {
    // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
    // Vite names every file under assets/ by its content hash, so a name never changes meaning:
    // a year and immutable. Everything else (index.html, icons) is revalidated on each use, so
    // a new release is picked up at once.
    await app.register(fastifyStatic, {
      root: clientDist, wildcard: true, index: ['index.html'], cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(`${clientDist}/assets/`) ? 'public, max-age=31536000, immutable' : 'no-cache')
      }
    })
  }
  app.setNotFoundHandler(function notFound (request, reply) {
    const path = request.url.split('?')[0]
    const isApi = path.startsWith('/api') || path.startsWith('/docs') || path === '/health'
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi || /\.\w+$/.test(path)) {
      return reply.status(404).send({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: `Route ${request.method} ${path} not found` })
    }
    if (!built) return reply.type('text/plain').status(503).send('The client is not built yet: run npm run build (npm start does this for you).')
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}, { name: 'static' })
