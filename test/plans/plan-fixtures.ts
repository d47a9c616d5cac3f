// Helpers for plan tests: complete section texts from the shared templates, and a quick way
// to give a premises a current plan of each kind through the API.
import type { FastifyInstance } from 'fastify'
import { PLAN_SLUGS, PLAN_TEMPLATES, type PlanKind } from '../../shared/plans/templates.ts'

export function fullSections (kind: PlanKind, prefix = 'Text'): Record<string, string> {
  return Object.fromEntries(PLAN_TEMPLATES[kind].sections.map(s => [s.key, `${prefix} for ${s.title}.`]))
}

export async function submitPlan (app: FastifyInstance, headers: Record<string, string>, premisesId: number, kind: PlanKind, prefix = 'Text') {
  const res = await app.inject({ method: 'PUT', url: `/api/premises/${premisesId}/${PLAN_SLUGS[kind]}`, headers, payload: { sections: fullSections(kind, prefix) } })
  if (res.statusCode !== 200) throw new Error(`submit ${kind} failed: ${res.statusCode} ${res.body}`)
  return res.json() as { id: number; version: number; status: string }
}

export const application = (premisesId: number) => ({
  premisesId,
  kind: 'new',
  applicantName: 'Test Holdings Ltd',
  activities: [{ activity: 'Sale of alcohol (on the premises)', hours: 'Mon–Sat 11:00–01:00' }],
  operatingSchedule: {
    crime_disorder: 'CCTV at all entrances, retained 31 days.',
    public_safety: 'Capacity counted at the door.',
    public_nuisance: 'Noise management plan and dispersal policy in force.',
    protection_of_children: 'Challenge 25.'
  },
  consultationStartDate: '2026-01-05'
})
