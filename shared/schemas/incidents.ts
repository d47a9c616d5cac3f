// Incident and import schemas (OpenAPI tag "incidents"). Venue managers get their own
// response schemas without police-only fields, so serialisation itself drops them.
import type { FromSchema } from 'json-schema-to-ts'
import { CATEGORY_SLUGS } from '../incident-categories.ts'
import { bboxParam, dateOrDateTime, importCountProperties, latLng, localDate, pagingQuery } from './common.ts'

export const INCIDENT_SOURCES = ['police_uk', 'police', 'officer', 'venue', 'public', 'hospital', 'ambulance', 'council'] as const
/** What each source is called on screens and in freshness lines. */
export const SOURCE_LABELS: Record<typeof INCIDENT_SOURCES[number], string> = {
  police_uk: 'police.uk', police: 'Force records', officer: 'Licensing officers', venue: 'Venue incident books',
  public: 'Public concerns', hospital: 'A&E (ISTV)', ambulance: 'Ambulance', council: 'Council logs'
}
export const ATTRIBUTIONS = ['linked', 'proximate', 'ambiguous', 'none'] as const
/** minute: an exact time; day: a date; month: police.uk's month; window: committed between occurredAt and occurredTo. */
export const TIME_PRECISIONS = ['minute', 'day', 'month', 'window'] as const
/** A comma-separated list of sources (the include/exclude switches). */
export const sourceList = {
  type: 'string', maxLength: 200, pattern: `^(${INCIDENT_SOURCES.join('|')})(,(${INCIDENT_SOURCES.join('|')}))*$`,
  'x-message': `Enter sources separated by commas, from: ${INCIDENT_SOURCES.join(', ')}`
} as const
const categoryList = { type: 'string', pattern: '^[a-z][a-z-]*(,[a-z][a-z-]*)*$', maxLength: 1000, 'x-message': 'Enter categories as police.uk names separated by commas, for example other-theft,robbery' } as const
/** 'YYYY-MM-DD' (day precision) or an ISO date-time (minute precision). */
const occurredAt = dateOrDateTime
const text = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const

export const incidentFilterQuery = {
  from: localDate,
  to: localDate,
  categories: categoryList,
  premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
  bbox: bboxParam,
  source: { type: 'string', enum: INCIDENT_SOURCES },
  sources: { ...sourceList, description: 'Only these sources (comma-separated); all when left out' },
  attribution: { type: 'string', enum: ATTRIBUTIONS }
} as const

export const listIncidentsQuery = { type: 'object', properties: { ...incidentFilterQuery, ...pagingQuery }, additionalProperties: false } as const
export const exportIncidentsQuery = { type: 'object', properties: incidentFilterQuery, additionalProperties: false } as const
export const trendQuery = {
  type: 'object',
  properties: { premisesId: incidentFilterQuery.premisesId, categories: categoryList, from: localDate, to: localDate, source: incidentFilterQuery.source },
  additionalProperties: false
} as const

const location = { anyOf: [{ type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] }, { type: 'null' }] } as const

const venueIncidentProperties = {
  id: { type: 'integer' },
  source: { type: 'string', enum: INCIDENT_SOURCES },
  externalId: { type: ['string', 'null'] },
  category: { type: 'string' },
  occurredAt: { type: 'string' },
  timePrecision: { type: 'string', enum: TIME_PRECISIONS },
  /** The end of the window when timePrecision is 'window' (occurredAt is its start), else null. */
  occurredTo: { type: ['string', 'null'] },
  /** The classification as the source file gave it (an offence code, a means of assault). */
  classification: { type: ['string', 'null'] },
  month: { type: 'string' },
  location,
  locationText: { type: ['string', 'null'] },
  lsoaCode: { type: ['string', 'null'] },
  premisesId: { type: ['integer', 'null'] },
  premisesName: { type: ['string', 'null'] },
  attribution: { type: 'string', enum: ATTRIBUTIONS },
  candidatePremisesIds: { type: 'array', items: { type: 'integer' } },
  outcome: { type: ['string', 'null'] },
  description: { type: ['string', 'null'] },
  editable: { type: 'boolean' },
  deletable: { type: 'boolean' },
  /** While the edit window is open and limits this user: when it closes (INCIDENT_EDIT_WINDOW_HOURS after recording). */
  changeableUntil: { type: ['string', 'null'] },
  createdAt: { type: 'string' },
  updatedAt: { type: 'string' }
} as const

// Every property a venue manager sees is always present (null where empty).
const required = Object.keys(venueIncidentProperties) as (keyof typeof venueIncidentProperties)[]

