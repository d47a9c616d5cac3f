// Tabular extracts (api.md "Partnership data"): saved profiles, inspecting a file, importing it
// through a profile (or a dry run), the free-text locations waiting for an officer. Registered
// inside the imports plugin, whose CSV and XLSX body parsers and size limit it shares.
import { OFFICERS_AND_POLICE } from '../../../shared/roles.ts'
import * as schemas from '../../../shared/schemas/records.ts'
import type { RoutesPlugin } from '../../typed-routes.ts'
import { readFileUpload } from '../upload.ts'
import { inspectFile } from './guess.ts'
import { decideLocationMatch, listLocationMatches } from './location-matches.service.ts'
import { importRecords, listProfiles, putProfile } from './records.service.ts'

const tags = ['imports']
const access = OFFICERS_AND_POLICE

const recordsRoutes: RoutesPlugin = async function recordsRoutes (app) {
  const bodyLimit = app.config.importMaxBytes

  app.get('/imports/profiles', {
    config: { access },
    schema: { tags, summary: 'Saved import profiles, the ISTV profile shipped with Nightsafe first', response: { 200: schemas.profileList } }
  }, async () => ({ items: await listProfiles(app.db) }))

  app.put('/imports/profiles/:name', {
    config: { access },
    schema: {
      tags, summary: 'Save an import profile: which column holds each field, how dates are written, the coordinates and the category map',
      params: schemas.profileParams, body: schemas.profileBody, response: { 200: schemas.profileSchema, 404: { $ref: 'Error#' } }
    }
  }, async request => putProfile(app.db, request.params.name, request.body, request.user.id))

  app.post('/imports/inspect', {
    config: { access },
    bodyLimit,
    schema: { tags, summary: 'The headings and first rows of an extract, the mapping Nightsafe guesses, and the saved profiles that fit it', response: { 200: schemas.inspectResponse } }
  }, async request => {
    const { content } = await readFileUpload(request, bodyLimit)
    return inspectFile(content, await listProfiles(app.db), app.clock.tz)
  })

  app.post('/imports/records/:profile', {
    config: { access },
    bodyLimit,
    schema: {
      tags, summary: 'Import an extract (CSV or XLSX) through a saved profile; dryRun=true reads and checks it and writes nothing',
      params: schemas.profileParam, querystring: schemas.recordsQuery, response: { 200: schemas.recordsImportResponse, 404: { $ref: 'Error#' } }
    }
  }, async request => {
    const { content, fileName } = await readFileUpload(request, bodyLimit)
    return importRecords(app.db, request.params.profile, content, { dryRun: request.query.dryRun, userId: request.user.id, fileName, tz: app.clock.tz, now: app.clock.now() })
  })

  app.get('/imports/locations', {
    config: { access },
    schema: { tags, summary: 'Free-text locations and the premises they were matched to; status=review lists those waiting for an officer', querystring: schemas.locationMatchQuery, response: { 200: schemas.locationMatchList } }
  }, async request => listLocationMatches(app.db, request.query.status))

  app.post('/imports/locations/decide', {
    config: { access },
    schema: { tags, summary: 'Confirm or correct the premises a location text names (null: no premises); remembered for later extracts', body: schemas.decideMatchBody, response: { 200: schemas.locationMatchSchema, 404: { $ref: 'Error#' } } }
  }, async request => decideLocationMatch(app.db, request.user.id, request.body.key, request.body.premisesId))
}

export default recordsRoutes
