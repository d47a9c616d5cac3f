// Typed calls to the plans API used by the plans screens. The answer types come from the OpenAPI
// document (openapi.ts), so they are what the server's response schemas say it sends.
import { api } from '../../api/client.ts'
import type { BodyOf, ResponseOf } from '../../api/contract.ts'
import { PLAN_SLUGS, type PlanKind } from '../../../../shared/plans/templates.ts'
import type { LicenceListQuery, PlanApproval, PlanDiff } from '../../../../shared/schemas/plans.ts'

export type PremisesPlans = ResponseOf<'/api/premises/{id}/plans', {}>
export type PlanDocument = NonNullable<PremisesPlans['documents'][number]['current']>
export type QueueItem = ResponseOf<'/api/plans/queue', {}>['items'][number]
export type LicenceApplication = ResponseOf<'/api/licence-applications/{id}', {}>
export type { PlanDiff }
type PlanSaveBody = BodyOf<'/api/premises/{id}/noise-plan', 'put'> & BodyOf<'/api/premises/{id}/dispersal-policy', 'put'>
type PlanReturnBody = BodyOf<'/api/premises/{id}/noise-plan/return', 'post'> & BodyOf<'/api/premises/{id}/dispersal-policy/return', 'post'>

const planUrl = (premisesId: number, kind: PlanKind) => `/api/premises/${premisesId}/${PLAN_SLUGS[kind]}` as const

export const plansApi = {
  premisesPlans: (premisesId: number, signal?: AbortSignal) => api(`/api/premises/${premisesId}/plans`, { signal }),
  save: (premisesId: number, kind: PlanKind, body: PlanSaveBody) => api(planUrl(premisesId, kind), { method: 'PUT', body }),
  versions: (premisesId: number, kind: PlanKind, signal?: AbortSignal) => api(`${planUrl(premisesId, kind)}/versions`, { signal }),
  version: (premisesId: number, kind: PlanKind, version: number, signal?: AbortSignal) => api(`${planUrl(premisesId, kind)}/versions/${version}`, { signal }),
  diff: (premisesId: number, kind: PlanKind, version: number, signal?: AbortSignal) => api(`${planUrl(premisesId, kind)}/versions/${version}/diff`, { signal }),
  approve: (premisesId: number, kind: PlanKind, body: PlanApproval) => api(`${planUrl(premisesId, kind)}/approve`, { body }),
  return: (premisesId: number, kind: PlanKind, body: PlanReturnBody) => api(`${planUrl(premisesId, kind)}/return`, { body }),
  queue: (signal?: AbortSignal) => api('/api/plans/queue', { signal }),
  applications: (query: Partial<LicenceListQuery>, signal?: AbortSignal) => api('/api/licence-applications', { query, signal }),
  application: (id: number, signal?: AbortSignal) => api(`/api/licence-applications/${id}`, { signal }),
  submitApplication: (body: BodyOf<'/api/licence-applications', 'post'>) => api('/api/licence-applications', { body }),
  changeStatus: (id: number, body: BodyOf<'/api/licence-applications/{id}/status', 'post'>) => api(`/api/licence-applications/${id}/status`, { body }),
  premises: (id: number, signal?: AbortSignal) => api(`/api/premises/${id}`, { signal })
}

export const kindFromSlug = (slug: string): PlanKind | undefined =>
  (Object.entries(PLAN_SLUGS) as [PlanKind, string][]).find(([, s]) => s === slug)?.[0]

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft', submitted: 'Submitted, awaiting review', approved: 'Approved', returned: 'Returned for changes', superseded: 'Superseded',
  received: 'Received', under_consultation: 'Under consultation', granted: 'Granted', refused: 'Refused', withdrawn: 'Withdrawn'
}
