// JSON Schemas and types of the hotspots API (OpenAPI tag "hotspots"): the filters every hotspot route
// shares, the GeoJSON cells, the density raster and the change view.
import type { FromSchema } from 'json-schema-to-ts'
import { localDate } from './common.ts'
import { sourceList } from './incidents.ts'

export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/** Cell sizes in metres: the `cell` filter and the size in a cell id follow the same rule. */
export const CELL_SIZE = { min: 25, max: 200 } as const

export const hotspotFilterProperties = {
  from: { ...localDate, description: 'First local date (inclusive). With days or hours it is the first night.' },
  to: { ...localDate, description: 'Last local date (inclusive).' },
  categories: { type: 'string', pattern: '^([a-z][a-z-]*(,[a-z][a-z-]*)*)?$', 'x-message': 'Enter categories as police.uk names separated by commas, for example other-theft,robbery', description: 'Comma-separated category slugs; all when empty' },
  sources: { ...sourceList, description: 'Only these sources, comma-separated (the include/exclude switches); every source when left out' },
  days: { type: 'string', pattern: '^((mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*)?$', 'x-message': 'Enter nights as three-letter days separated by commas, for example fri,sat', description: 'Nights of the week (night of = local date of the time minus 6 hours)' },
  hours: { type: 'string', pattern: '^(([01]?[0-9]|2[0-3])-([01]?[0-9]|2[0-4]))?$', 'x-message': 'Enter hours as the first and last hour of the day, for example 22-04 for 10pm to 4am', description: 'Local clock hours start-end, end exclusive; 22-04 wraps midnight' },
  cell: { type: 'integer', minimum: CELL_SIZE.min, maximum: CELL_SIZE.max, default: 50, description: 'Cell size in metres', 'x-message': `Choose a cell size from ${CELL_SIZE.min} to ${CELL_SIZE.max} metres` },
  weight: { type: 'string', enum: ['count', 'harm'], default: 'count', description: 'Count incidents, or weight each by the Cambridge Crime Harm Index' }
} as const

export const hotspotsQuery = { type: 'object', properties: hotspotFilterProperties, additionalProperties: false } as const
export const densityQuery = {
  type: 'object',
  properties: {
    ...hotspotFilterProperties,
    bandwidth: { type: 'integer', minimum: 75, maximum: 300, description: 'Kernel radius in metres; default from a robust rule' },
    pixel: { type: 'integer', minimum: 10, maximum: 50, default: 25, description: 'Raster pixel size in metres (25 or 50 are read from the aggregates; other sizes count the raw incidents)' }
  },
  additionalProperties: false
} as const
export const exportQuery = {
  type: 'object',
  properties: { ...hotspotFilterProperties, format: { type: 'string', enum: ['csv', 'geojson'] } },
  additionalProperties: false
} as const
/** GET /hotspots/export: the format is required there. */
export const exportFormatQuery = { ...exportQuery, required: ['format'] } as const
export const cellParams = {
  type: 'object',
  properties: {
    id: {
      type: 'string', pattern: '^\\d{2,3}m-\\d{1,8}-\\d{1,8}$', description: 'size in metres (25 to 200), then the easting and northing of the south-west corner: 50m-532000-181000',
      'x-message': 'Enter a cell id like 50m-532000-181000: a cell size of 25 to 200 metres, then the easting and northing of its south-west corner'
    }
  },
  required: ['id'],
  additionalProperties: false
} as const

/** The filters as a caller may give them (cell and weight take their defaults when left out). */
export type HotspotQuery = FromSchema<typeof hotspotsQuery, { keepDefaultedPropertiesOptional: true }>

const nullableNumber = { type: ['number', 'null'] } as const
const polygon = {
  type: 'object',
  properties: { type: { type: 'string', enum: ['Polygon'] }, coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } } },
  required: ['type', 'coordinates']
} as const

const windowMeta = {
  from: { type: 'string' }, to: { type: 'string' }, nights: { type: 'boolean' },
  categories: { type: 'array', items: { type: 'string' } }, sources: { type: 'array', items: { type: 'string' } }, days: { type: 'array', items: { type: 'string' } }, hours: { type: ['string', 'null'] }
} as const

const windowMetaRequired = ['from', 'to', 'nights', 'categories', 'sources', 'days', 'hours'] as const

export const hotspotsMeta = {
  type: 'object',
  properties: {
    n: { type: 'number', description: 'Incidents counted, a windowed incident by its share inside the filters' }, cellSize: { type: 'integer' }, cells: { type: 'integer' },
    excludedMonthPrecision: { type: 'integer' }, excludedDayPrecision: { type: 'integer' },
    windowed: { type: 'integer', description: 'Incidents recorded as a window (committed between two times) and counted by their share' },
    significance: { type: 'boolean' }, reason: { type: 'string' },
    weight: { type: 'string', enum: ['count', 'harm'] }, totalHarm: { type: 'number', description: 'With weight=harm only' }, ...windowMeta
  },
  required: ['n', 'cellSize', 'cells', 'excludedMonthPrecision', 'excludedDayPrecision', 'windowed', 'significance', 'weight', ...windowMetaRequired]
} as const

export const hotspotsResponse = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    meta: hotspotsMeta,
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['Feature'] },
          id: { type: 'string' },
          geometry: polygon,
          properties: {
            type: 'object',
            properties: { id: { type: 'string' }, count: { type: 'number' }, harm: { type: 'number', description: 'With weight=harm only' }, z: nullableNumber, p: nullableNumber, q: nullableNumber, bin: { type: 'integer' } },
            required: ['id', 'count', 'z', 'p', 'q', 'bin']
          }
        },
        required: ['type', 'id', 'geometry', 'properties']
      }
    }
  },
  required: ['type', 'features', 'meta']
} as const

