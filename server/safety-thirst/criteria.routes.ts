// HTTP routes for the criteria (current set, administrators' versioned drafts) and the scheme settings.
import { ALL_BUT_AUTHORITIES, OFFICERS } from '../../shared/roles.ts'
import { idParams } from '../../shared/schemas/common.ts'
import {
  addCriterionBody, createSetBody, criteriaSetList, criteriaSetSchema, currentCriteriaResponse, setCodeParams,
  settingsBody, settingsSchema, updateCriterionBody, updateSetBody
} from '../../shared/schemas/safety-thirst.ts'
import * as criteria from './criteria.service.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['safety-thirst']
const ADMIN = ['admin'] as const

const criteriaRoutes: RoutesPlugin = async function criteriaRoutes (app) {
  app.get('/criteria', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'The current (published) criteria set', response: { 200: currentCriteriaResponse } }
  }, async () => criteria.currentCriteria(app.db))

  app.get('/criteria-sets', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Every criteria set version', response: { 200: criteriaSetList } }
  }, async () => {
    await criteria.currentSet(app.db)
    const items = await criteria.listSets(app.db)
    return { items: items.map(i => ({ ...i, criteriaCount: Number(i.criteriaCount) })), total: items.length }
  })

  app.get('/criteria-sets/:id', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'One criteria set with retired criteria', params: idParams, response: { 200: criteriaSetSchema } }
  }, async request => criteria.getSet(app.db, request.params.id))

  app.post('/criteria-sets', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Start a draft version, copied from the current set', body: createSetBody, response: { 201: criteriaSetSchema } }
  }, async (request, reply) => {
    const set = await criteria.createDraft(app.db, request.user.id, request.body.version)
    return reply.status(201).send(set)
  })

  app.patch('/criteria-sets/:id', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Rename a draft or change its tier thresholds', params: idParams, body: updateSetBody, response: { 200: criteriaSetSchema } }
  }, async request => criteria.updateDraft(app.db, request.user.id, request.params.id, request.body))

  app.post('/criteria-sets/:id/criteria', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Add a criterion to a draft', params: idParams, body: addCriterionBody, response: { 201: criteriaSetSchema } }
  }, async (request, reply) => {
    const set = await criteria.addCriterion(app.db, request.user.id, request.params.id, request.body)
    return reply.status(201).send(set)
  })

  app.patch('/criteria-sets/:id/criteria/:code', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Edit or retire a criterion of a draft', params: setCodeParams, body: updateCriterionBody, response: { 200: criteriaSetSchema } }
  }, async request => {
    const { id, code } = request.params
    return criteria.updateCriterion(app.db, request.user.id, id, code, request.body)
  })

  app.post('/criteria-sets/:id/publish', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Publish a draft; it becomes the set new applications use', params: idParams, response: { 200: criteriaSetSchema } }
  }, async request => criteria.publish(app.db, request.user.id, request.params.id))

  app.get('/settings', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Scheme settings: the yearly target and whether moderation is required', response: { 200: settingsSchema } }
  }, async () => criteria.getSettings(app.db))

  app.put('/settings', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Change the scheme settings', body: settingsBody, response: { 200: settingsSchema } }
  }, async request => criteria.updateSettings(app.db, request.user.id, request.body))
}

export default criteriaRoutes
