// JSON Schema of the Safer City Partnership's indicators (GET /api/indicators) and their targets
// (PUT /api/indicators/:key/target): the strategy's five priorities, each with the indicators
// Nightsafe can compute from its own records (docs/indicators.md).
import type { FromSchema } from 'json-schema-to-ts'

export const PRIORITY_KEYS = ['prevent', 'violence', 'acquisitive', 'night-time-economy', 'anti-social-behaviour'] as const
export type PriorityKey = typeof PRIORITY_KEYS[number]

export const INDICATOR_STATUSES = ['green', 'amber', 'red', 'no_data'] as const
export type IndicatorStatus = typeof INDICATOR_STATUSES[number]

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  green: 'Green', amber: 'Amber', red: 'Red', no_data: 'No figures yet'
}

/** count: records in the month; percent: a share of records in the month; venues: how many at the month's end. */
export const INDICATOR_UNITS = ['count', 'percent', 'venues'] as const
export type IndicatorUnit = typeof INDICATOR_UNITS[number]

/** The first and last years the indicators can be asked for. */
export const INDICATOR_YEARS = { first: 2000, last: 2100 } as const

const yearProperty = {
  type: 'integer', minimum: INDICATOR_YEARS.first, maximum: INDICATOR_YEARS.last,
  'x-message': `Enter the year as four digits between ${INDICATOR_YEARS.first} and ${INDICATOR_YEARS.last}, like 2025`
} as const

export const indicatorsQuery = {
  type: 'object',
  properties: {
    year: yearProperty
  },
  additionalProperties: false
} as const
export type IndicatorsQuery = FromSchema<typeof indicatorsQuery>

const monthSchema = {
  type: 'object',
  properties: {
    /** YYYY-MM */
    month: { type: 'string' },
    /** null: a month still to come. */
    value: { type: ['number', 'null'] },
    /** The same month a year earlier. */
    lastYear: { type: ['number', 'null'] },
    /** The month is not over yet: its figure is so far. */
    partial: { type: 'boolean' }
  },
  required: ['month', 'value', 'lastYear'],
  additionalProperties: false
} as const

export const indicatorSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    title: { type: 'string' },
    /** What is counted, in plain English. */
    definition: { type: 'string' },
    /** Where the figures come from, one source a line. */
    sources: { type: 'array', items: { type: 'string' } },
    unit: { type: 'string', enum: INDICATOR_UNITS },
    /** Which way is better. */
    better: { type: 'string', enum: ['lower', 'higher'] },
    months: { type: 'array', items: monthSchema },
    /** The last 12 complete months against the 12 before (for venues: the latest month against a year earlier). */
    rolling: {
      type: 'object',
      properties: {
        /** "January 2025 to December 2025" */
        label: { type: 'string' },
        value: { type: ['number', 'null'] },
        lastYear: { type: ['number', 'null'] }
      },
      required: ['label', 'value', 'lastYear'],
      additionalProperties: false
    },
    target: { type: 'number' },
    /** 'admin' when an administrator set the target, 'default' when it is the shipped or scheme one. */
    targetSetBy: { type: 'string', enum: ['admin', 'default'] },
    status: { type: 'string', enum: INDICATOR_STATUSES },
    /** The rule the status follows, in words. */
    statusRule: { type: 'string' },
    /** Why the status is what it is, with the figures. */
    statusReason: { type: 'string' }
  },
  required: ['key', 'title', 'definition', 'sources', 'unit', 'better', 'months', 'rolling', 'status', 'statusRule', 'statusReason'],
  additionalProperties: false
} as const
export type Indicator = FromSchema<typeof indicatorSchema>

/** A priority's heading, the same on the indicators page and in the quarterly report. */
const priorityHeading = {
  key: { type: 'string', enum: PRIORITY_KEYS },
  title: { type: 'string' },
  /** What the strategy says the priority is for. */
  aim: { type: 'string' },
  /** Said when the priority has no indicators (Prevent): why, rather than zeros. */
  note: { type: 'string' }
} as const

