// HTTP routes of the flags domain (OpenAPI tag "flags"): schema, access, status codes. The rules
// live in the services; POST /flags/run calls the same service as the weekly job.
import { fileResponse, idParams } from '../../shared/schemas/common.ts'
import * as s from '../../shared/schemas/flags.ts'
import { OFFICERS, OFFICERS_AND_POLICE, ALL_BUT_AUTHORITIES } from '../../shared/roles.ts'
import { runFlags } from './flags.run.service.ts'
import { acknowledgeFlag, flagsCsv, getSettings, latestRunWithEvaluations, listFlags, resolveFlag, updateSettings } from './flags.service.ts'
import { concentration, flagWithChart } from './flags.context.service.ts'
import { fieldError } from '../errors.ts'
import { sendCsv } from '../http/csv.ts'
import type { RoutesPlugin } from '../typed-routes.ts'

const tags = ['flags']

const flagsRoutes: RoutesPlugin = async function flagsRoutes (app) {
  const today = app.clock.today
  const tz = app.clock.tz

  app.post('/flags/run', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Evaluate every current premises as of a date (the weekly job calls the same service)', querystring: s.runQuery, response: { 200: s.runResult } }
  }, async request => {
    const { asOf } = request.query
    const date = asOf ?? today()
    if (Number.isNaN(Date.parse(date + 'T00:00:00Z'))) throw fieldError('asOf', 'Enter the date of the run as a real date, written YYYY-MM-DD')
    return runFlags(app.db, { asOf: date, tz })
  })

  app.get('/flags', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'Flags (a venue manager sees only its own, once acknowledged)', querystring: s.flagListQuery, response: { 200: s.flagListResponse } }
  }, async request => {
    const { limit, offset, ...filter } = request.query
    return listFlags(app.db, request.user, filter, limit, offset)
  })

  app.get('/flags/export', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'Flags as CSV, with the same filters as the list', querystring: s.flagListQuery, response: { 200: fileResponse('text/csv') } }
  }, async (request, reply) => {
    const { limit, offset, ...filter } = request.query
    return sendCsv(reply, `flags-${today()}.csv`, await flagsCsv(app.db, request.user, filter))
  })

  app.get('/flags/runs/latest', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Every test of the latest run, flagged or not', response: { 200: s.latestRunSchema } }
  }, async () => latestRunWithEvaluations(app.db))

  app.get('/flags/concentration', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'Concentration of a crime group across venues (Lorenz curve, top 10% / 20%, rates per capacity)', querystring: s.groupQuery, response: { 200: s.concentrationSchema } }
  }, async request => {
    const { group, asOf } = request.query
    const result = await concentration(app.db, group, asOf ?? today(), tz)
    if (!result) throw fieldError('group', `Unknown crime group "${group}"`)
    return result
  })

  app.get('/flags/settings', {
    config: { access: OFFICERS_AND_POLICE },
    schema: { tags, summary: 'The crime groups flags test (theft, violence and their categories) and the sources of incidents they count', response: { 200: s.settingsSchema } }
  }, async () => getSettings(app.db))

  app.put('/flags/settings', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Change the crime groups and the sources of incidents flags count (at least one)', body: s.settingsBody, response: { 200: s.settingsSchema } }
  }, async request => updateSettings(app.db, request.user, request.body))

  app.get('/flags/:id', {
    config: { access: ALL_BUT_AUTHORITIES },
    schema: { tags, summary: 'A flag with its events and the monthly chart', params: idParams, response: { 200: s.flagWithChartSchema } }
  }, async request => flagWithChart(app.db, request.user, request.params.id, today(), tz))

  app.post('/flags/:id/acknowledge', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Acknowledge an open flag with a note', params: idParams, body: s.noteBody, response: { 200: s.flagDetailSchema } }
  }, async request => {
    const { id } = request.params
    return acknowledgeFlag(app.db, request.user, id, request.body.note)
  })

  app.post('/flags/:id/resolve', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Resolve a flag with the action taken', params: idParams, body: s.noteBody, response: { 200: s.flagDetailSchema } }
  }, async request => {
    const { id } = request.params
    return resolveFlag(app.db, request.user, id, request.body.note)
  })
}

export default flagsRoutes
