// Public, non-secret things the browser needs before login: map settings and the authority's
// boundary (the area hotspot analysis covers).
import { boundarySchema, publicSettingsSchema } from '../shared/schemas/settings.ts'
import { loadBoundary } from './geo/boundary.ts'
import type { RoutesPlugin } from './typed-routes.ts'

const settingsRoutes: RoutesPlugin = async function settingsRoutes (app) {
  app.get('/public/settings', {
    config: { access: 'public' },
    schema: { tags: ['settings'], security: [], response: { 200: publicSettingsSchema } }
  }, async () => ({ mapTiles: app.config.mapTiles, tzLocal: app.config.tzLocal, database: app.dbMode }))

  app.get('/public/boundary', {
    config: { access: 'public' },
    schema: { tags: ['settings'], security: [], summary: 'The licensing authority boundary as GeoJSON', response: { 200: boundarySchema } }
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600')
    return loadBoundary().feature
  })
}

export default settingsRoutes
