// POST /api/imports/police-uk (street CSV as text/csv or multipart `file`) and
// /api/imports/police-uk-json (API JSON, plain or gzipped). The text/csv parser is registered in
// this plugin's own scope (not fastify-plugin wrapped), with the import size limit.
import type { FastifyRequest } from 'fastify'
import { OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { importRunsResponse, importSummarySchema } from '../../shared/schemas/incidents.ts'
import { BadRequest } from '../errors.ts'
import { importApiJson, importStreetCsv, recentImports } from './imports.service.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const importsRoutes: RoutesPlugin = async function importsRoutes (app) {
  const bodyLimit = app.config.importMaxBytes
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body))
  app.addContentTypeParser(['application/gzip', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body))

  // The whole file is read before the import starts (COPY takes it in one go); the limit bounds it.
  async function upload (request: FastifyRequest): Promise<{ content: Buffer | unknown[]; fileName: string | null }> {
    if (request.isMultipart()) {
      const file = await request.file({ limits: { fileSize: bodyLimit, files: 1 } })
      if (!file || file.fieldname !== 'file') throw new BadRequest('Send the file in the multipart field "file"')
      // Over the limit, toBuffer throws 413 FST_REQ_FILE_TOO_LARGE, as a too large text/csv body does.
      return { content: await file.toBuffer(), fileName: file.filename }
    }
    const body = request.body
    if (Buffer.isBuffer(body) || Array.isArray(body)) return { content: body, fileName: (request.headers['x-file-name'] as string | undefined) ?? null }
    throw new BadRequest('Send the file as the request body (text/csv) or as multipart field "file"')
  }

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

  app.get('/imports', {
    config: access,
    schema: { tags: ['incidents'], summary: 'Recent imports', response: { 200: importRunsResponse } }
  }, async () => ({ items: await recentImports(app.db) }))
}

export default importsRoutes
