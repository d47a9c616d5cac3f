// The one form pattern of the client (GOV.UK's): every field has a label and may have a hint;
// when something is wrong an error summary at the top lists each problem as a link to its
// field, the message also sits beside the field, and focus moves to the summary so a screen
// reader announces it. Forms set noValidate: the browser's own pop-ups never appear, the words
// come from the server (shared/validation/messages.ts) or from checks with the same words.
import type { ComponentChildren, FormHTMLAttributes, VNode } from 'preact'
import { cloneElement, isValidElement, toChildArray } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import type { Problem } from '../../../shared/validation/messages.ts'
import { useUnsavedChanges } from './unsaved.ts'

export type { Problem }
/** Kept for the screens written before the pattern had a home here. */
export type FieldProblem = Problem

/**
 * What is wrong, from whatever a form caught: the server's answer (one field, or a list in
 * `details.problems`), a list of problems from checks made in the browser, or any error.
 */
export function problemsOf (error: unknown): Problem[] {
  if (!error) return []
  if (Array.isArray(error)) return error as Problem[]
  if (error instanceof ApiError) {
    const listed = (error.details as { problems?: Problem[] } | undefined)?.problems
    return Array.isArray(listed) && listed.length ? listed : [{ field: error.field ?? undefined, message: error.message }]
  }
  return [{ message: error instanceof Error ? error.message : String(error) }]
}

/** Whether a problem's field path is this field's ("premisesUser.name" matches name="premisesUser.name"). */
export function problemFor (error: unknown, name: string): string | undefined {
  return problemsOf(error).find(p => p.field !== undefined && (p.field === name || p.field.startsWith(name + '.')))?.message
}

/** The element id a field path links to: an explicit mapping, else the path with dots as dashes. */
export const fieldElementId = (field: string, fieldIds: Record<string, string> = {}) => fieldIds[field] ?? field.replace(/\./g, '-')

export function ErrorSummary ({ error, fieldIds = {} }: { error: unknown; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null)
  const problems = problemsOf(error)
  const key = problems.map(p => `${p.field}:${p.message}`).join('|')
  useEffect(() => { if (problems.length) { ref.current?.focus(); ref.current?.scrollIntoView?.({ block: 'start' }) } }, [error, key])
  if (!problems.length) return null
  const go = (field: string) => (event: Event) => {
    // The summary's links focus the field itself (a plain #link would only scroll to it).
    const target = document.getElementById(fieldElementId(field, fieldIds)) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)
    if (!target) return
    event.preventDefault()
    target.focus()
    target.scrollIntoView?.({ block: 'center' })
  }
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {problems.map(p => <li key={`${p.field}:${p.message}`}>{p.field ? <a href={`#${fieldElementId(p.field, fieldIds)}`} onClick={go(p.field)}>{p.message}</a> : p.message}</li>)}
      </ul>
    </div>
  )
}

export interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'label'> {
  onSubmit: (event: Event) => void | Promise<void>
  /** What went wrong on the last try: the server's error, a list of problems, or nothing. */
  error: unknown
  /** Field paths whose element id is not the path with dots as dashes. */
  fieldIds?: Record<string, string>
  /** True while the form holds typing not yet saved: leaving the page asks first. */
  dirty?: boolean
  children: ComponentChildren
}

/** A form with the error summary at its top, no browser pop-ups, and a warning before unsaved work is lost. */
export function Form ({ onSubmit, error, fieldIds, dirty = false, children, class: className, ...rest }: FormProps) {
  useUnsavedChanges(dirty)
  return (
    <form {...rest} class={className ?? 'form'} noValidate onSubmit={event => { event.preventDefault(); void onSubmit(event) }}>
      <ErrorSummary error={error} fieldIds={fieldIds} />
      {children}
    </form>
  )
}

/** Adds the hint and error ids and aria-invalid to the control inside a Field. */
function describe (children: ComponentChildren, ids: string, invalid: boolean): ComponentChildren {
  return toChildArray(children).map(child => {
    if (!isValidElement(child) || !['input', 'select', 'textarea'].includes(String((child as VNode).type))) return child
    const props = (child as VNode<Record<string, unknown>>).props
    return cloneElement(child as VNode, {
      'aria-describedby': [props['aria-describedby'], ids].filter(Boolean).join(' ') || undefined,
      'aria-invalid': invalid || undefined
    })
  })
}

export interface FieldProps {
  /** The control's element id. */
  id: string
  label: ComponentChildren
  /** The field's path in the API ("premisesUser.name"); the id when not given. */
  name?: string
  hint?: ComponentChildren
  error?: unknown
  children: ComponentChildren
}

/** One labelled control with its hint and, when wrong, its message beside it. */
export function Field ({ id, name, label, error, hint, children }: FieldProps) {
  // Without a name the id is the path, or its last part ("name" for premisesUser.name).
  const message = name ? problemFor(error, name) : problemsOf(error).find(p => p.field !== undefined && (p.field === id || p.field.endsWith('.' + id) || p.field.startsWith(id + '.') || p.field.replace(/\./g, '-') === id))?.message
  const ids = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div class={`field ${message ? 'has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {message && <p class="field-error" id={`${id}-error`}><span class="visually-hidden">Error: </span>{message}</p>}
      {describe(children, ids, Boolean(message))}
    </div>
  )
}

/** A group of radios or checkboxes: a legend, a hint, the message beside it. */
export function Fieldset ({ legend, name, hint, error, children, id }: { legend: ComponentChildren; name: string; hint?: ComponentChildren; error?: unknown; children: ComponentChildren; id?: string }) {
  const message = problemFor(error, name)
  const base = id ?? name.replace(/\./g, '-')
  return (
    <fieldset class={`field ${message ? 'has-error' : ''}`} id={`${base}-group`} aria-describedby={[hint ? `${base}-hint` : '', message ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint && <p class="hint" id={`${base}-hint`}>{hint}</p>}
      {message && <p class="field-error" id={`${base}-error`}><span class="visually-hidden">Error: </span>{message}</p>}
      {children}
    </fieldset>
  )
}
