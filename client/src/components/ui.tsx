// Small shared pieces: loading and error states, empty states, a pager, and a hook for loading
// data with cancellation. Forms and their fields: components/form.tsx.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import { localTimeZone } from '../settings.ts'

export function Loading ({ label = 'Loading…' }: { label?: string }) {
  return <p class="muted" role="status" aria-live="polite" data-loading>{label}</p>
}

export function ErrorMessage ({ error }: { error: unknown }) {
  if (!error) return null
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error)
  return <p class="error" role="alert">{message}</p>
}

/**
 * A whole page that could not be loaded: a heading saying what kind of failure it is (so the page
 * still has one, for screen readers and for the page's outline) and the server's message.
 */
export function PageError ({ error }: { error: unknown }) {
  if (!error) return null
  const status = error instanceof ApiError ? error.status : 0
  const heading = status === 404 ? 'Not found' : status === 403 ? 'You cannot open this page' : 'This page could not be loaded'
  return <><h1>{heading}</h1><ErrorMessage error={error} /></>
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
