// The GOV.UK error summary: at the top of a form, a list of what is wrong, each linking to its
// field; focus moves to it when it appears so a screen reader announces it. Pair it with
// <Field error=…> (the message beside the field).
import { useEffect, useRef } from 'preact/hooks'
import { ApiError } from '../api/client.ts'

export interface FieldProblem { field?: string; message: string }

/** What is wrong, from the server's answer (one field, or none) or from checks made in the browser. */
export function problemsOf (error: unknown): FieldProblem[] {
  if (!error) return []
  if (Array.isArray(error)) return error as FieldProblem[]
  if (error instanceof ApiError) return [{ field: error.field ?? undefined, message: error.message }]
  return [{ message: error instanceof Error ? error.message : String(error) }]
}

export function ErrorSummary ({ error, fieldIds = {} }: { error: unknown; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null)
  const problems = problemsOf(error)
  useEffect(() => { if (problems.length) ref.current?.focus() }, [error])
  if (!problems.length) return null
  const target = (field: string) => fieldIds[field] ?? field.split('.').pop()!
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {problems.map((p, i) => <li key={i}>{p.field ? <a href={`#${target(p.field)}`}>{p.message}</a> : p.message}</li>)}
      </ul>
    </div>
  )
}
