// JSON Schema pieces used by many routes. Schemas are the contract: they validate requests,
// serialise responses (so no column leaks) and feed the OpenAPI document.
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    error: { type: 'string' },
    message: { type: 'string' },
    field: { type: 'string' },
    details: {}
  },
  required: ['statusCode', 'error', 'message']
} as const

export const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647, 'x-message': 'The address must end with a record number (a whole number, 1 or more)' } },
  required: ['id'],
  additionalProperties: false
} as const

export const latLng = {
  type: 'object',
  properties: {
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lng: { type: 'number', minimum: -180, maximum: 180 }
  },
  required: ['lat', 'lng'],
  additionalProperties: false
} as const

export const pagingQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  offset: { type: 'integer', minimum: 0, maximum: 100000000, default: 0 }
} as const

// `x-message` is what a caller is told when a value fails the schema (server/plugins/errors.ts
// reads it), so a bad value gets a sentence that says what to send instead of a pattern.

/**
 * The dates every route accepts. Nothing before 1990 or after 2100 is a licensing or incident
 * date, and the bounds keep date arithmetic (months back, a year earlier) in four-digit years.
 */
export const DATE_RANGE = { first: '1990-01-01', last: '2100-12-31' } as const
export const DATE_RANGE_MESSAGE = 'Enter a date between 1 January 1990 and 31 December 2100'

/** Local date (in TZ_LOCAL), as used by every from/to filter: YYYY-MM-DD, a real day, 1990 to 2100. */
export const localDate = {
  type: 'string', pattern: '^(199\\d|20\\d\\d|2100)-\\d{2}-\\d{2}$', format: 'date',
  'x-message': `${DATE_RANGE_MESSAGE}, written YYYY-MM-DD (for example 2024-12-06)`
} as const

/** A date (YYYY-MM-DD) or a date and time with its offset (2024-12-06T23:15:00Z), 1990 to 2100. */
export const dateOrDateTime = {
  type: 'string', maxLength: 40,
  pattern: '^(199\\d|20\\d\\d|2100)-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2}))?$',
  'x-message': `${DATE_RANGE_MESSAGE}, written YYYY-MM-DD or with the time as 2024-12-06T23:15:00Z`
} as const

/** bbox=minLng,minLat,maxLng,maxLat in degrees; the ranges are checked by server/geo/bbox.ts. */
export const bboxParam = {
  type: 'string', maxLength: 100,
  pattern: '^-?\\d{1,3}(\\.\\d{1,15})?(,-?\\d{1,3}(\\.\\d{1,15})?){3}$',
  'x-message': 'Enter bbox as four numbers in degrees, minLng,minLat,maxLng,maxLat (for example -0.11,51.50,-0.07,51.52)'
} as const

export function listOf (item: object) {
  return {
    type: 'object',
    properties: { items: { type: 'array', items: item }, total: { type: 'integer' } },
    required: ['items', 'total']
  } as const
}

export const okSchema = { type: 'object', properties: { ok: { type: 'boolean' } } } as const

/** The counts every import answers (police.uk, FSA XML, council CSV); each adds its own `rejected` shape. */
export const importCountProperties = {
  rows: { type: 'integer' },
  imported: { type: 'integer' },
  updated: { type: 'integer' },
  unchanged: { type: 'integer' },
  skipped: { type: 'integer' }
} as const

/**
 * The 2xx answer of a download (CSV, PDF, a GeoJSON file): its media types, for the OpenAPI
 * document. The handler sends a string or a buffer, which the serializer passes through.
 */
export function fileResponse<const T extends readonly string[]> (...mediaTypes: T) {
  return {
    description: 'A file',
    content: Object.fromEntries(mediaTypes.map(type => [type, { schema: { type: 'string', format: 'binary' } }])) as { [K in T[number]]: { schema: { type: 'string'; format: 'binary' } } }
  }
}
