// Public, non-secret things the browser needs before login: map settings and the authority's
// boundary (the area hotspot analysis covers).
import type { FastifyInstance } from 'fastify'
import { loadBoundary } from './geo/boundary.ts'

export default async function settingsRoutes (app: FastifyInstance) {
  app.get('/public/settings', {
    config: { access: 'public' },
    schema: {
      tags: ['settings'], security: [],
      response: { 200: { type: 'object', properties: { mapTiles: { type: ['string', 'null'] }, tzLocal: { type: 'string' }, database: { type: 'string' } } } }
    }
  }, async () => ({ mapTiles: app.config.mapTiles, tzLocal: app.config.tzLocal, database: app.dbMode }))

  app.get('/public/boundary', {
    config: { access: 'public' },
    schema: { tags: ['settings'], security: [], summary: 'The licensing authority boundary as GeoJSON' }
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600')
    return loadBoundary().feature
  })
}
