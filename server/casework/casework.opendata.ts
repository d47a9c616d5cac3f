// What of the casework the public register publishes as open data: licence applications and
// reviews with the last day for representations and, once decided, the outcome and the
// conditions it added; and Temporary Event Notices whose event has not ended. Never a person:
// not who brought a review, who made a representation, nor a TEN's premises user (usually a
// private individual) or whether they hold a personal licence (docs/open-data.md).
import type { Db } from '../db/types.ts'
import { registerCases } from './cases.repository.ts'
import { registerTens } from './tens.repository.ts'

export type RegisterStage = 'under_consultation' | 'awaiting_decision' | 'hearing_scheduled' | 'decided'

/** Where a case stands as the public sees it on `today`. */
export function registerStage (status: string, periodEnds: string, today: string): RegisterStage {
  if (status === 'decided') return 'decided'
  if (status === 'hearing_scheduled') return 'hearing_scheduled'
  return today <= periodEnds ? 'under_consultation' : 'awaiting_decision'
}

export async function registerApplications (db: Db, today: string) {
  const rows = await registerCases(db)
  return rows.map(row => ({ ...row, stage: registerStage(row.status, row.representationPeriodEnds, today), addedConditions: row.addedConditions ?? [] }))
}

export { registerTens }
