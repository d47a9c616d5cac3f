// Import routes of the register: FSA hygiene-rating XML and council register CSV, sent as the
// raw body (text/xml, application/xml, text/csv) or as multipart field `file`. The content-type
// parsers are registered here, in this plugin's own scope (not fastify-plugin wrapped), so they
// do not clash with other domains' parsers.
import type { FastifyRequest } from 'fastify'
import { OFFICERS } from '../../shared/roles.ts'
import {
  fhrsImportQuery, importReportSchema, registerImportQuery, registerPreviewSchema,
  type FhrsTypeKey, type RegisterMapping
} from '../../shared/schemas/premises.ts'
import { fieldError } from '../errors.ts'
import { UnsupportedImport } from './premises.errors.ts'
import { importFhrs, importRegister } from './import/import.service.ts'
import { previewCsv } from './import/register.parser.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['premises', 'imports']
const errors = { 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' } }

/** The uploaded file's text and any other multipart fields (e.g. mapping). */
async function uploaded (request: FastifyRequest): Promise<{ text: string; fields: Record<string, string> }> {
  const fields: Record<string, string> = {}
  if (!request.isMultipart()) {
    if (typeof request.body !== 'string' || !request.body.trim()) throw fieldError('file', 'Send the file as the request body (text/xml or text/csv) or as multipart field "file"')
    return { text: request.body, fields }
  }
  let text: string | undefined
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') { await part.toBuffer(); continue }
      text = (await part.toBuffer()).toString('utf8')
    } else {
      fields[part.fieldname] = String(part.value)
    }
  }
  if (!text?.trim()) throw fieldError('file', 'The multipart upload has no (or an empty) field "file"')
  return { text, fields }
}

function mappingOf (raw: string | undefined): RegisterMapping | undefined {
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw)
    if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some(v => typeof v !== 'string')) throw new Error('not an object')
    return value as RegisterMapping
  } catch {
    throw fieldError('mapping', 'Match the columns as a JSON object of register fields and column names, like {"licenceNumber":"Licence Number","name":"Trading Name"}')
  }
}

const premisesImportRoutes: RoutesPlugin = async function premisesImportRoutes (app) {
  const bodyLimit = app.config.importMaxBytes
  app.addContentTypeParser(['text/xml', 'application/xml', 'text/csv'], { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body))

  app.post('/imports/premises-fhrs', {
    bodyLimit,
    config: { access: OFFICERS },
    schema: { tags, summary: 'Import FSA food hygiene rating XML (pubs, bars and nightclubs; ?types=pub,restaurant,hotel,takeaway)', querystring: fhrsImportQuery, response: { 200: importReportSchema, ...errors } }
  }, async request => {
    const { text } = await uploaded(request)
    if (!text.trimStart().startsWith('<')) throw new UnsupportedImport('This does not look like XML: an FSA food hygiene rating file starts with <?xml')
    const types = request.query.types?.split(',') as FhrsTypeKey[] | undefined // the pattern admits only these keys
    const { ids, ...report } = await importFhrs(app.db, request.user.id, text, types)
    return report
  })

  app.post('/imports/premises-register/preview', {
    bodyLimit,
    config: { access: OFFICERS },
    schema: { tags, summary: 'Headers, first rows and a suggested column mapping of a council register CSV', response: { 200: registerPreviewSchema, ...errors } }
  }, async request => previewCsv((await uploaded(request)).text))

  app.post('/imports/premises-register', {
    bodyLimit,
    config: { access: OFFICERS },
    schema: { tags, summary: 'Import a council premises-licence register CSV with a column mapping {ourField: csvHeader}', querystring: registerImportQuery, response: { 200: importReportSchema, ...errors } }
  }, async request => {
    const { text, fields } = await uploaded(request)
    const mapping = mappingOf(fields.mapping ?? request.query.mapping)
    const { ids, ...report } = await importRegister(app.db, request.user.id, text, mapping)
    return report
  })
}

export default premisesImportRoutes