/** What a venue manager may see: no police-only notes, no reporter. */
export const venueIncidentSchema = { $id: 'VenueIncident', type: 'object', properties: venueIncidentProperties, required } as const
export const incidentSchema = {
  $id: 'Incident',
  type: 'object',
  properties: { ...venueIncidentProperties, policeOnlyNotes: { type: ['string', 'null'] }, reportedBy: { type: ['integer', 'null'] }, reportedByName: { type: ['string', 'null'] } },
  required
} as const

const listOfRef = (ref: string) => ({ type: 'object', properties: { items: { type: 'array', items: { $ref: ref } }, total: { type: 'integer' } }, required: ['items', 'total'] }) as const
export const incidentList = listOfRef('Incident#')
export const venueIncidentList = listOfRef('VenueIncident#')

export const createIncidentBody = {
  type: 'object',
  properties: {
    category: { type: 'string', enum: CATEGORY_SLUGS },
    occurredAt,
    location: { anyOf: [latLng, { type: 'null' }] },
    premisesId: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 },
    locationText: text(300),
    description: text(5000),
    policeOnlyNotes: text(5000)
  },
  required: ['category', 'occurredAt', 'location'],
  additionalProperties: false
} as const

export const updateIncidentBody = {
  type: 'object',
  properties: { ...createIncidentBody.properties, outcome: text(300) },
  additionalProperties: false,
  minProperties: 1
} as const

export const trendResponse = {
  type: 'object',
  properties: {
    months: { type: 'array', items: { type: 'string' } },
    previousMonths: { type: 'array', items: { type: 'string' } },
    basis: { type: 'string' },
    series: {
      type: 'array',
      items: {
        type: 'object',
        properties: { category: { type: 'string' }, counts: { type: 'array', items: { type: 'integer' } }, previousYear: { type: 'array', items: { type: 'integer' } } },
        required: ['category', 'counts', 'previousYear']
      }
    },
    totals: { type: 'object', properties: { counts: { type: 'array', items: { type: 'integer' } }, previousYear: { type: 'array', items: { type: 'integer' } } }, required: ['counts', 'previousYear'] }
  },
  required: ['months', 'previousMonths', 'basis', 'series', 'totals']
} as const

export const importSummarySchema = {
  type: 'object',
  properties: {
    ...importCountProperties,
    noLocation: { type: 'integer' },
    months: { type: 'array', items: { type: 'string' } },
    rejected: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, reason: { type: 'string' } }, required: ['line', 'reason'] } }
  },
  required: ['rows', 'imported', 'updated', 'unchanged', 'skipped', 'noLocation', 'months', 'rejected']
} as const

export const incidentSettingsSchema = {
  type: 'object',
  properties: {
    radiusM: { type: 'number' },
    policeUkRadiusM: { type: 'number' },
    harmWeights: { type: 'array', items: { type: 'object', properties: { category: { type: 'string' }, weight: { type: 'number' }, basis: { type: 'string' } }, required: ['category', 'weight', 'basis'] } }
  },
  required: ['radiusM', 'policeUkRadiusM', 'harmWeights']
} as const

/** One stored import (GET /api/imports): what the file held and what became of its rows. */
export const importRunSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string' },
    fileName: { type: ['string', 'null'] },
    userId: { type: ['integer', 'null'] },
    ...importCountProperties,
    noLocation: { type: 'integer' },
    /** The first rejected rows, as stored (line and reason). */
    rejected: {},
    months: { type: 'array', items: { type: 'string' } },
    ms: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' }
  },
  required: ['id', 'kind', 'fileName', 'userId', 'rows', 'imported', 'updated', 'unchanged', 'skipped', 'noLocation', 'rejected', 'months', 'ms', 'createdAt']
} as const

export const importRunsResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: importRunSchema } },
  required: ['items']
} as const

export const updateIncidentSettingsBody = {
  type: 'object',
  properties: { radiusM: { type: 'number', minimum: 10, maximum: 50 }, policeUkRadiusM: { type: 'number', minimum: 10, maximum: 200 } },
  additionalProperties: false,
  minProperties: 1
} as const

export type IncidentSource = typeof INCIDENT_SOURCES[number]
export type Attribution = typeof ATTRIBUTIONS[number]
export type TimePrecision = typeof TIME_PRECISIONS[number]
export type Incident = FromSchema<typeof incidentSchema>
export type IncidentQuery = FromSchema<typeof exportIncidentsQuery>
export type IncidentListQuery = FromSchema<typeof listIncidentsQuery>
export type NewIncident = FromSchema<typeof createIncidentBody>
export type IncidentSettings = FromSchema<typeof incidentSettingsSchema>
export type IncidentInput = FromSchema<typeof updateIncidentBody>
export type IncidentSettingsChanges = FromSchema<typeof updateIncidentSettingsBody>
export type ImportSummary = FromSchema<typeof importSummarySchema>
export type ImportRun = FromSchema<typeof importRunSchema>
export type Trend = FromSchema<typeof trendResponse>
