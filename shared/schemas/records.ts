// Schemas of the partnership's tabular extracts (api.md "Partnership data"): saved import
// profiles, what an import answers (and a dry run's preview), the free-text location matches
// an officer reviews, and the police.uk sync.
import type { FromSchema } from 'json-schema-to-ts'
import { CATEGORY_SLUGS } from '../incident-categories.ts'

export const PROFILE_SOURCES = ['police', 'ambulance', 'hospital', 'council'] as const
export const PROFILE_SOURCE_LABELS: Record<typeof PROFILE_SOURCES[number], string> = {
  police: 'Force records (crime recording system or CAD)', ambulance: 'Ambulance service', hospital: 'A&E (ISTV)', council: 'Council ASB or noise log'
}
export const COORDINATE_SYSTEMS = ['bng', 'wgs84', 'none'] as const
/**
 * How dates are written in the file. A value may leave out the time (the record is then dated
 * by day) unless separate time columns are mapped; XLSX date cells are read as they are.
 */
export const DATE_FORMATS = ['dd/MM/yyyy HH:mm', 'dd-MM-yyyy HH:mm', 'yyyy-MM-dd HH:mm', 'MM/dd/yyyy HH:mm', 'iso'] as const
export const DATE_FORMAT_LABELS: Record<typeof DATE_FORMATS[number], string> = {
  'dd/MM/yyyy HH:mm': 'UK: 05/12/2025 23:40', 'dd-MM-yyyy HH:mm': 'UK with dashes: 05-12-2025 23:40',
  'yyyy-MM-dd HH:mm': 'Year first: 2025-12-05 23:40', 'MM/dd/yyyy HH:mm': 'US: 12/05/2025 23:40', iso: 'ISO 8601: 2025-12-05T23:40:00Z'
}

/** The fields a profile maps to columns of the file (the column headers, as written). */
export const PROFILE_FIELDS = ['reference', 'occurredFrom', 'occurredFromTime', 'occurredTo', 'occurredToTime', 'category', 'easting', 'northing', 'latitude', 'longitude', 'locationText', 'outcome'] as const
export type ProfileField = typeof PROFILE_FIELDS[number]
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  reference: 'Reference (crime or record number)', occurredFrom: 'Date and time (or committed from)', occurredFromTime: 'Time, if in a column of its own',
  occurredTo: 'Committed to (end of the window)', occurredToTime: 'Committed-to time, if in a column of its own', category: 'Classification (offence, type or means of assault)',
  easting: 'Easting (BNG)', northing: 'Northing (BNG)', latitude: 'Latitude', longitude: 'Longitude', locationText: 'Location as written', outcome: 'Outcome'
}

const column = { type: 'string', minLength: 1, maxLength: 200 } as const
export const profileName = {
  type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  'x-message': 'Enter a profile name of lower-case letters, digits and dashes, like force-crs'
} as const

export const profileBody = {
  type: 'object',
  properties: {
    label: { type: 'string', minLength: 1, maxLength: 120, 'x-message': 'Enter a label of up to 120 characters, like "Force crime extract"' },
    source: { type: 'string', enum: PROFILE_SOURCES, 'x-message': `Choose the source: ${PROFILE_SOURCES.join(', ')}` },
    columns: {
      type: 'object',
      // Each column says which field it is for, so a missing one is named ("Choose the column that holds the reference …").
      properties: Object.fromEntries(PROFILE_FIELDS.map(f => [f, { ...column, 'x-message': `Choose the column that holds the ${PROFILE_FIELD_LABELS[f].charAt(0).toLowerCase()}${PROFILE_FIELD_LABELS[f].slice(1)}` }])) as { [K in ProfileField]: typeof column & { 'x-message': string } },
      required: ['reference', 'occurredFrom', 'category'],
      additionalProperties: false,
      'x-message': 'Choose the columns for the reference, the date and the classification'
    },
    dateFormat: { type: 'string', enum: DATE_FORMATS, 'x-message': `Choose how dates are written: ${DATE_FORMATS.join(', ')}` },
    coordinates: { type: 'string', enum: COORDINATE_SYSTEMS, 'x-message': 'Choose the coordinates: bng, wgs84 or none' },
    categoryMap: {
      type: 'object',
      maxProperties: 2000,
      propertyNames: { maxLength: 200 },
      additionalProperties: { type: 'string', enum: CATEGORY_SLUGS, 'x-message': 'Map each value to one of Nightsafe\'s categories' }
    }
  },
  required: ['label', 'source', 'columns', 'dateFormat', 'coordinates', 'categoryMap'],
  additionalProperties: false
} as const

