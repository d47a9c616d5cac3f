// POST /api/imports/police-uk (street CSV as text/csv or multipart `file`) and
// /api/imports/police-uk-json (API JSON, plain or gzipped). The text/csv parser is registered in
// this plugin's own scope (not fastify-plugin wrapped), with the import size limit; the record
// imports (records/records.routes.ts) share it.
import type { FastifyRequest } from 'fastify'
import { OFFICERS, OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { syncResponse } from '../../shared/schemas/records.ts'
import { syncPoliceUkNow } from './police-uk-sync.service.ts'
import { importRunsResponse, importSummarySchema } from '../../shared/schemas/incidents.ts'
import { BadRequest } from '../errors.ts'
import { readUpload } from './upload.ts'
import recordsRoutes from './records/records.routes.ts'
import { XLSX_TYPE } from './records/read-table.ts'
import { importApiJson, importStreetCsv, recentImports } from './imports.service.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const importsRoutes: RoutesPlugin = async function importsRoutes (app) {
  const bodyLimit = app.config.importMaxBytes
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body))
  app.addContentTypeParser(['application/gzip', 'application/octet-stream', XLSX_TYPE], { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body))

  const upload = (request: FastifyRequest) => readUpload(request, bodyLimit)

  const access = { access: OFFICERS_AND_POLICE }
  app.post('/imports/police-uk', {
    config: access,
    bodyLimit,
    schema: { tags: ['incidents'], summary: 'Import a police.uk street-level crime CSV (idempotent; later downloads update outcomes)', response: { 200: importSummarySchema } }
  }, async request => {
    const { content, fileName } = await upload(request)
    if (Array.isArray(content)) throw new BadRequest('Send a police.uk street CSV (text/csv), not JSON')
    return importStreetCsv(app.db, content, { fileName, userId: request.user.id, tz: app.config.tzLocal })
  })

  app.post('/imports/police-uk-json', {
    config: access,
    bodyLimit,
    schema: { tags: ['incidents'], summary: 'Import a police.uk API /crimes-street JSON response (plain or gzipped)', response: { 200: importSummarySchema } }
  }, async request => {
    const { content, fileName } = await upload(request)
    return importApiJson(app.db, content, { fileName, userId: request.user.id, tz: app.config.tzLocal })
  })

  app.post('/imports/police-uk/sync', {
    config: { access: OFFICERS },
    schema: { tags: ['incidents'], summary: 'Fetch from the police.uk API every month it holds that Nightsafe does not, for the authority\'s boundary', response: { 200: syncResponse } }
  }, async request => syncPoliceUkNow(app, request.user.id))

  app.get('/imports', {
    config: access,
    schema: { tags: ['incidents'], summary: 'Recent imports', response: { 200: importRunsResponse } }
  }, async () => ({ items: await recentImports(app.db) }))

  await app.register(recordsRoutes)
}

export default importsRoutes
