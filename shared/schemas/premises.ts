// The premises register contract (OpenAPI tag "premises"): list items, detail, writes, the public
// register and import reports. Used by the routes (validation, serialisation) and the client.
import type { FromSchema } from 'json-schema-to-ts'
import { bboxParam, importCountProperties, latLng, listOf, pagingQuery } from './common.ts'

export const PREMISES_STATUSES = ['current', 'suspended', 'surrendered', 'revoked', 'lapsed'] as const
export type PremisesStatus = typeof PREMISES_STATUSES[number]
export const PREMISES_TYPES = ['pub_bar_nightclub', 'restaurant', 'hotel', 'takeaway', 'off_licence', 'members_club', 'entertainment_venue', 'other'] as const
export type PremisesType = typeof PREMISES_TYPES[number]
/** Licensable activities under the Licensing Act 2003 (Schedule 1 entertainment, alcohol, late night refreshment). */
export const ACTIVITIES = ['sale_of_alcohol_on', 'sale_of_alcohol_off', 'late_night_refreshment', 'live_music', 'recorded_music', 'plays', 'films', 'dance', 'indoor_sport', 'boxing_wrestling'] as const
export type Activity = typeof ACTIVITIES[number]
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Day = typeof DAYS[number]
export const ANNEXES = [1, 2, 3, 4] as const
/** Fields a venue manager may change on its own premises; every other field is a licence field. */
export const MANAGER_FIELDS = ['phone', 'email', 'website', 'openingHours'] as const

const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', 'x-message': 'Enter a time on the 24-hour clock, like 23:30' } as const
const span = { type: 'object', properties: { from: time, to: time }, required: ['from', 'to'], additionalProperties: false } as const
const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const

export const openingHoursSchema = {
  type: 'object',
  properties: Object.fromEntries(DAYS.map(d => [d, span])),
  additionalProperties: false
} as const

export const licensableActivitySchema = {
  type: 'object',
  properties: {
    activity: { type: 'string', enum: ACTIVITIES },
    days: { type: 'array', items: { type: 'string', enum: DAYS }, uniqueItems: true, minItems: 1 },
    from: time,
    to: time
  },
  required: ['activity', 'days', 'from', 'to'],
  additionalProperties: false
} as const

export const conditionSchema = {
  type: 'object',
  properties: { annex: { type: 'integer', enum: ANNEXES }, text: { type: 'string', minLength: 1, maxLength: 4000 } },
  required: ['annex', 'text'],
  additionalProperties: false
} as const

const locationOut = { type: ['object', 'null'], properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] } as const
const safetyThirstOut = { type: ['object', 'null'], properties: { tier: { type: 'string' }, validUntil: { type: 'string' } }, required: ['tier', 'validUntil'] } as const

const summaryProperties = {
  id: { type: 'integer' },
  name: { type: 'string' },
  address: { type: 'string' },
  postcode: { type: ['string', 'null'] },
  location: locationOut,
  licenceNumber: { type: ['string', 'null'] },
  licenceHolder: { type: ['string', 'null'] },
  dpsName: { type: ['string', 'null'] },
  premisesType: { type: 'string' },
  activities: { type: 'array', items: { type: 'string' } },
  capacity: { type: ['integer', 'null'] },
  status: { type: 'string', enum: PREMISES_STATUSES },
  safetyThirst: safetyThirstOut,
  notMapped: { type: 'boolean' },
  isDemo: { type: 'boolean' }
} as const

// Every summary and register property is always present (null where empty).
const summaryRequired = Object.keys(summaryProperties) as (keyof typeof summaryProperties)[]

export const premisesSchema = { type: 'object', properties: summaryProperties, required: summaryRequired } as const

const registerDetailProperties = {
  ...summaryProperties,
  licenceIssuedOn: { type: ['string', 'null'] },
  licensableActivities: { type: 'array', items: { type: 'object', properties: { activity: { type: 'string', enum: ACTIVITIES }, days: { type: 'array', items: { type: 'string', enum: DAYS } }, from: { type: 'string' }, to: { type: 'string' } }, required: ['activity', 'days', 'from', 'to'] } },
  openingHours: { type: 'object', additionalProperties: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'] } },
  conditions: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, annex: { type: 'integer' }, text: { type: 'string' } }, required: ['annex', 'text'] } },
  website: { type: ['string', 'null'] },
  updatedAt: { type: 'string' }
} as const

const registerDetailRequired = Object.keys(registerDetailProperties) as (keyof typeof registerDetailProperties)[]

export const publicPremisesDetailSchema = { type: 'object', properties: registerDetailProperties, required: registerDetailRequired } as const

export const premisesDetailSchema = {
  type: 'object',
  properties: {
    ...registerDetailProperties,
    licenceHolderAddress: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    source: { type: 'string' },
    sourceRef: { type: ['string', 'null'] },
    easting: { type: ['number', 'null'] },
    northing: { type: ['number', 'null'] },
    managers: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, email: { type: 'string' } }, required: ['id', 'name', 'email'] } },
    createdAt: { type: 'string' }
  },
  // The officer fields are left out of the public register's view, which shares this type.
  required: registerDetailRequired
} as const

