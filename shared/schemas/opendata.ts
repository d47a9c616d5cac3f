// The open-data downloads of the public register (GET /api/public/register.csv and .json).
export const OPEN_DATA_DATASETS = ['premises', 'applications', 'tens'] as const
export type OpenDataDataset = typeof OPEN_DATA_DATASETS[number]

export const OPEN_DATA_LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
} as const

export const openDataQuery = {
  type: 'object',
  properties: {
    dataset: {
      type: 'string', enum: OPEN_DATA_DATASETS, default: 'premises',
      'x-label': 'dataset', 'x-message': 'Choose the dataset: premises, applications or tens'
    }
  },
  additionalProperties: false
} as const

/** The JSON file: a meta object (licence, when it was made, its fields) and one object per row, keyed by those fields. */
export const openDataJsonSchema = {
  type: 'object',
  properties: {
    meta: {
      type: 'object',
      properties: {
        dataset: { type: 'string', enum: OPEN_DATA_DATASETS },
        publisher: { type: 'string' },
        licence: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' } }, required: ['name', 'url'] },
        generatedAt: { type: 'string', format: 'date-time' },
        fields: { type: 'array', items: { type: 'string' } },
        count: { type: 'integer' }
      },
      required: ['dataset', 'publisher', 'licence', 'generatedAt', 'fields', 'count']
    },
    items: { type: 'array', items: { type: 'object', description: 'One row: the fields named in meta.fields (docs/open-data.md)', additionalProperties: true } }
  },
  required: ['meta', 'items']
} as const
