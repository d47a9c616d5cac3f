// HTTP routes of the hotspots domain (schema, access, status codes); the rules live in the services.
import { OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { fileResponse } from '../../shared/schemas/common.ts'
import * as schemas from '../../shared/schemas/hotspots.ts'
import { parseFilters } from './filters.ts'
import { computeBriefing } from './hotspots.briefing.ts'
import { cellDetail } from './hotspots.cells.ts'
import { computeChange } from './hotspots.change.ts'
import { computeDensity } from './hotspots.density.ts'
import { exportFileName, hotspotsCsv } from './hotspots.export.ts'
import { sendCsv } from '../http/csv.ts'
import { computeHotspots, coverage, setGridCacheSize, toFeatureCollection } from './hotspots.service.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['hotspots']
const access = OFFICERS_AND_POLICE

const hotspotsRoutes: RoutesPlugin = async function hotspotsRoutes (app) {
  setGridCacheSize(app.config.hotspotGridCache)
  const filters = (query: schemas.HotspotQuery) => parseFilters(query, app.clock.tz, app.clock.today())

  app.get('/hotspots', {
    config: { access },
    schema: {
      tags, summary: 'Getis-Ord Gi* hotspot cells over the authority, zero-count cells included',
      querystring: schemas.hotspotsQuery, response: { 200: schemas.hotspotsResponse }
    }
  }, async request => toFeatureCollection(await computeHotspots(app.db, filters(request.query))))

  app.get('/hotspots/density', {
    config: { access },
    schema: { tags, summary: 'Quartic kernel density raster (BNG pixels) with the same filters', querystring: schemas.densityQuery, response: { 200: schemas.densityResponse } }
  }, async request => {
    const { bandwidth, pixel } = request.query
    return computeDensity(app.db, filters(request.query), { bandwidth, pixel: pixel ?? 25 })
  })

  app.get('/hotspots/change', {
    config: { access },
    schema: { tags, summary: 'This window against the same window a year earlier, per cell (exact Poisson test, BH)', querystring: schemas.hotspotsQuery, response: { 200: schemas.changeResponse } }
  }, async request => computeChange(app.db, filters(request.query)))

  app.get('/hotspots/briefing', {
    config: { access },
    schema: { tags, summary: 'Printable briefing: all cells and the top 10 hotspot cells with streets, venues and last year', querystring: schemas.hotspotsQuery, response: { 200: schemas.briefingResponse } }
  }, async request => computeBriefing(app.db, filters(request.query), app.clock.today()))

  app.get('/hotspots/cells/:id', {
    config: { access },
    schema: { tags, summary: 'The incidents counted in one cell and the venues in it', params: schemas.cellParams, querystring: schemas.hotspotsQuery, response: { 200: schemas.cellDetailResponse } }
  }, async request => cellDetail(app.db, filters(request.query), request.params.id))

  app.get('/hotspots/coverage', {
    config: { access },
    schema: { tags, summary: 'The dates incidents cover (presets anchor on the latest data)', response: { 200: schemas.coverageResponse } }
  }, async () => coverage(app.db, app.clock.tz))

  const exportCells = async (query: schemas.HotspotQuery, format: 'csv' | 'geojson', reply: import('fastify').FastifyReply) => {
    const result = await computeHotspots(app.db, filters(query))
    if (format === 'csv') return sendCsv(reply, exportFileName(result, format), hotspotsCsv(result))
    reply.header('content-disposition', `attachment; filename="${exportFileName(result, format)}"`)
    return reply.type('application/geo+json').send(JSON.stringify(toFeatureCollection(result)))
  }
  app.get('/hotspots/export', {
    config: { access },
    schema: { tags, summary: 'The cells as CSV or GeoJSON (format=csv|geojson)', querystring: schemas.exportFormatQuery, response: { 200: fileResponse('text/csv', 'application/geo+json') } }
  }, async (request, reply) => exportCells(request.query, request.query.format, reply))
  app.get('/hotspots/export.csv', {
    config: { access }, schema: { tags, summary: 'The cells as CSV', querystring: schemas.hotspotsQuery, response: { 200: fileResponse('text/csv') } }
  }, async (request, reply) => exportCells(request.query, 'csv', reply))
  app.get('/hotspots/export.geojson', {
    config: { access }, schema: { tags, summary: 'The cells as GeoJSON', querystring: schemas.hotspotsQuery, response: { 200: fileResponse('application/geo+json') } }
  }, async (request, reply) => exportCells(request.query, 'geojson', reply))
}

export default hotspotsRoutes
