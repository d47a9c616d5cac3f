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
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
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

/** Local date (in TZ_LOCAL), as used by every from/to filter. */
export const localDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } as const

/** bbox=minLng,minLat,maxLng,maxLat */
export const bboxParam = {
  type: 'string',
  pattern: '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$'
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