export const profileSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' }, ...profileBody.properties,
    columns: { type: 'object', additionalProperties: { type: 'string' } },
    categoryMap: { type: 'object', additionalProperties: { type: 'string' } },
    builtIn: { type: 'boolean' }, updatedAt: { type: 'string' }
  },
  required: ['name', 'label', 'source', 'columns', 'dateFormat', 'coordinates', 'categoryMap', 'builtIn', 'updatedAt']
} as const
export const profileList = { type: 'object', properties: { items: { type: 'array', items: profileSchema } }, required: ['items'] } as const
export const profileParams = { type: 'object', properties: { name: profileName }, required: ['name'], additionalProperties: false } as const
export const profileParam = { type: 'object', properties: { profile: profileName }, required: ['profile'], additionalProperties: false } as const
export const recordsQuery = {
  type: 'object',
  properties: { dryRun: { type: 'boolean', default: false, description: 'Read and check the file, write nothing, answer the rows as read' } },
  additionalProperties: false
} as const

const problem = {
  type: 'object',
  properties: { line: { type: 'integer' }, column: { type: ['string', 'null'] }, message: { type: 'string' } },
  required: ['line', 'column', 'message']
} as const

/** A row as Nightsafe reads it (the preview). */
export const readRowSchema = {
  type: 'object',
  properties: {
    line: { type: 'integer' }, reference: { type: ['string', 'null'] }, category: { type: ['string', 'null'] }, classification: { type: ['string', 'null'] },
    occurredAt: { type: ['string', 'null'] }, occurredTo: { type: ['string', 'null'] }, timePrecision: { type: ['string', 'null'] },
    location: { anyOf: [{ type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] }, { type: 'null' }] },
    locationText: { type: ['string', 'null'] }, outcome: { type: ['string', 'null'] },
    match: {
      anyOf: [{ type: 'null' }, {
        type: 'object',
        properties: { premisesId: { type: ['integer', 'null'] }, premisesName: { type: ['string', 'null'] }, score: { type: ['number', 'null'] }, status: { type: 'string' }, why: { type: 'string' } },
        required: ['premisesId', 'premisesName', 'score', 'status', 'why']
      }]
    }
  },
  required: ['line', 'reference', 'category', 'occurredAt', 'occurredTo', 'timePrecision', 'location', 'locationText', 'outcome']
} as const

export const recordsImportResponse = {
  type: 'object',
  properties: {
    rows: { type: 'integer' }, imported: { type: 'integer' }, updated: { type: 'integer' }, unchanged: { type: 'integer' },
    windows: { type: 'integer' }, noLocation: { type: 'integer' }, latest: { type: ['string', 'null'] },
    toReview: { type: 'integer', description: 'Free-text locations waiting for an officer to confirm their premises' },
    dryRun: { type: 'boolean' },
    preview: { type: 'array', items: readRowSchema },
    problems: { type: 'array', items: problem }
  },
  required: ['rows', 'imported', 'updated', 'unchanged', 'dryRun', 'problems']
} as const

