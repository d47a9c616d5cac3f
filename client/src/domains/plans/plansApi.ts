// Typed calls to the plans API used by the plans screens.
import { apiAs } from '../../api/client.ts'
import { PLAN_SLUGS, type PlanFields, type PlanKind } from '../../../../shared/plans/templates.ts'
import type { LicenceApplication, PlanDiff, PlanDocument, QueueItem } from '../../../../shared/schemas/plans.ts'

export type { LicenceApplication, PlanDiff, PlanDocument, QueueItem }
export interface PremisesPlans { premisesId: number; documents: { kind: PlanKind; current: PlanDocument | null; latest: PlanDocument | null }[] }

const planUrl = (premisesId: number, kind: PlanKind) => `/api/premises/${premisesId}/${PLAN_SLUGS[kind]}` as const

export const plansApi = {
  premisesPlans: (premisesId: number, signal?: AbortSignal) => apiAs<PremisesPlans>(`/api/premises/${premisesId}/plans`, { signal }),
  save: (premisesId: number, kind: PlanKind, body: { sections: Record<string, string>; fields: PlanFields; draft: boolean }) =>
    apiAs<PlanDocument>(planUrl(premisesId, kind), { method: 'PUT', body }),
  versions: (premisesId: number, kind: PlanKind, signal?: AbortSignal) => apiAs<{ items: PlanDocument[]; total: number }>(`${planUrl(premisesId, kind)}/versions`, { signal }),
  version: (premisesId: number, kind: PlanKind, version: number, signal?: AbortSignal) => apiAs<PlanDocument>(`${planUrl(premisesId, kind)}/versions/${version}`, { signal }),
  diff: (premisesId: number, kind: PlanKind, version: number, signal?: AbortSignal) => apiAs<PlanDiff>(`${planUrl(premisesId, kind)}/versions/${version}/diff`, { signal }),
  approve: (premisesId: number, kind: PlanKind, body: { version: number; reviewDue?: string; note?: string }) => apiAs<PlanDocument>(`${planUrl(premisesId, kind)}/approve`, { body }),
  return: (premisesId: number, kind: PlanKind, body: { version: number; comments: Record<string, string> }) => apiAs<PlanDocument>(`${planUrl(premisesId, kind)}/return`, { body }),
  queue: (signal?: AbortSignal) => apiAs<{ items: QueueItem[]; total: number }>('/api/plans/queue', { signal }),
  applications: (query: { premisesId?: number; status?: string }, signal?: AbortSignal) => apiAs<{ items: LicenceApplication[]; total: number }>('/api/licence-applications', { query, signal }),
  application: (id: number, signal?: AbortSignal) => apiAs<LicenceApplication>(`/api/licence-applications/${id}`, { signal }),
  submitApplication: (body: unknown) => apiAs<LicenceApplication>('/api/licence-applications', { body }),
  changeStatus: (id: number, body: { status: string; note?: string }) => apiAs<LicenceApplication>(`/api/licence-applications/${id}/status`, { body }),
  premises: (id: number, signal?: AbortSignal) => apiAs<{ id: number; name: string; address?: string; licenceNumber?: string | null }>(`/api/premises/${id}`, { signal })
}

export const kindFromSlug = (slug: string): PlanKind | undefined =>
  (Object.entries(PLAN_SLUGS) as [PlanKind, string][]).find(([, s]) => s === slug)?.[0]

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft', submitted: 'Submitted, awaiting review', approved: 'Approved', returned: 'Returned for changes', superseded: 'Superseded',
  received: 'Received', under_consultation: 'Under consultation', granted: 'Granted', refused: 'Refused', withdrawn: 'Withdrawn'
}
