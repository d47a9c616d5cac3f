// Calls of the concerns screens, typed from the OpenAPI document (client/src/api/openapi.ts).
import { api } from '../../api/client.ts'
import type { PublicCase, ReportConcernInput } from '../../../../shared/schemas/concerns.ts'
import type { Concern, ConcernDetail, ConcernSettings, ConcernUpdateInput, Suggestion, VenueConcerns } from '../../../../shared/schemas/concerns-triage.ts'

export type { Concern, ConcernDetail, ConcernSettings, PublicCase, Suggestion, VenueConcerns }

export const concernsApi = {
  report: (body: ReportConcernInput) => api('/api/public/concerns', { method: 'POST', body }),
  confirm: (token: string) => api('/api/public/concerns/confirm', { method: 'POST', body: { token } }),
  publicCase: (reference: string, key: string, signal?: AbortSignal) => api(`/api/public/concerns/${reference}`, { query: { key }, signal }),
  list: (query: { status?: 'received' | 'investigating' | 'action_taken' | 'closed' | 'open'; limit?: number; offset?: number }, signal?: AbortSignal) => api('/api/concerns', { query, signal }),
  map: (status: 'open' | 'received' | 'investigating' | 'action_taken' | 'closed' = 'open') => api('/api/concerns/map', { query: { status } }),
  get: (id: number, signal?: AbortSignal) => api(`/api/concerns/${id}`, { signal }),
  triage: (id: number, body: { premisesId: number | null; substantiated?: boolean | null }) => api(`/api/concerns/${id}/triage`, { method: 'POST', body }),
  update: (id: number, body: ConcernUpdateInput) => api(`/api/concerns/${id}/updates`, { method: 'POST', body }),
  merge: (id: number, intoId: number) => api(`/api/concerns/${id}/merge`, { method: 'POST', body: { intoId } }),
  abusive: (id: number, note: string) => api(`/api/concerns/${id}/abusive`, { method: 'POST', body: { note } }),
  settings: (signal?: AbortSignal) => api('/api/concerns/settings', { signal }),
  saveSettings: (body: ConcernSettings) => api('/api/concerns/settings', { method: 'PUT', body }),
  forPremises: (premisesId: number, signal?: AbortSignal) => api(`/api/premises/${premisesId}/concerns`, { signal })
}
