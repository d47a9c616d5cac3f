// A first pass over a form's values in the browser, with the server's own schema and words, so a
// person sees every missing or over-long answer at once (GOV.UK's error summary) instead of one
// 400 at a time. It reads only the simple keywords forms meet (required, minLength, maxLength,
// minimum, maximum, pattern, enum); the server's validation stays the authority on the rest.
import { describeSchemaError, missingMessage, type FieldSchema, type Problem } from './messages.ts'

export interface ObjectSchema { properties?: Record<string, unknown>; required?: readonly string[] }

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)

/**
 * Problems with `values` against the top level of `schema`. `prefix` names nested objects
 * ("premisesUser") so the problems carry the same dotted field paths the server sends.
 */
export function checkAgainstSchema (schema: ObjectSchema, values: Record<string, unknown>, prefix = ''): Problem[] {
  const problems: Problem[] = []
  const properties = (schema.properties ?? {}) as Record<string, FieldSchema>
  const path = (name: string) => prefix ? `${prefix}.${name}` : name
  for (const [name, property] of Object.entries(properties)) {
    const value = values[name]
    const field = path(name)
    if (isEmpty(value)) {
      if (schema.required?.includes(name)) problems.push({ field, message: missingMessage(field, property) })
      continue
    }
    const fail = (keyword: string, params: Record<string, unknown>) =>
      problems.push(describeSchemaError({ keyword, instancePath: '/' + field.replace(/\./g, '/'), params, parentSchema: property }))
    if (typeof value === 'string') {
      if (typeof property.minLength === 'number' && value.length < property.minLength) fail('minLength', { limit: property.minLength })
      else if (typeof property.maxLength === 'number' && value.length > property.maxLength) fail('maxLength', { limit: property.maxLength })
      else if (typeof property.pattern === 'string' && !new RegExp(property.pattern, 'u').test(value)) fail('pattern', {})
      else if (Array.isArray(property.enum) && !property.enum.includes(value)) fail('enum', { allowedValues: property.enum })
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value) || (String(property.type).includes('integer') && !Number.isInteger(value))) fail('type', { type: property.type })
      else if (typeof property.minimum === 'number' && value < property.minimum) fail('minimum', { limit: property.minimum })
      else if (typeof property.maximum === 'number' && value > property.maximum) fail('maximum', { limit: property.maximum })
    }
  }
  return problems
}
