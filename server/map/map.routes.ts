// HTTP routes of the map (OpenAPI tag "map"): the lean premises feed the map page draws. Each app
// instance keeps its own cache of answers (map.service.ts); the data version in the database
// keeps every instance right. Authenticated, so `private, no-cache`: a browser may keep the
// answer but must ask again each time, and gets 304 with no body while nothing changed.
import { ALL_ROLES } from '../../shared/roles.ts'
import { mapPremisesQuery, mapPremisesResponse } from '../../shared/schemas/map.ts'
import { parseBbox } from '../geo/bbox.ts'
import { etagMatches } from '../http/etag.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { createMapFeed } from './map.service.ts'

const tags = ['map']
const errors = { 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' } }

const mapRoutes: RoutesPlugin = async function mapRoutes (app) {
  const feed = createMapFeed(app.config.mapFeedCacheMb * 1024 * 1024)

  app.get('/map/premises', {
    config: { access: ALL_ROLES },
    schema: {
      tags,
      summary: 'Premises in a box as compact GeoJSON (what the map draws), with an ETag; a venue manager gets its own premises',
      querystring: mapPremisesQuery,
      response: { 200: mapPremisesResponse, 304: { type: 'null', description: 'Not modified: the ETag sent in If-None-Match still holds' }, ...errors }
    }
  }, async (request, reply) => {
    const answer = await feed.answer(app.db, request.user, parseBbox(request.query.bbox), app.clock.today())
    reply.header('cache-control', 'private, no-cache').header('etag', answer.etag)
    if (etagMatches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send(null)
    return reply.type('application/geo+json').send(answer.body)
  })
}

export default mapRoutes
