// Calls of the Temporary Event Notice screens.
import { api } from '../../api/client.ts'
import type { NewTen, Ten, TenListQuery, TenObjectionBody, TenOutcomeBody, TenWithdrawal } from '../../../../shared/schemas/tens.ts'
import type { HearingBody } from '../../../../shared/schemas/cases.ts'

export type { Ten }

export const tensApi = {
  list: (query: Partial<TenListQuery>, signal?: AbortSignal) => api('/api/tens', { query, signal }),
  get: (id: number, signal?: AbortSignal) => api(`/api/tens/${id}`, { signal }),
  give: (body: NewTen) => api('/api/tens', { body }),
  object: (id: number, body: TenObjectionBody) => api(`/api/tens/${id}/objections`, { body }),
  outcome: (id: number, body: TenOutcomeBody) => api(`/api/tens/${id}/outcome`, { body }),
  hearing: (id: number, body: HearingBody) => api(`/api/tens/${id}/hearing`, { body }),
  withdraw: (id: number, body: TenWithdrawal) => api(`/api/tens/${id}/withdrawal`, { body })
}

export const TEN_STATUS_LABELS: Record<Ten['status'], string> = {
  received: 'Received',
  objected: 'Objection: a hearing or decision is due',
  counter_notice: 'Counter notice: the event may not go ahead',
  cleared: 'May go ahead',
  withdrawn: 'Withdrawn'
}

export const TEN_ACTIVITY_LABELS: Record<string, string> = {
  alcohol: 'Sale or supply of alcohol',
  regulated_entertainment: 'Regulated entertainment',
  late_night_refreshment: 'Late night refreshment'
}

export const OBJECTIVE_LABELS: Record<string, string> = {
  crime_disorder: 'The prevention of crime and disorder',
  public_safety: 'Public safety',
  public_nuisance: 'The prevention of public nuisance',
  protection_of_children: 'The protection of children from harm'
}

/** '2026-12-31T19:00' as '31 Dec 2026, 19:00' (local wall-clock text, no zone arithmetic). */
export function formatLocal (value: string): string {
  const [date, time] = value.split('T')
  const d = new Date(`${date}T12:00:00Z`)
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}${time ? `, ${time}` : ''}`
}
