// Types and calls for the Safety Thirst screens (the API contract in shared/schemas/safety-thirst.ts).
import { apiAs } from '../../api/client.ts'
import type { StStatus } from '../../../../shared/schemas/safety-thirst.ts'
import type { Level, Result, Tier, TierRules } from '../../../../shared/safety-thirst/tier.ts'

export interface Criterion { code: string; category: string; level: Level; text: string; evidence: string; retired?: boolean }
export interface CriteriaSet { id: number; version: string; status: string; categories: { code: string; title: string }[]; rules: TierRules; criteria: Criterion[]; publishedAt: string | null }
export interface Answer { criterionCode: string; answer: 'yes' | 'partly' | 'no' | 'na'; evidence: string }
export interface ResultRow { criterionCode: string; result: Result; note: string }
export interface EvidenceFile { id: number; criterionCode: string | null; filename: string; mimeType: string; sizeBytes: number; uploadedAt: string }
export interface ActionItem { criterionCode: string; level: Level; priority: string; text: string; evidence: string; result: string; note: string; action: string }
export interface Application {
  id: number; premisesId: number; premisesName: string; year: number; status: StStatus; tier: Tier | null; criteriaVersion: string
  answered: number; criteriaCount: number; submittedAt: string | null; validUntil: string | null; certificateNumber: string | null
  criteriaSet: CriteriaSet; answers: Answer[]; results: ResultRow[]; evidenceFiles: EvidenceFile[]
  assessment: { siteVisitDate: string | null; assessors: string[]; agenciesConsulted: string[]; note: string | null; assessedBy: number | null; assessedByName: string | null }
  moderation: { confirmed: boolean; note: string | null; moderatedByName: string | null; moderatedAt: string } | null
  decision: { tier: Tier; validUntil: string; certificateNumber: string | null; reasons: { explanation: string[]; failedEssential: string[]; desiredPercent: number; bonusMet: number }; actionPlan: ActionItem[]; decidedAt: string; decidedByName: string | null } | null
  withdrawal: { at: string; from: string; reason: string | null } | null
  allowedActions: string[]
}
export type ApplicationSummary = Pick<Application, 'id' | 'premisesId' | 'premisesName' | 'year' | 'status' | 'tier' | 'criteriaVersion' | 'answered' | 'criteriaCount' | 'submittedAt' | 'validUntil' | 'certificateNumber'>
export interface Progress { year: number; target: number; accredited: number; applications: number; byTier: Record<Tier, number>; byStatus: Record<StStatus, number> }
export interface VenueRow { premisesId: number; name: string; address: string; postcode: string | null; licenceNumber: string | null; tier: Tier | null; validUntil: string | null; certificateNumber: string | null }

const base = '/api/safety-thirst'
const appUrl = (id: number) => `${base}/applications/${id}` as const

export const stApi = {
  criteria: (signal?: AbortSignal) => apiAs<CriteriaSet>(`${base}/criteria`, { signal }),
  list: (query: { year?: number; status?: string; premisesId?: number }, signal?: AbortSignal) => apiAs<{ items: ApplicationSummary[]; total: number }>(`${base}/applications`, { query: { ...query, limit: 1000 }, signal }),
  get: (id: number, signal?: AbortSignal) => apiAs<Application>(appUrl(id), { signal }),
  create: (premisesId: number) => apiAs<Application>(`${base}/applications`, { body: { premisesId } }),
  saveAnswers: (id: number, answers: Answer[]) => apiAs<Application>(`${appUrl(id)}/self-assessment`, { method: 'PUT', body: { answers } }),
  submit: (id: number) => apiAs<Application>(`${appUrl(id)}/submit`, { method: 'POST', body: {} }),
  withdraw: (id: number, reason: string) => apiAs<Application>(`${appUrl(id)}/withdraw`, { body: reason ? { reason } : {} }),
  assess: (id: number, body: { siteVisitDate?: string; assessors: string[]; agenciesConsulted: string[]; note?: string; results: ResultRow[] }) => apiAs<Application>(`${appUrl(id)}/assessment`, { method: 'PUT', body }),
  moderate: (id: number, body: { confirm: boolean; note?: string; results?: ResultRow[] }) => apiAs<Application>(`${appUrl(id)}/moderation`, { body }),
  decide: (id: number) => apiAs<{ tier: Tier; validUntil: string }>(`${appUrl(id)}/decision`, { method: 'POST', body: {} }),
  upload: (id: number, file: File, criterionCode?: string) => {
    const form = new FormData()
    form.append('file', file)
    return apiAs<EvidenceFile>(`${appUrl(id)}/evidence`, { method: 'POST', raw: form, query: { criterionCode } })
  },
  evidenceUrl: (id: number, fileId: number) => `${appUrl(id)}/evidence/${fileId}`,
  certificateUrl: (id: number, pdf = false) => `${appUrl(id)}/certificate${pdf ? '?format=pdf' : ''}`,
  progress: (year: number, signal?: AbortSignal) => apiAs<Progress>(`${base}/progress`, { query: { year }, signal }),
  notTakingPart: (year: number, signal?: AbortSignal) => apiAs<{ items: VenueRow[]; total: number }>(`${base}/progress/not-taking-part`, { query: { year }, signal }),
  levy: (signal?: AbortSignal) => apiAs<{ items: VenueRow[]; total: number }>(`${base}/levy-reductions`, { signal }),
  sets: (signal?: AbortSignal) => apiAs<{ items: { id: number; version: string; status: string; criteriaCount: number; publishedAt: string | null }[] }>(`${base}/criteria-sets`, { signal }),
  set: (id: number, signal?: AbortSignal) => apiAs<CriteriaSet>(`${base}/criteria-sets/${id}`, { signal }),
  createDraft: (version: string) => apiAs<CriteriaSet>(`${base}/criteria-sets`, { body: { version } }),
  updateDraft: (id: number, body: { version?: string; rules?: Partial<TierRules> }) => apiAs<CriteriaSet>(`${base}/criteria-sets/${id}`, { method: 'PATCH', body }),
  addCriterion: (id: number, body: Omit<Criterion, 'retired'>) => apiAs<CriteriaSet>(`${base}/criteria-sets/${id}/criteria`, { body }),
  updateCriterion: (id: number, code: string, body: Partial<Criterion>) => apiAs<CriteriaSet>(`${base}/criteria-sets/${id}/criteria/${code}`, { method: 'PATCH', body }),
  publish: (id: number) => apiAs<CriteriaSet>(`${base}/criteria-sets/${id}/publish`, { method: 'POST', body: {} }),
  settings: (signal?: AbortSignal) => apiAs<{ target: number; moderationRequired: boolean }>(`${base}/settings`, { signal }),
  saveSettings: (body: { target?: number; moderationRequired?: boolean }) => apiAs<{ target: number; moderationRequired: boolean }>(`${base}/settings`, { method: 'PUT', body })
}

export const LEVEL_LABELS: Record<Level, string> = { essential: 'Essential', desired: 'Desired', bonus: 'Bonus' }
export const ANSWER_LABELS = { yes: 'Yes', partly: 'Partly', no: 'No', na: 'Not applicable' } as const
export const RESULT_LABELS: Record<Result, string> = { met: 'Met', partly: 'Partly', not_met: 'Not met' }
