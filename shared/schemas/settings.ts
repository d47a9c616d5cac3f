// JSON Schemas of the public, non-secret settings the browser reads before login.
import type { FromSchema } from 'json-schema-to-ts'

export const publicSettingsSchema = {
  type: 'object',
  properties: { mapTiles: { type: ['string', 'null'] }, tzLocal: { type: 'string' }, database: { type: 'string' } },
  required: ['mapTiles', 'tzLocal', 'database']
} as const

/** The licensing authority's boundary: one GeoJSON Feature with a Polygon. */
export const boundarySchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['Feature'] },
    properties: { type: 'object', additionalProperties: true },
    geometry: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['Polygon'] },
        coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } }
      },
      required: ['type', 'coordinates']
    }
  },
  required: ['type', 'properties', 'geometry']
} as const

export type PublicSettings = FromSchema<typeof publicSettingsSchema>
export type Boundary = FromSchema<typeof boundarySchema>
