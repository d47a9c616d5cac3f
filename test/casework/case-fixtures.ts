// Helpers for licensing-case tests: a clock the test moves on, and a licence application (with
// the two plans it needs) given on a chosen day, whose case the app opens on submission.
import type { FastifyInstance } from 'fastify'
import { login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { application, submitPlan } from '../plans/plan-fixtures.ts'

/** A clock fixed at 10:00 UTC on a day the test sets and moves on. */
export function movableClock (day: string) {
  let now = new Date(`${day}T10:00:00Z`)
  return { now: () => now, set: (next: string) => { now = new Date(next.length === 10 ? `${next}T10:00:00Z` : next) } }
}

export async function applicationCase (app: FastifyInstance, givenOn: string) {
  const premises = await createPremises(app.db)
  const manager = await login(app, 'manager', { premisesIds: [premises.id] })
  await submitPlan(app, manager.headers, premises.id, 'noise_management_plan')
  await submitPlan(app, manager.headers, premises.id, 'dispersal_policy')
  const res = await app.inject({ method: 'POST', url: '/api/licence-applications', headers: manager.headers, payload: { ...application(premises.id), consultationStartDate: givenOn } })
  if (res.statusCode !== 201) throw new Error(`application failed: ${res.statusCode} ${res.body}`)
  const submitted = res.json() as { id: number; caseId: number }
  return { premises, manager, applicationId: submitted.id, caseId: submitted.caseId }
}

export const representation = (overrides: Record<string, unknown> = {}) => ({
  party: 'responsible_authority',
  objectives: ['public_nuisance'],
  text: 'Music from the courtyard reaches the flats in Milk Street until 01:00.',
  ...overrides
})