/** POST /imports/records/inspect: the headers, the first rows, and the mapping Nightsafe guesses. */
export const inspectResponse = {
  type: 'object',
  properties: {
    headers: { type: 'array', items: { type: 'string' } },
    sample: { type: 'array', items: { type: 'array', items: { type: ['string', 'null'] } } },
    rows: { type: 'integer' },
    guess: {
      type: 'object',
      properties: {
        columns: { type: 'object', additionalProperties: { type: 'string' } },
        dateFormat: { type: ['string', 'null'] }, coordinates: { type: 'string' },
        categoryValues: { type: 'array', items: { type: 'string' } }
      },
      required: ['columns', 'dateFormat', 'coordinates', 'categoryValues']
    },
    fits: { type: 'array', items: { type: 'string' }, description: 'Saved profiles whose columns are all in this file' }
  },
  required: ['headers', 'sample', 'rows', 'guess', 'fits']
} as const

export const MATCH_STATUSES = ['matched', 'uncertain', 'unmatched', 'confirmed', 'rejected'] as const
export const locationMatchSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' }, text: { type: 'string' }, status: { type: 'string', enum: MATCH_STATUSES },
    premisesId: { type: ['integer', 'null'] }, premisesName: { type: ['string', 'null'] }, score: { type: ['number', 'null'] },
    incidents: { type: 'integer' },
    candidates: {
      type: 'array',
      items: {
        type: 'object',
        properties: { premisesId: { type: 'integer' }, name: { type: 'string' }, address: { type: 'string' }, score: { type: 'number' }, why: { type: 'string' } },
        required: ['premisesId', 'name', 'address', 'score', 'why']
      }
    }
  },
  required: ['key', 'text', 'status', 'premisesId', 'premisesName', 'score', 'incidents', 'candidates']
} as const
export const locationMatchList = { type: 'object', properties: { items: { type: 'array', items: locationMatchSchema }, total: { type: 'integer' } }, required: ['items', 'total'] } as const
export const locationMatchQuery = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['review', ...MATCH_STATUSES], default: 'review', description: 'review: uncertain and unmatched' } },
  additionalProperties: false
} as const
export const decideMatchBody = {
  type: 'object',
  properties: {
    key: { type: 'string', minLength: 1, maxLength: 400 },
    premisesId: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647, 'x-message': 'Choose the premises, or none when the place is not a licensed premises' }
  },
  required: ['key', 'premisesId'],
  additionalProperties: false
} as const

export const syncResponse = {
  type: 'object',
  properties: {
    months: { type: 'array', items: { type: 'string' } }, imported: { type: 'integer' }, updated: { type: 'integer' },
    requests: { type: 'integer' }, splits: { type: 'integer' }, retries: { type: 'integer' }, duplicates: { type: 'integer' }
  },
  required: ['months', 'imported', 'updated']
} as const

/** Which sources an analysis includes and the latest date each covers (the freshness line). */
export const freshnessSchema = {
  type: 'object',
  properties: {
    sources: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          source: { type: 'string' }, label: { type: 'string' }, latest: { type: ['string', 'null'] }, precision: { type: 'string' },
          included: { type: 'boolean' }, stale: { type: 'boolean' }, expectedBy: { type: ['string', 'null'] }, records: { type: 'integer' }
        },
        required: ['source', 'label', 'latest', 'precision', 'included', 'stale', 'expectedBy', 'records']
      }
    },
    text: { type: 'string' }, warnings: { type: 'array', items: { type: 'string' } }
  },
  required: ['sources', 'text', 'warnings']
} as const

export type ProfileBody = FromSchema<typeof profileBody>
export type Profile = FromSchema<typeof profileSchema>
export type RecordsImport = FromSchema<typeof recordsImportResponse>
export type ReadRow = FromSchema<typeof readRowSchema>
export type Problem = FromSchema<typeof problem>
export type Inspect = FromSchema<typeof inspectResponse>
export type LocationMatch = FromSchema<typeof locationMatchSchema>
export type SyncResult = FromSchema<typeof syncResponse>
export type Freshness = FromSchema<typeof freshnessSchema>