export const changeResponse = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    meta: {
      type: 'object',
      properties: {
        n: { type: 'number' }, previousN: { type: 'number' }, cellSize: { type: 'integer' }, excludedMonthPrecision: { type: 'integer' },
        previousFrom: { type: 'string' }, previousTo: { type: 'string' }, tested: { type: 'integer' }, test: { type: 'string' }, ...windowMeta
      },
      required: ['n', 'previousN', 'cellSize', 'excludedMonthPrecision', 'previousFrom', 'previousTo', 'tested', 'test', ...windowMetaRequired]
    },
    features: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['Feature'] }, id: { type: 'string' }, geometry: polygon,
          properties: {
            type: 'object',
            properties: { id: { type: 'string' }, count: { type: 'number' }, previous: { type: 'number' }, change: { type: 'number' }, ratio: nullableNumber, tested: { type: 'boolean' }, p: nullableNumber, q: nullableNumber, bin: { type: 'integer' } },
            required: ['id', 'count', 'previous', 'change', 'ratio', 'tested', 'p', 'q', 'bin']
          }
        },
        required: ['type', 'id', 'geometry', 'properties']
      }
    }
  },
  required: ['type', 'meta', 'features']
} as const

export const densityResponse = {
  type: 'object',
  properties: {
    originEasting: { type: 'number' }, originNorthing: { type: 'number' }, pixelSize: { type: 'integer' },
    width: { type: 'integer' }, height: { type: 'integer' },
    values: { type: 'array', items: { type: 'number' }, description: 'Row-major from the south-west pixel, rows going north; incidents (or harm) per km²' },
    corners: { type: 'array', items: { type: 'array', items: { type: 'number' } }, description: '[lng, lat] of the raster corners SW, SE, NE, NW' },
    max: { type: 'number' }, bandwidth: { type: 'number' }, bandwidthRule: { type: 'string' }, n: { type: 'number' }, excludedMonthPrecision: { type: 'integer' }
  },
  required: ['originEasting', 'originNorthing', 'pixelSize', 'width', 'height', 'values', 'corners', 'max', 'bandwidth', 'bandwidthRule', 'n', 'excludedMonthPrecision']
} as const

export const cellDetailResponse = {
  type: 'object',
  properties: {
    id: { type: 'string' }, count: { type: 'integer' },
    polygon,
    incidents: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'integer' }, category: { type: 'string' }, occurredAt: { type: 'string' }, occurredTo: { type: ['string', 'null'] }, timePrecision: { type: 'string' }, locationText: { type: ['string', 'null'] }, premisesId: { type: ['integer', 'null'] } },
        required: ['id', 'category', 'occurredAt', 'occurredTo', 'timePrecision', 'locationText', 'premisesId']
      }
    },
    premises: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, address: { type: 'string' }, status: { type: 'string' } }, required: ['id', 'name', 'address', 'status'] } }
  },
  required: ['id', 'count', 'polygon', 'incidents', 'premises']
} as const

export const briefingResponse = {
  type: 'object',
  properties: {
    meta: hotspotsMeta,
    previousFrom: { type: 'string' }, previousTo: { type: 'string' },
    cells: hotspotsResponse.properties.features,
    top: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, count: { type: 'number' }, previous: { type: 'number' }, z: nullableNumber, q: nullableNumber, bin: { type: 'integer' },
          centre: { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] },
          streets: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, count: { type: 'integer' } }, required: ['text', 'count'] } },
          premises: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, address: { type: 'string' } }, required: ['id', 'name', 'address'] } }
        },
        required: ['id', 'count', 'previous', 'z', 'q', 'bin', 'centre', 'streets', 'premises']
      }
    },
    // Temporary Event Notices of the next 60 days; topCellId when the venue is in a top cell.
    tens: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' }, premisesId: { type: 'integer' }, premisesName: { type: 'string' }, startsAt: { type: 'string' }, endsAt: { type: 'string' },
          maxPeople: { type: 'integer' }, kind: { type: 'string' }, status: { type: 'string' }, topCellId: { type: ['string', 'null'] }
        },
        required: ['id', 'premisesId', 'premisesName', 'startsAt', 'endsAt', 'maxPeople', 'kind', 'status', 'topCellId']
      }
    }
  },
  required: ['meta', 'previousFrom', 'previousTo', 'cells', 'top', 'tens']
} as const

export const coverageResponse = {
  type: 'object',
  properties: {
    firstDate: { type: ['string', 'null'] }, lastDate: { type: ['string', 'null'] }, lastPreciseDate: { type: ['string', 'null'] },
    /** The crime groups in force (flag settings), for the presets. */
    crimeGroups: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }
  },
  required: ['firstDate', 'lastDate', 'lastPreciseDate', 'crimeGroups']
} as const

export type HotspotCells = FromSchema<typeof hotspotsResponse>
export type HotspotCellFeature = HotspotCells['features'][number]
export type HotspotsMeta = FromSchema<typeof hotspotsMeta>
export type ChangeCells = FromSchema<typeof changeResponse>
export type DensityRaster = FromSchema<typeof densityResponse>
export type CellDetail = FromSchema<typeof cellDetailResponse>
export type Briefing = FromSchema<typeof briefingResponse>
export type Coverage = FromSchema<typeof coverageResponse>

/** Plain-words labels for the bins (the legend). */
export const BIN_LABELS: Record<number, string> = {
  3: 'Hot spot, 99% confidence', 2: 'Hot spot, 95% confidence', 1: 'Hot spot, 90% confidence', 0: 'Not significant',
  [-1]: 'Cold spot, 90% confidence', [-2]: 'Cold spot, 95% confidence', [-3]: 'Cold spot, 99% confidence'
}
