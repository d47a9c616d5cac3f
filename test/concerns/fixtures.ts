// Helpers for concern tests: a report as the public form sends it, the token of its emailed
// confirmation link (read from the outbox, as a person reads the email), and a confirmed report.
import type { FastifyInstance } from 'fastify'

/** Saturday 6 December 2025, 09:00 in London: the clock of the concern tests. */
export const NOW = new Date('2025-12-06T09:00:00Z')
/** 01:00 that Saturday morning: Friday night. */
export const ONE_AM = '2025-12-06T01:00:00Z'

let counter = 0

export function report (overrides: Record<string, unknown> = {}) {
  counter++
  return {
    kind: 'noise_music',
    location: { lat: 51.5152, lng: -0.0918, accuracyM: 30 },
    occurredAt: ONE_AM,
    description: `Loud music with bass from the bar across the road, windows shaking (report ${counter}).`,
    reporter: { name: `Rosa Resident ${counter}`, email: `rosa.${counter}@resident.example`, anonymousToVenue: true },
    ...overrides
  }
}

/** The token in the newest confirmation email to this address. */
export async function confirmationToken (app: FastifyInstance, email: string): Promise<string> {
  const row = await app.db.selectFrom('mailOutbox').select('link').where('toAddress', '=', email).where('kind', '=', 'concern_confirmation')
    .orderBy('id', 'desc').executeTakeFirstOrThrow()
  const token = /token=([A-Za-z0-9_-]+)/.exec(row.link ?? '')?.[1]
  if (!token) throw new Error(`no token in ${row.link}`)
  return token
}

/** Reports and confirms; returns the reference, the case link and the concern's id. */
export async function confirmedConcern (app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  const body = report(overrides)
  const res = await app.inject({ method: 'POST', url: '/api/public/concerns', payload: body })
  if (res.statusCode !== 202) throw new Error(`report failed: ${res.statusCode} ${res.body}`)
  const { reference } = res.json() as { reference: string }
  const email = (body.reporter as { email: string }).email
  const confirm = await app.inject({ method: 'POST', url: '/api/public/concerns/confirm', payload: { token: await confirmationToken(app, email) } })
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode} ${confirm.body}`)
  const { id } = await app.db.selectFrom('concerns').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()
  return { reference, id, caseLink: (confirm.json() as { caseLink: string }).caseLink, body }
}
