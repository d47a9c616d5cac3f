// Changes a licensing decision makes to a premises licence (LA 2003 ss.18(3)(b), 35(4), 52(4)):
// conditions added at a hearing go under Annex 3 at once, and on the public register with them;
// a condition modified at a hearing moves to Annex 3 with its new text; a review may exclude a
// licensable activity, remove the designated premises supervisor, suspend or revoke. One call,
// inside the decision's transaction, audited here as a change to the register.
import type { Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { PremisesNotFound } from './premises.errors.ts'
import * as repo from './premises.repository.ts'

/** The annex of conditions attached after a hearing by the licensing authority. */
export const HEARING_ANNEX = 3

export interface LicenceDecisionChanges {
  premisesId: number
  /** The case the decision belongs to, for the audit trail. */
  caseId: number
  actorId: number | null
  addConditions?: string[]
  modifyConditions?: { conditionId: number; text: string }[]
  /** Licensable activities (the register's activity codes) the licence no longer allows. */
  excludeActivities?: string[]
  removeDps?: boolean
  status?: 'current' | 'suspended' | 'revoked'
}

async function snapshot (db: Db, premisesId: number) {
  const row = await repo.findPremises(db, premisesId)
  if (!row) return undefined
  return { status: row.status, dpsName: row.dpsName, activities: row.activities ?? [], conditions: await repo.listConditions(db, premisesId) }
}

export async function applyLicenceDecision (trx: Db, changes: LicenceDecisionChanges): Promise<void> {
  const { premisesId } = changes
  const current = await repo.findPremises(trx, premisesId, true)
  if (!current) throw new PremisesNotFound(String(premisesId))
  const before = (await snapshot(trx, premisesId))!
  const excluded = new Set(changes.excludeActivities ?? [])
  await repo.updatePremises(trx, premisesId, {
    ...(excluded.size
      ? {
          activities: (current.activities ?? []).filter(a => !excluded.has(a)),
          licensableActivities: JSON.stringify(((current.licensableActivities ?? []) as { activity: string }[]).filter(a => !excluded.has(a.activity)))
        }
      : {}),
    ...(changes.removeDps ? { dpsName: null } : {}),
    ...(changes.status ? { status: changes.status } : {})
  })
  for (const m of changes.modifyConditions ?? []) await repo.rewriteCondition(trx, premisesId, m.conditionId, HEARING_ANNEX, m.text.trim())
  if (changes.addConditions?.length) {
    const next = await repo.nextConditionPosition(trx, premisesId, HEARING_ANNEX)
    await repo.insertConditions(trx, changes.addConditions.map((text, i) => ({ premisesId, annex: HEARING_ANNEX, text: text.trim(), position: next + i })))
  }
  await recordAudit(trx, { userId: changes.actorId, action: 'premises.licence_decision', entity: 'premises', entityId: premisesId, before, after: { ...(await snapshot(trx, premisesId)), caseId: changes.caseId } })
}

/** The licence's conditions with their ids (a decision names the ones it modifies). */
export function licenceConditions (db: Db, premisesId: number) {
  return repo.listConditions(db, premisesId)
}

/** The licensable activities the licence allows (the register's activity codes). */
export async function licensedActivities (db: Db, premisesId: number): Promise<string[]> {
  return (await repo.findPremises(db, premisesId))?.activities ?? []
}

