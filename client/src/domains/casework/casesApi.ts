// Calls of the licensing-case screens (typed from the API document).
import { api } from '../../api/client.ts'
import type { AssessmentBody, CaseListQuery, DecisionBody, HearingBody, LicensingCase, Representation, RepresentationBody } from '../../../../shared/schemas/cases.ts'

export type { LicensingCase, Representation }

export const casesApi = {
  list: (query: Partial<CaseListQuery>, signal?: AbortSignal) => api('/api/cases', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api(`/api/cases/${id}`, { signal }),
  represent: (id: number, body: RepresentationBody) => api(`/api/cases/${id}/representations`, { body }),
  assess: (id: number, body: AssessmentBody) => api(`/api/representations/${id}/assessment`, { body }),
  withdraw: (id: number, body: { note: string }) => api(`/api/representations/${id}/withdrawal`, { body }),
  hearing: (id: number, body: HearingBody) => api(`/api/cases/${id}/hearing`, { body }),
  decide: (id: number, body: DecisionBody) => api(`/api/cases/${id}/decision`, { body })
}