export const premisesListResponse = listOf(premisesSchema)

export const premisesListQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    bbox: bboxParam,
    status: { type: 'string', enum: PREMISES_STATUSES },
    ...pagingQuery
  },
  additionalProperties: false
} as const

export const exportQuery = {
  type: 'object',
  properties: { q: premisesListQuery.properties.q, bbox: bboxParam, status: premisesListQuery.properties.status },
  additionalProperties: false
} as const

const writableProperties = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  address: { type: 'string', maxLength: 500 },
  postcode: nullableText(12),
  location: { anyOf: [latLng, { type: 'null' }] },
  licenceNumber: nullableText(64),
  licenceHolder: nullableText(200),
  licenceHolderAddress: nullableText(500),
  licenceIssuedOn: { type: ['string', 'null'], format: 'date' },
  dpsName: nullableText(200),
  premisesType: { type: 'string', enum: PREMISES_TYPES },
  activities: { type: 'array', items: { type: 'string', enum: ACTIVITIES }, uniqueItems: true },
  licensableActivities: { type: 'array', items: licensableActivitySchema, maxItems: 50 },
  openingHours: openingHoursSchema,
  capacity: { type: ['integer', 'null'], minimum: 1, maximum: 100000 },
  status: { type: 'string', enum: PREMISES_STATUSES },
  phone: nullableText(40),
  email: { type: ['string', 'null'], maxLength: 254, pattern: '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'x-message': 'Enter an email address like name@example.com' },
  website: { type: ['string', 'null'], maxLength: 500, pattern: '^$|^https?://', 'x-message': 'Enter a website address that starts with https:// (500 characters at most)' },
  conditions: { type: 'array', items: conditionSchema, maxItems: 500 }
} as const

export const createPremisesBody = { type: 'object', properties: writableProperties, required: ['name'], additionalProperties: false } as const
export const updatePremisesBody = { type: 'object', properties: writableProperties, additionalProperties: false, minProperties: 1 } as const

export type LatLng = FromSchema<typeof latLng>
export type LicensableActivity = FromSchema<typeof licensableActivitySchema>
export type OpeningHours = Partial<Record<Day, { from: string; to: string }>>
export type Condition = FromSchema<typeof conditionSchema> & { id?: number }
export type PremisesInput = FromSchema<typeof updatePremisesBody>
export type PremisesListQuery = FromSchema<typeof premisesListQuery>
export type PremisesExportQuery = FromSchema<typeof exportQuery>
export type Premises = FromSchema<typeof premisesSchema>
export type PremisesDetail = FromSchema<typeof premisesDetailSchema>

// ---- imports ----
export const FHRS_TYPES = { pub: 'Pub/bar/nightclub', restaurant: 'Restaurant/Cafe/Canteen', hotel: 'Hotel/bed & breakfast/guest house', takeaway: 'Takeaway/sandwich shop' } as const
export type FhrsTypeKey = keyof typeof FHRS_TYPES
/** Register fields a council CSV column can be mapped to. */
export const REGISTER_FIELDS = ['licenceNumber', 'name', 'address', 'postcode', 'licenceHolder', 'dpsName', 'status', 'premisesType', 'capacity', 'lat', 'lng', 'licenceIssuedOn', 'activities'] as const
export type RegisterField = typeof REGISTER_FIELDS[number]
export type RegisterMapping = Partial<Record<RegisterField, string>>

export const fhrsImportQuery = {
  type: 'object',
  properties: { types: { type: 'string', pattern: '^(pub|restaurant|hotel|takeaway)(,(pub|restaurant|hotel|takeaway))*$', 'x-message': 'Choose business types from pub, restaurant, hotel and takeaway, separated by commas (for example pub,hotel)' } },
  additionalProperties: false
} as const

export const registerImportQuery = {
  type: 'object',
  properties: { mapping: { type: 'string', maxLength: 4000 } },
  additionalProperties: false
} as const

export const importReportSchema = {
  type: 'object',
  properties: {
    ...importCountProperties,
    rejected: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, element: { type: 'string' }, reason: { type: 'string' } }, required: ['reason'] } }
  },
  required: ['rows', 'imported', 'updated', 'unchanged', 'skipped', 'rejected']
} as const

export const registerPreviewSchema = {
  type: 'object',
  properties: {
    headers: { type: 'array', items: { type: 'string' } },
    rows: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    totalRows: { type: 'integer' },
    suggestedMapping: { type: 'object', additionalProperties: { type: 'string' }, description: 'Register field → the CSV header suggested for it' },
    fields: { type: 'array', items: { type: 'string', enum: REGISTER_FIELDS } }
  },
  required: ['headers', 'rows', 'totalRows', 'suggestedMapping', 'fields']
} as const

export type ImportReport = FromSchema<typeof importReportSchema>
export type RegisterPreview = FromSchema<typeof registerPreviewSchema>
