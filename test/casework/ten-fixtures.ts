// Helpers for Temporary Event Notice tests: a valid notice body with overrides, given on a
// fixed past date (6 January 2025, a Monday) so the events below are standard notices.
import type { FastifyInstance } from 'fastify'

export const GIVEN_ON = '2025-01-06'

let people = 0
/** A premises user with a name of their own unless one is given. */
export function premisesUser (personalLicenceHolder = true, name?: string) {
  people += 1
  return { name: name ?? `Pat Organiser ${people}`, personalLicenceHolder }
}

export function tenBody (premisesId: number, overrides: Record<string, unknown> = {}) {
  return {
    premisesId,
    premisesUser: premisesUser(),
    givenOn: GIVEN_ON,
    startsAt: '2025-03-01T18:00',
    endsAt: '2025-03-01T23:00',
    maxPeople: 120,
    activities: ['alcohol', 'regulated_entertainment'],
    ...overrides
  }
}

export function giveTen (app: FastifyInstance, headers: Record<string, string>, body: object) {
  return app.inject({ method: 'POST', url: '/api/tens', headers, payload: body })
}

/** The day `n` days after 1 March 2025 (events one a day, none touching another's day). */
export function marchDay (n: number): string {
  const d = new Date(Date.UTC(2025, 2, 1 + n))
  return d.toISOString().slice(0, 10)
}
