// What a refused value is told, in plain English, written once for the server and the client.
// The server's schema error formatter (server/plugins/errors.ts) turns each ajv error into one of
// these sentences, and the client's forms use the same words for the checks they make before
// sending. A field's words live with its schema, as two extension keywords the OpenAPI document
// carries unchanged:
//   'x-label'   the field's name as a person says it ("email address", "capacity");
//   'x-message' what to send instead, said once for every way the value can be wrong
//               ("Enter an email address like name@example.com").
// A field with neither gets a label from FIELD_LABELS below or from its property name, so no
// message ever shows a schema path, a keyword or a regular expression.

/** The schema of one field as far as messages care (any JSON Schema object). */
export type FieldSchema = Record<string, unknown> & { 'x-label'?: string; 'x-message'?: string }

/** One thing wrong with a request or a form: the field at fault (a dotted path) and what to do. */
export interface Problem { field?: string; message: string }

/** An ajv error (with `verbose: true`, so parentSchema is the schema that refused the value). */
export interface SchemaError {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  parentSchema?: FieldSchema
}

/** Labels of property names that many schemas share; a schema's own x-label wins. */
export const FIELD_LABELS: Record<string, string> = {
  email: 'email address',
  premisesId: 'premises',
  premisesIds: 'premises',
  occurredAt: 'date and time it happened',
  occurredTo: 'date and time it ended',
  locationText: 'location description',
  policeOnlyNotes: 'police-only notes',
  dpsName: 'designated premises supervisor',
  licenceNumber: 'licence number',
  licenceHolder: 'licence holder',
  lat: 'latitude',
  lng: 'longitude',
  bbox: 'map area',
  from: 'start date',
  to: 'end date',
  asOf: 'date of the run',
  q: 'search',
  criterionCode: 'criterion',
  siteVisitDate: 'site visit date',
  reviewDue: 'review date',
  consultationStartDate: 'consultation start date',
  startsAt: 'start of the event',
  endsAt: 'end of the event',
  givenOn: 'date the notice was given',
  maxPeople: 'most people at any one time',
  id: 'record number'
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** "premisesUser.name" → "name"; "answers.3.answer" → "answer". */
function lastName (field: string | undefined): string {
  const parts = (field ?? '').split('.').filter(part => part && !/^\d+$/.test(part))
  return parts[parts.length - 1] ?? ''
}

/** camelCase or snake_case as words: "siteVisitDate" → "site visit date". */
function words (name: string): string {
  return name.replace(/Ids?$/, '').replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().trim()
}

/** The field's label: its schema's x-label, the shared table, or its name in words. */
export function fieldLabel (field: string | undefined, schema?: FieldSchema): string {
  if (typeof schema?.['x-label'] === 'string') return schema['x-label']
  const name = lastName(field)
  return FIELD_LABELS[name] ?? (words(name) || 'value')
}

const types = (schema: FieldSchema | undefined): string[] => {
  const type = schema?.type
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : []
}
const isChoice = (schema: FieldSchema | undefined) => Boolean(schema && (Array.isArray(schema.enum) || types(schema).includes('boolean') || types(schema).includes('array')))

/** What a person is told when a field is missing or left empty. */
export function missingMessage (field: string | undefined, schema?: FieldSchema): string {
  if (typeof schema?.['x-message'] === 'string') return schema['x-message']
  const label = fieldLabel(field, schema)
  return isChoice(schema) || /^premises$/.test(label) ? `Choose the ${label}` : `Enter the ${label}`
}

function list (values: unknown[]): string {
  const shown = values.slice(0, 8).map(v => String(v))
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}${values.length > 8 ? ' (or another listed value)' : ''}`
}

/** Which type a wrongly typed value should have had, said as a person would. */
function typeMessage (label: string, schema: FieldSchema | undefined, expected: unknown): string {
  const wanted = String(expected ?? types(schema).join(','))
  const Label = capitalise(label)
  if (wanted.includes('integer')) return `${Label} must be a whole number`
  if (wanted.includes('number')) return `${Label} must be a number`
  if (wanted.includes('boolean')) return `${Label} must be true or false`
  if (wanted.includes('array')) return `${Label} must be a list`
  if (wanted.includes('object')) return `${Label} must be a set of named values (a JSON object)`
  return `${Label} must be text`
}

/**
 * The field path (dotted, as the client's forms name their fields) and the sentence for one ajv
 * error. `where` is Fastify's dataVar ("body", "querystring", "params"): it shapes the wording
 * of errors about the whole request, and never appears in the message itself.
 */
export function describeSchemaError (error: SchemaError | undefined, where = 'body'): Problem {
  if (!error) return { message: 'The request is not valid' }
  const path = error.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.')
  const params = error.params ?? {}
  const schema = error.parentSchema
  const join = (name: unknown) => [path, String(name)].filter(Boolean).join('.')

  switch (error.keyword) {
    case 'required': {
      const field = join(params.missingProperty)
      const property = (schema?.properties as Record<string, FieldSchema> | undefined)?.[String(params.missingProperty)]
      return { field, message: missingMessage(field, property) }
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty)
      const known = Object.keys((schema?.properties as object | undefined) ?? {})
      return { field: join(name), message: `"${name}" is not a ${where === 'querystring' ? 'setting this address' : 'field this form'} takes: leave it out${known.length ? ` (it takes ${list(known)})` : ''}` }
    }
  }

  const field = path || undefined
  if (typeof schema?.['x-message'] === 'string') return { field, message: schema['x-message'] }
  if (!path) return { message: wholeRequestMessage(error, where) }
  const label = fieldLabel(path, schema)
  const Label = capitalise(label)
  const limit = params.limit as number
  // A record chosen by its number (premisesId): say so, rather than "Premises must be 1 or more".
  if (/Ids?$/.test(lastName(path)) && ['type', 'minimum', 'maximum'].includes(error.keyword)) {
    return { field, message: `Choose the ${label} by its record number (a whole number, 1 or more)` }
  }
  // pattern '\\S' only refuses text that is all spaces: the field was left empty.
  if (error.keyword === 'pattern' && params.pattern === '\\S') return { field, message: missingMessage(path, schema) }
  switch (error.keyword) {
    case 'type': return { field, message: typeMessage(label, schema, params.type) }
    case 'minLength': return { field, message: limit <= 1 ? missingMessage(path, schema) : `${Label} must be at least ${limit} characters` }
    case 'maxLength': return { field, message: `${Label} must be ${limit} characters or fewer` }
    case 'minimum': return { field, message: `${Label} must be ${limit} or more` }
    case 'exclusiveMinimum': return { field, message: `${Label} must be more than ${limit}` }
    case 'maximum': return { field, message: `${Label} must be ${limit} or less` }
    case 'exclusiveMaximum': return { field, message: `${Label} must be less than ${limit}` }
    case 'minItems': return { field, message: limit <= 1 ? missingMessage(path, schema) : `Give at least ${limit} for ${label}` }
    case 'maxItems': return { field, message: `Give at most ${limit} for ${label}` }
    case 'uniqueItems': return { field, message: `${Label} has the same entry twice: give each once` }
    case 'minProperties': return { field, message: `Fill in at least ${limit <= 1 ? 'one part' : `${limit} parts`} of ${label}` }
    case 'maxProperties': return { field, message: `${Label} has too many parts: at most ${limit}` }
    case 'enum': return { field, message: `${Label} must be ${list(params.allowedValues as unknown[] ?? (schema?.enum as unknown[]) ?? [])}` }
    case 'const': return { field, message: `${Label} must be ${String(params.allowedValue)}` }
    case 'format':
    case 'pattern': return { field, message: `${Label} is not in the form this field takes${params.format === 'date' ? ': write dates as YYYY-MM-DD, for example 2024-12-06' : params.format === 'email' ? ': enter an email address like name@example.com' : ''}` }
    case 'anyOf':
    case 'oneOf': return { field, message: `${Label} is not in a form this field takes` }
    default: return { field, message: `${Label} is not valid` }
  }
}

/** Errors about the request as a whole (an empty change, a body that is not an object). */
function wholeRequestMessage (error: SchemaError, where: string): string {
  const thing = where === 'querystring' ? 'The address' : where === 'params' ? 'The address' : 'The request'
  switch (error.keyword) {
    case 'minProperties': return 'Nothing has been changed: send at least one field to change'
    case 'type': return `${thing} must be a set of named values (a JSON object)`
    default: return `${thing} is not in a form this service takes`
  }
}