export const prioritySchema = {
  type: 'object',
  properties: { ...priorityHeading, indicators: { type: 'array', items: indicatorSchema } },
  required: ['key', 'title', 'aim', 'indicators'],
  additionalProperties: false
} as const
export type Priority = FromSchema<typeof prioritySchema>

export const indicatorsResponse = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    /** The local date the figures run to. */
    asOf: { type: 'string', format: 'date' },
    priorities: { type: 'array', items: prioritySchema }
  },
  required: ['year', 'asOf', 'priorities'],
  additionalProperties: false
} as const
export type IndicatorsResponse = FromSchema<typeof indicatorsResponse>

export const indicatorKeyParams = {
  type: 'object',
  properties: {
    key: { type: 'string', minLength: 1, maxLength: 60, pattern: '^[a-z0-9-]+$', 'x-message': 'The address must end with an indicator name, like nte-violence-weekend-nights' }
  },
  required: ['key'],
  additionalProperties: false
} as const

export const targetBody = {
  type: 'object',
  properties: {
    target: {
      type: ['number', 'null'], minimum: 0, maximum: 1000000,
      'x-message': 'Enter the target as a number of 0 or more, like 80, or leave it empty to go back to the default'
    }
  },
  required: ['target'],
  additionalProperties: false,
  'x-message': 'Send the target as {"target": 80}, or {"target": null} to go back to the default'
} as const
export type TargetBody = FromSchema<typeof targetBody>

export const targetResponse = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    /** The target in force after the change (absent: none). */
    target: { type: 'number' },
    targetSetBy: { type: 'string', enum: ['admin', 'default'] }
  },
  required: ['key'],
  additionalProperties: false
} as const
export type TargetResponse = FromSchema<typeof targetResponse>

export const reportQuery = {
  type: 'object',
  properties: {
    year: yearProperty,
    quarter: {
      type: 'integer', minimum: 1, maximum: 4, 'x-label': 'quarter',
      'x-message': 'Choose a quarter from 1 (January to March) to 4 (October to December)'
    }
  },
  required: ['year', 'quarter'],
  additionalProperties: false
} as const
export type ReportQuery = FromSchema<typeof reportQuery>

/** The quarterly report's figures for one indicator (the PDF and CSV are made from these). */
const quarterIndicatorSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    title: { type: 'string' },
    unit: { type: 'string', enum: INDICATOR_UNITS },
    /** What a count counts, in the singular, when not records ("place"). */
    noun: { type: 'string' },
    better: { type: 'string', enum: ['lower', 'higher'] },
    /** The quarter's three months beside the same months a year earlier. */
    months: { type: 'array', items: monthSchema },
    /** The quarter (so far) and the same months a year earlier. */
    value: { type: ['number', 'null'] },
    lastYear: { type: ['number', 'null'] },
    target: { type: 'number' },
    status: { type: 'string', enum: INDICATOR_STATUSES },
    statusReason: { type: 'string' },
    /** One sentence written from the figures. */
    commentary: { type: 'string' }
  },
  required: ['key', 'title', 'unit', 'better', 'months', 'value', 'lastYear', 'status', 'statusReason', 'commentary'],
  additionalProperties: false
} as const

export const quarterReportSchema = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    quarter: { type: 'integer' },
    /** "July to September 2025" */
    label: { type: 'string' },
    /** The quarter is not over: its figures are so far. */
    soFar: { type: 'boolean' },
    asOf: { type: 'string', format: 'date' },
    priorities: {
      type: 'array',
      items: {
        type: 'object',
        properties: { ...priorityHeading, indicators: { type: 'array', items: quarterIndicatorSchema } },
        required: ['key', 'title', 'aim', 'indicators'],
        additionalProperties: false
      }
    }
  },
  required: ['year', 'quarter', 'label', 'soFar', 'asOf', 'priorities'],
  additionalProperties: false
} as const
export type QuarterReport = FromSchema<typeof quarterReportSchema>
export type QuarterIndicator = QuarterReport['priorities'][number]['indicators'][number]
