// HTTP routes for applications: life cycle, self-assessment, assessment, moderation, decision,
// evidence files and the certificate. Venue-manager scoping happens in the services.
import { ALL_BUT_AUTHORITIES, OFFICERS } from '../../shared/roles.ts'
import { fileResponse, idParams, listOf } from '../../shared/schemas/common.ts'
import {
  applicationDetail, applicationSummary, assessmentBody, createApplicationBody, decisionResponse, evidenceFileSchema, fileParams,
  listApplicationsQuery, moderationBody, selfAssessmentBody, withdrawBody, EVIDENCE_TYPES
} from '../../shared/schemas/safety-thirst.ts'
import { fieldError } from '../errors.ts'
import * as applications from './applications.service.ts'
import * as assessment from './assessment.service.ts'
import { addEvidence, readEvidence } from './evidence.service.ts'
import { certificateFor, certificateHtml, certificatePdf } from './certificate.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['safety-thirst']
const WRITERS = ['admin', 'licensing_officer', 'venue_manager'] as const
const id = (request: { params: { id: number } }) => request.params.id

const applicationsRoutes: RoutesPlugin = async function applicationsRoutes (app) {
  const detail = (request: { user: Parameters<typeof applications.describeApplication>[1] }, appId: number) => applications.describeApplication(app.db, request.user, appId)

  app.post('/applications', {
    config: { access: WRITERS },
    schema: { tags, summary: 'Start an application (one per premises and year)', body: createApplicationBody, response: { 201: applicationDetail } }
  }, async (request, reply) => {
    const row = await applications.createApplication(app.db, request.user, request.body, app.clock.year())
    return reply.status(201).send(await detail(request, row.id))
  })

  app.get('/applications', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'Applications (a venue manager sees only its own premises)', querystring: listApplicationsQuery, response: { 200: listOf(applicationSummary) } }
  }, async request => applications.listApplications(app.db, request.user, request.query))

  app.get('/applications/:id', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'One application with its criteria, answers, results and evidence', params: idParams, response: { 200: applicationDetail } }
  }, async request => detail(request, id(request)))

  app.put('/applications/:id/self-assessment', {
    config: { access: WRITERS },
    schema: { tags, summary: 'Save the venue\'s answers (part-way saves allowed while draft)', params: idParams, body: selfAssessmentBody, response: { 200: applicationDetail } }
  }, async request => {
    await applications.saveSelfAssessment(app.db, request.user, id(request), request.body.answers)
    return detail(request, id(request))
  })

  app.post('/applications/:id/submit', {
    config: { access: WRITERS },
    schema: { tags, summary: 'Submit a complete self-assessment', params: idParams, response: { 200: applicationDetail } }
  }, async request => {
    await applications.submitApplication(app.db, request.user, id(request))
    return detail(request, id(request))
  })

  app.post('/applications/:id/withdraw', {
    config: { access: WRITERS },
    schema: { tags, summary: 'Withdraw the application (any time before the decision)', params: idParams, body: withdrawBody, response: { 200: applicationDetail } }
  }, async request => {
    await applications.withdrawApplication(app.db, request.user, id(request), request.body?.reason)
    return detail(request, id(request))
  })

  app.put('/applications/:id/assessment', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Record the site visit and a result per criterion', params: idParams, body: assessmentBody, response: { 200: applicationDetail } }
  }, async request => {
    await assessment.saveAssessment(app.db, request.user, id(request), request.body)
    return detail(request, id(request))
  })

  app.post('/applications/:id/moderation', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'A second officer confirms or changes the results', params: idParams, body: moderationBody, response: { 200: applicationDetail } }
  }, async request => {
    await assessment.moderate(app.db, request.user, id(request), request.body)
    return detail(request, id(request))
  })

  app.post('/applications/:id/decision', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Decide the tier by the criteria set\'s rules', params: idParams, response: { 200: decisionResponse } }
  }, async request => assessment.decide(app.db, request.user, id(request)))

  app.post('/applications/:id/evidence', {
    config: { access: WRITERS },
    schema: {
      tags, summary: 'Upload an evidence file (multipart field "file")', consumes: ['multipart/form-data'], params: idParams,
      querystring: { type: 'object', properties: { criterionCode: { type: 'string', pattern: '^[A-Z]{1,4}[0-9]{1,3}$' } }, additionalProperties: false },
      response: { 201: evidenceFileSchema }
    }
  }, async (request, reply) => {
    const file = await request.file()
    if (!file || file.fieldname !== 'file') throw fieldError('file', 'Send the evidence as multipart field "file"')
    const bytes = await file.toBuffer()
    const field = file.fields.criterionCode as { value?: unknown } | undefined
    const criterionCode = request.query.criterionCode ?? (typeof field?.value === 'string' && field.value ? field.value : null)
    const saved = await addEvidence(app.db, request.user, id(request), { filename: file.filename, mimetype: file.mimetype, bytes: new Uint8Array(bytes) }, criterionCode)
    return reply.status(201).send(saved)
  })

  app.get('/applications/:id/evidence/:fileId', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'Download an evidence file (that venue\'s manager, officers, police, admin)', params: fileParams, response: { 200: fileResponse(...EVIDENCE_TYPES) } }
  }, async (request, reply) => {
    const { id: appId, fileId } = request.params
    const file = await readEvidence(app.db, request.user, appId, fileId)
    const disposition = file.mimeType.startsWith('application/vnd') ? 'attachment' : 'inline'
    reply.type(file.mimeType).header('content-disposition', `${disposition}; filename="${file.filename.replace(/"/g, '')}"`).header('cache-control', 'private, no-store')
    return reply.send(Buffer.from(file.content))
  })

  app.get('/applications/:id/certificate', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: {
      tags, summary: 'The award certificate as a printable page, or a PDF with ?format=pdf', params: idParams, produces: ['text/html', 'application/pdf'],
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['html', 'pdf'], default: 'html' } }, additionalProperties: false },
      response: { 200: fileResponse('text/html', 'application/pdf') }
    }
  }, async (request, reply) => {
    const certificate = await certificateFor(app.db, request.user, id(request))
    if (request.query.format === 'pdf') {
      reply.type('application/pdf').header('content-disposition', `inline; filename="safety-thirst-${certificate.certificateNumber}.pdf"`)
      return reply.send(Buffer.from(await certificatePdf(certificate)))
    }
    return reply.type('text/html; charset=utf-8').send(certificateHtml(certificate))
  })
}

export default applicationsRoutes
