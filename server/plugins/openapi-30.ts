// The route schemas are JSON Schema (draft 7, what ajv validates); the document at /docs/json
// declares OpenAPI 3.0.3, whose Schema Object lacks a few of those keywords. This rewrites them
// for the document only (validation is unchanged), so standard validators and client
// generators accept it.

/** JSON Schema keywords OpenAPI 3.0 does not allow: kept as an `x-` extension and said in words. */
const UNSUPPORTED: Record<string, (value: any) => string> = {
  propertyNames: value => value?.pattern ? `Keys match ${value.pattern}.` : 'Keys are restricted.'
}

/** Maps whose keys are names (properties, paths, media types), not schema keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'paths', 'content', 'responses', 'schemas', 'headers', 'securitySchemes', 'examples'])

export function toOpenApi30 (node: unknown, underNameMap = false): unknown {
  if (Array.isArray(node)) return node.map(item => toOpenApi30(item))
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  const notes: string[] = []
  for (const [key, value] of Object.entries(node)) {
    const explain = underNameMap ? undefined : UNSUPPORTED[key]
    if (explain) {
      out[`x-${key}`] = value
      notes.push(explain(value))
    } else {
      out[key] = toOpenApi30(value, !underNameMap && NAME_MAPS.has(key))
    }
  }
  if (notes.length) out.description = [out.description, ...notes].filter(Boolean).join(' ')
  return out
}
