// Typed calls to the Safety Thirst API used by its screens. The answer types come from the OpenAPI
// document (openapi.ts), so they are what the server's response schemas say it sends.
import { api } from '../../api/client.ts'
import type { BodyOf, ResponseOf } from '../../api/contract.ts'
import type { AssessmentInput, CriteriaSetChanges, CriterionChanges, ModerationInput, NewCriterion, SchemeSettingsChanges } from '../../../../shared/schemas/safety-thirst.ts'
import type { Level, Result } from '../../../../shared/safety-thirst/tier.ts'

export type Application = ResponseOf<'/api/safety-thirst/applications/{id}', {}>
export type ApplicationSummary = ResponseOf<'/api/safety-thirst/applications', {}>['items'][number]
export type CriteriaSet = ResponseOf<'/api/safety-thirst/criteria-sets/{id}', {}>
export type Criterion = CriteriaSet['criteria'][number]
export type Answer = BodyOf<'/api/safety-thirst/applications/{id}/self-assessment', 'put'>['answers'][number]
export type ResultRow = Application['results'][number]
export type VenueRow = ResponseOf<'/api/safety-thirst/levy-reductions', {}>['items'][number]

const base = '/api/safety-thirst'
const appUrl = (id: number) => `${base}/applications/${id}` as const

export const stApi = {
  criteria: (signal?: AbortSignal) => api(`${base}/criteria`, { signal }),
  list: (query: { year?: number; status?: string; premisesId?: number }, signal?: AbortSignal) => api(`${base}/applications`, { query: { ...query, limit: 1000 }, signal }),
  get: (id: number, signal?: AbortSignal) => api(appUrl(id), { signal }),
  create: (premisesId: number) => api(`${base}/applications`, { body: { premisesId } }),
  saveAnswers: (id: number, answers: Answer[]) => api(`${appUrl(id)}/self-assessment`, { method: 'PUT', body: { answers } }),
  submit: (id: number) => api(`${appUrl(id)}/submit`, { method: 'POST', body: {} }),
  withdraw: (id: number, reason: string) => api(`${appUrl(id)}/withdraw`, { body: reason ? { reason } : {} }),
  assess: (id: number, body: AssessmentInput) => api(`${appUrl(id)}/assessment`, { method: 'PUT', body }),
  moderate: (id: number, body: ModerationInput) => api(`${appUrl(id)}/moderation`, { body }),
  decide: (id: number) => api(`${appUrl(id)}/decision`, { method: 'POST', body: {} }),
  upload: (id: number, file: File, criterionCode?: string) => {
    const form = new FormData()
    form.append('file', file)
    return api(`${appUrl(id)}/evidence`, { method: 'POST', raw: form, query: { criterionCode } })
  },
  evidenceUrl: (id: number, fileId: number) => `${appUrl(id)}/evidence/${fileId}`,
  certificateUrl: (id: number, pdf = false) => `${appUrl(id)}/certificate${pdf ? '?format=pdf' : ''}`,
  progress: (year: number, signal?: AbortSignal) => api(`${base}/progress`, { query: { year }, signal }),
  notTakingPart: (year: number, signal?: AbortSignal) => api(`${base}/progress/not-taking-part`, { query: { year }, signal }),
  levy: (signal?: AbortSignal) => api(`${base}/levy-reductions`, { signal }),
  sets: (signal?: AbortSignal) => api(`${base}/criteria-sets`, { signal }),
  set: (id: number, signal?: AbortSignal) => api(`${base}/criteria-sets/${id}`, { signal }),
  createDraft: (version: string) => api(`${base}/criteria-sets`, { body: { version } }),
  updateDraft: (id: number, body: CriteriaSetChanges) => api(`${base}/criteria-sets/${id}`, { method: 'PATCH', body }),
  addCriterion: (id: number, body: NewCriterion) => api(`${base}/criteria-sets/${id}/criteria`, { body }),
  updateCriterion: (id: number, code: string, body: CriterionChanges) => api(`${base}/criteria-sets/${id}/criteria/${code}`, { method: 'PATCH', body }),
  publish: (id: number) => api(`${base}/criteria-sets/${id}/publish`, { method: 'POST', body: {} }),
  settings: (signal?: AbortSignal) => api(`${base}/settings`, { signal }),
  saveSettings: (body: SchemeSettingsChanges) => api(`${base}/settings`, { method: 'PUT', body })
}

export const LEVEL_LABELS: Record<Level, string> = { essential: 'Essential', desired: 'Desired', bonus: 'Bonus' }
export const ANSWER_LABELS = { yes: 'Yes', partly: 'Partly', no: 'No', na: 'Not applicable' } as const
export const RESULT_LABELS: Record<Result, string> = { met: 'Met', partly: 'Partly', not_met: 'Not met' }
