// JSON Schemas of the statutory clock route. Dates are checked in the route (not by a pattern)
// so a bad one gets a sentence that says what to type.
import type { FromSchema } from 'json-schema-to-ts'

export const clockQuery = {
  type: 'object',
  properties: {
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
    workingDays: { type: 'integer', minimum: -1000, maximum: 1000 }
  },
  required: ['from'],
  additionalProperties: false
} as const

export const clockResponse = {
  type: 'object',
  properties: {
    date: { type: 'string', format: 'date' },
    workingDaysBetween: { type: 'integer' }
  },
  additionalProperties: false
} as const

export type ClockQuery = FromSchema<typeof clockQuery>
