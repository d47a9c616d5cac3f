// HTTP routes of visits (api.md "Visits and traffic light"): the visit made on a phone (PUT by the
// id made on the device), its photos, its Safety Thirst assessment, its summary letter, the night's
// offline pack and a premises' visits and checklist. Officers, police and administrators only: a
// venue manager gets 403 on every visit route. The traffic light and the timeline have their own files.
import { OFFICERS_AND_POLICE } from '../../shared/roles.ts'
import { fileResponse, idParams, pagingQuery } from '../../shared/schemas/common.ts'
import {
  checklistResponse, photoParams, photoQuery, PHOTO_TYPES, tonightQuery, visitAssessmentBody, visitAssessmentResponse,
  visitBody, visitListResponse, visitParams, visitPhotoSchema, visitSchema
} from '../../shared/schemas/visits.ts'
import { tonightResponse, visitPackSchema } from '../../shared/schemas/visit-pack.ts'
import { nightOf } from '../../shared/dates.ts'
import { BadRequest } from '../errors.ts'
import { checklistFor, listPremisesVisits, loadVisit, putVisit } from './visits.service.ts'
import { putPhoto, readPhoto } from './photos.service.ts'
import { putAssessment } from './assessment.service.ts'
import { packFor, tonight } from './pack.service.ts'
import { visitLetter } from './letter.ts'
import { requirePremises } from '../premises/premises.public.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['visits']
const access = { access: OFFICERS_AND_POLICE }

const visitsRoutes: RoutesPlugin = async function visitsRoutes (app) {
  const clock = app.clock
  const bodyLimit = app.config.uploadMaxBytes
  // A photo is sent as the request body itself (no multipart), so a retry resends the same bytes.
  app.addContentTypeParser([...PHOTO_TYPES, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body))

  app.get('/visits/tonight', {
    config: access,
    schema: { tags, summary: 'The caller\'s visits of a night with everything their screens need offline', querystring: tonightQuery, response: { 200: tonightResponse } }
  }, async request => tonight(app.db, request.user, clock, request.query.night))

  app.get('/visits/:id', {
    config: access,
    schema: { tags, summary: 'One visit with its checklist, actions, photos and assessment', params: visitParams, response: { 200: visitSchema } }
  }, async request => loadVisit(app.db, request.params.id))

  app.get('/visits/:id/pack', {
    config: access,
    schema: { tags, summary: 'One visit with the premises record, checklist, plans, flags, incidents and Safety Thirst criteria', params: visitParams, response: { 200: visitPackSchema } }
  }, async request => packFor(app.db, request.params.id, clock))

  app.put('/visits/:id', {
    config: access,
    schema: {
      tags, summary: 'Create or update a visit by the id made on the device (201 created, 200 existed; 409 when changed elsewhere since)',
      params: visitParams, body: visitBody, response: { 200: visitSchema, 201: visitSchema }
    }
  }, async (request, reply) => {
    const result = await putVisit(app.db, request.user, request.params.id, request.body, clock)
    return reply.status(result.created ? 201 : 200).send(result.visit)
  })

  app.put('/visits/:id/photos/:photoId', {
    config: access,
    bodyLimit,
    schema: {
      tags, summary: 'Store a photo under an id made on the device (the image as the body; 201 stored, 200 already stored)',
      consumes: [...PHOTO_TYPES, 'application/octet-stream'], params: photoParams, querystring: photoQuery, response: { 200: visitPhotoSchema, 201: visitPhotoSchema }
    }
  }, async (request, reply) => {
    const body = request.body
    if (!Buffer.isBuffer(body) || body.byteLength === 0) throw new BadRequest('Send the photo itself as the request body, as image/jpeg, image/png or image/webp')
    const { id, photoId } = request.params
    const result = await putPhoto(app.db, request.user, id, photoId, new Uint8Array(body), request.query)
    return reply.status(result.created ? 201 : 200).send(result.photo)
  })

  app.get('/visits/:id/photos/:photoId', {
    config: access,
    schema: { tags, summary: 'A photo taken on a visit', params: photoParams, response: { 200: fileResponse(...PHOTO_TYPES) } }
  }, async (request, reply) => {
    const photo = await readPhoto(app.db, request.params.id, request.params.photoId)
    reply.type(photo.mimeType).header('cache-control', 'private, no-store')
    return reply.send(Buffer.from(photo.content))
  })

  app.put('/visits/:id/assessment', {
    config: access,
    schema: {
      tags, summary: 'Record the Safety Thirst results and the evidence seen per criterion on an assessment visit (409 when the assessment changed since download)',
      params: visitParams, body: visitAssessmentBody, response: { 200: visitAssessmentResponse }
    }
  }, async request => putAssessment(app.db, request.user, request.params.id, request.body, clock))

  app.get('/visits/:id/letter', {
    config: access,
    schema: { tags, summary: 'The summary letter to the venue after the visit, as a PDF', params: visitParams, produces: ['application/pdf'], response: { 200: fileResponse('application/pdf') } }
  }, async (request, reply) => {
    const letter = await visitLetter(app.db, request.params.id, clock.tz, clock.today())
    reply.type('application/pdf').header('content-disposition', `inline; filename="${letter.fileName}"`).header('cache-control', 'private, no-store')
    return reply.send(Buffer.from(letter.bytes))
  })

  app.get('/premises/:id/visits', {
    config: access,
    schema: { tags, summary: 'A premises\' visits, newest first', params: idParams, querystring: { type: 'object', properties: pagingQuery, additionalProperties: false }, response: { 200: visitListResponse } }
  }, async request => listPremisesVisits(app.db, request.params.id, request.query))

  app.get('/premises/:id/checklist', {
    config: access,
    schema: {
      tags, summary: 'The visit checklist built from the premises\' conditions, activities and hours (for tonight, or the night given)',
      params: idParams, querystring: tonightQuery, response: { 200: checklistResponse }
    }
  }, async request => {
    await requirePremises(app.db, request.params.id)
    const night = request.query.night ?? nightOf(clock.now(), clock.tz)
    return { premisesId: request.params.id, items: await checklistFor(app.db, request.params.id, night) }
  })
}

export default visitsRoutes
