// The lean map feed (GET /api/map/premises): only what the premises layer draws, as GeoJSON with
// short property keys, so a pan over a thousand venues costs tens of kilobytes, not hundreds.
// The full record comes from GET /api/premises/:id when a venue is clicked.
//   id   the premises id (the Feature's own id)
//   n    name
//   s    licence status (current, suspended, …)
//   t    Safety Thirst tier of the current award (pass, commended, highly_commended), or absent
//   f    strongest unresolved flag (strong, rising, watch), or absent; as GET /api/flags scopes it
//   p    plans: overdue (an approved document past its review date), submitted (a version waits
//        for an officer), incomplete (only one of the noise plan and dispersal policy counts),
//        approved; absent when the premises has neither
// Coordinates are [lng, lat] rounded to 5 decimals (about a metre).
import type { FromSchema } from 'json-schema-to-ts'
import { bboxParam } from './common.ts'
import { PREMISES_STATUSES } from './premises.ts'
import { FLAG_LEVELS } from './flags.ts'

export const MAP_TIERS = ['pass', 'commended', 'highly_commended'] as const
export const MAP_PLAN_STATES = ['overdue', 'submitted', 'incomplete', 'approved'] as const
export type MapPlanState = typeof MAP_PLAN_STATES[number]

export const mapPremisesQuery = {
  type: 'object',
  properties: { bbox: bboxParam },
  additionalProperties: false
} as const

export const mapPremisesFeature = {
  type: 'object',
  properties: {
    type: { type: 'string', const: 'Feature' },
    id: { type: 'integer' },
    geometry: {
      type: 'object',
      properties: {
        type: { type: 'string', const: 'Point' },
        coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }
      },
      required: ['type', 'coordinates'],
      additionalProperties: false
    },
    properties: {
      type: 'object',
      properties: {
        n: { type: 'string' },
        s: { type: 'string', enum: PREMISES_STATUSES },
        t: { type: 'string', enum: MAP_TIERS },
        f: { type: 'string', enum: FLAG_LEVELS },
        p: { type: 'string', enum: MAP_PLAN_STATES }
      },
      required: ['n', 's'],
      additionalProperties: false
    }
  },
  required: ['type', 'id', 'geometry', 'properties'],
  additionalProperties: false
} as const

export const mapPremisesResponse = {
  type: 'object',
  properties: {
    type: { type: 'string', const: 'FeatureCollection' },
    features: { type: 'array', items: mapPremisesFeature }
  },
  required: ['type', 'features'],
  additionalProperties: false
} as const

export type MapPremisesFeature = FromSchema<typeof mapPremisesFeature>
export type MapPremisesCollection = FromSchema<typeof mapPremisesResponse>
