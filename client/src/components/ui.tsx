// Small shared pieces: loading and error states, empty states, a pager, form fields that show the
// server's field errors, and a hook for loading data with cancellation.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import { localTimeZone } from '../settings.ts'

export function Loading ({ label = 'Loading…' }: { label?: string }) {
  return <p class="muted" role="status" aria-live="polite">{label}</p>
}

export function ErrorMessage ({ error }: { error: unknown }) {
  if (!error) return null
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error)
  return <p class="error" role="alert">{message}</p>
}

/** Previous/next paging of a list with `total` rows shown `pageSize` at a time; hidden when one page holds them all. */
export function Pager ({ offset, pageSize, total, onChange, labels = ['Previous', 'Next'] }: {
  offset: number; pageSize: number; total: number; onChange: (offset: number) => void; labels?: [string, string]
}) {
  if (total <= pageSize) return null
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" class="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>{labels[0]}</button>
      <span>{offset + 1}–{Math.min(offset + pageSize, total)} of {total.toLocaleString('en-GB')}</span>
      <button type="button" class="secondary" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>{labels[1]}</button>
    </nav>
  )
}

export function Empty ({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>
}

export function Field ({ id, label, error, hint, children }: { id: string; label: string; error?: ApiError | null | unknown; hint?: string; children: ComponentChildren }) {
  const matches = (field?: string) => !!field && (field === id || field.endsWith('.' + id) || field.startsWith(id + '.'))
  // An ApiError names one field; checks made in the browser give a list of { field, message }.
  const fieldError = error instanceof ApiError && matches(error.field) ? error.message
    : Array.isArray(error) ? (error as { field?: string; message: string }[]).find(p => matches(p.field))?.message ?? null : null
  return (
    <div class={`field ${fieldError ? 'has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {fieldError && <p class="error" id={`${id}-error`} role="alert">{fieldError}</p>}
    </div>
  )
}

/** reload() resolves once the new data (or error) is on screen, so a success message can follow it. */
export interface Loaded<T> { data: T | undefined; error: unknown; loading: boolean; reload: () => Promise<void> }

/** Loads data when deps change; aborts the previous request so answers never arrive out of order. */
export function useLoad<T> (load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true })
  const [tick, setTick] = useState(0)
  const waiting = useRef<(() => void)[]>([])
  useEffect(() => {
    const controller = new AbortController()
    const settle = () => { const done = waiting.current; waiting.current = []; done.forEach(fn => fn()) }
    setState(s => ({ ...s, loading: true, error: null }))
    load(controller.signal)
      .then(data => { if (!controller.signal.aborted) { setState({ data, error: null, loading: false }); settle() } })
      .catch(error => { if (!controller.signal.aborted) { setState(s => ({ ...s, error, loading: false })); settle() } })
    return () => controller.abort()
  }, [...deps, tick])
  const reload = () => new Promise<void>(resolve => { waiting.current.push(resolve); setTick(t => t + 1) })
  return { ...state, reload }
}

export function formatDate (value: string | Date | null | undefined, withTime = false): string {
  if (!value) return '—'
  const date = typeof value === 'string' ? new Date(value.length === 10 ? value + 'T12:00:00Z' : value) : value
  return date.toLocaleString('en-GB', { timeZone: localTimeZone(), day: 'numeric', month: 'short', year: 'numeric', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) })
}
