// The offline pack of a visit (GET /api/visits/tonight, GET /api/visits/:id/pack): everything the
// officer's phone keeps for a visit made with no signal: the premises record and conditions, the
// checklist, plans, open flags, recent incidents, the traffic light and the Safety Thirst criteria.
import type { FromSchema } from 'json-schema-to-ts'
import { checklistItemSchema, visitSchema } from './visits.ts'
import { TRAFFIC_LIGHTS } from './traffic-light.ts'

const str = { type: 'string' } as const
const nstr = { type: ['string', 'null'] } as const
const int = { type: 'integer' } as const
const nint = { type: ['integer', 'null'] } as const
const span = { type: 'object', properties: { from: str, to: str }, required: ['from', 'to'] } as const

const packPremises = {
  type: 'object',
  properties: {
    id: int, name: str, address: str, postcode: nstr, licenceNumber: nstr, licenceHolder: nstr, dpsName: nstr, capacity: nint, premisesType: str, status: str,
    activities: { type: 'array', items: str },
    openingHours: { type: 'object', additionalProperties: span },
    licensableActivities: { type: 'array', items: { type: 'object', properties: { activity: str, days: { type: 'array', items: str }, from: str, to: str }, required: ['activity', 'days', 'from', 'to'] } },
    conditions: { type: 'array', items: { type: 'object', properties: { id: int, annex: int, text: str }, required: ['id', 'annex', 'text'] } }
  },
  required: ['id', 'name', 'address', 'postcode', 'licenceNumber', 'licenceHolder', 'dpsName', 'capacity', 'premisesType', 'status', 'activities', 'openingHours', 'licensableActivities', 'conditions']
} as const

const packPlan = {
  type: 'object',
  properties: { kind: str, title: str, version: int, status: str, reviewDue: nstr, sections: { type: 'array', items: { type: 'object', properties: { key: str, title: str, text: str }, required: ['key', 'title', 'text'] } } },
  required: ['kind', 'title', 'version', 'status', 'reviewDue', 'sections']
} as const

const packFlag = {
  type: 'object',
  properties: { id: int, crimeGroup: str, level: str, status: str, explanation: str, firstRaisedAt: { type: 'string', format: 'date-time' } },
  required: ['id', 'crimeGroup', 'level', 'status', 'explanation', 'firstRaisedAt']
} as const

const packIncident = {
  type: 'object',
  properties: { id: int, category: str, occurredAt: { type: 'string', format: 'date-time' }, timePrecision: str, locationText: nstr, description: nstr, outcome: nstr, source: str, attribution: str },
  required: ['id', 'category', 'occurredAt', 'timePrecision', 'locationText', 'description', 'outcome', 'source', 'attribution']
} as const

export const packApplication = {
  type: 'object',
  properties: {
    id: int, premisesId: int, year: int, status: str, updatedAt: { type: 'string', format: 'date-time' },
    criteria: { type: 'array', items: { type: 'object', properties: { code: str, category: str, level: str, text: str, evidence: str }, required: ['code', 'category', 'level', 'text', 'evidence'] } },
    results: { type: 'array', items: { type: 'object', properties: { criterionCode: str, result: str, note: str }, required: ['criterionCode', 'result', 'note'] } }
  },
  required: ['id', 'premisesId', 'year', 'status', 'updatedAt', 'criteria', 'results']
} as const

export const visitPackSchema = {
  type: 'object',
  properties: {
    visit: visitSchema,
    premises: packPremises,
    checklist: { type: 'array', items: checklistItemSchema },
    plans: { type: 'array', items: packPlan },
    openFlags: { type: 'array', items: packFlag },
    recentIncidents: { type: 'array', items: packIncident },
    trafficLight: { type: 'object', properties: { light: { type: 'string', enum: TRAFFIC_LIGHTS }, points: int }, required: ['light', 'points'] },
    safetyThirst: { anyOf: [packApplication, { type: 'null' }] }
  },
  required: ['visit', 'premises', 'checklist', 'plans', 'openFlags', 'recentIncidents', 'trafficLight', 'safetyThirst']
} as const

export const tonightResponse = {
  type: 'object',
  properties: { night: { type: 'string', format: 'date' }, downloadedAt: { type: 'string', format: 'date-time' }, items: { type: 'array', items: visitPackSchema } },
  required: ['night', 'downloadedAt', 'items']
} as const

export type VisitPack = FromSchema<typeof visitPackSchema>
export type TonightPack = FromSchema<typeof tonightResponse>
export type PackApplication = FromSchema<typeof packApplication>
