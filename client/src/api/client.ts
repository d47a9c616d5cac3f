// The only place the client calls fetch. The session travels in an httpOnly cookie the page's
// scripts cannot read (so no injected script can steal it); every call decodes JSON and throws
// ApiError (status, code, message and the field at fault) for anything but 2xx.
import type { ApiPathPattern, CallOptions, OptionsFor, ResponseOf } from './contract.ts'

export class ApiError extends Error {
  constructor (readonly status: number, readonly code: string, message: string, readonly field?: string, readonly details?: unknown) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * Sent with every request. The server refuses a change made with the session cookie unless it
 * carries this header, which another site's form or plain request cannot add (forgery guard).
 */
export const APP_REQUEST_HEADERS: Readonly<Record<string, string>> = { 'x-requested-with': 'Nightsafe' }

// Earlier versions kept the token in localStorage; make sure no copy is left there.
try { localStorage.removeItem('nightsafe.token') } catch {}

const unauthorisedListeners = new Set<() => void>()
export function onUnauthorised (listener: () => void) {
  unauthorisedListeners.add(listener)
  return () => unauthorisedListeners.delete(listener)
}

export type RequestOptions = CallOptions

export function buildUrl (path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/**
 * Calls the API. Typed from the OpenAPI document (openapi.ts): the path and method must be a
 * route, the body its body, the query keys its parameters; the answer is its 2xx response.
 */
export async function api<P extends ApiPathPattern, O extends CallOptions = {}> (path: P, options?: O & NoInfer<OptionsFor<P, O>>): Promise<ResponseOf<P, O>>
export async function api (path: string, options?: RequestOptions): Promise<unknown> {
  return request(path, options)
}

async function request (path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', ...APP_REQUEST_HEADERS }
  let body: BodyInit | undefined
  if (options.raw !== undefined) {
    body = options.raw
    if (options.contentType) headers['content-type'] = options.contentType
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] = 'application/json'
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, options.query), { method: options.method ?? (body ? 'POST' : 'GET'), headers, body, signal: options.signal, credentials: 'same-origin' })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'NETWORK_ERROR', 'Nightsafe cannot be reached. Check your connection and try again.')
  }
  const text = await res.text()
  let data: any = null
  if (text) {
    try { data = JSON.parse(text) } catch { data = text }
  }
  if (!res.ok) {
    // A 401 from anything but the login form means the session is over (expired or ended).
    if (res.status === 401 && path !== '/api/auth/login') unauthorisedListeners.forEach(fn => fn())
    const message = (data && typeof data === 'object' && data.message) || res.statusText || 'Request failed'
    throw new ApiError(res.status, data?.code ?? 'HTTP_' + res.status, message, data?.field, data?.details)
  }
  return data
}

/** Download a file from an authenticated route (exports, certificates) through a blob link. */
export async function download (path: string, query: RequestOptions['query'], filename: string) {
  const res = await fetch(buildUrl(path, query), { headers: { ...APP_REQUEST_HEADERS }, credentials: 'same-origin' })
  if (!res.ok) {
    // The refusal's words, and its field, so a form shows them beside the control.
    let body: { message?: string; field?: string } = {}
    try { body = await res.json() } catch {}
    throw new ApiError(res.status, 'DOWNLOAD_FAILED', body.message ?? res.statusText, body.field)
  }
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
