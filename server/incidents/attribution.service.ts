// Attribution of incidents to premises (docs/analytics.md, "Rising theft or violence"), owned by the incidents domain: linked
// (recorded against a premises), proximate (exactly one current premises within the radius, in
// BNG metres), ambiguous (two or more: the candidates are kept with the incident, nearest first,
// so each venue page can show them), none. The stored attribution is the one rule: the incidents
// pages show it and flags count it (countAttributedIncidents). The police.uk import attributes the
// same way per snap point (police-uk.import.ts). The SQL is in attribution.repository.ts.
import { sql, type Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import * as repo from './attribution.repository.ts'

export type { AttributionSettings } from './attribution.repository.ts'

/** Attribute these incidents (after import or recording). */
export async function attributeIncidents (db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  await repo.attributeWhere(db, sql`i.id = any(${sql.val(ids)}::int[])`)
}

/** Attribute every incident (after the demo import, or when the radii change). */
export async function attributeAll (db: Db): Promise<void> {
  await repo.attributeWhere(db, sql`true`)
}

/** Recompute attribution of incidents near these premises (after a premises is created, moved, opened or closed). */
export async function reattributeNearPremises (db: Db, premisesIds: number[]): Promise<void> {
  if (premisesIds.length === 0) return
  await attributeIncidents(db, await repo.incidentsNearPremises(db, premisesIds))
}

/** The radii and the harm weights (GET /api/incidents/settings). */
export async function incidentSettings (db: Db) {
  return { ...(await repo.getAttributionSettings(db)), harmWeights: await repo.listHarmWeights(db) }
}

/** Change the radii and recompute every attribution, audited, in one transaction. */
export async function updateAttributionSettings (db: Kysely<Database>, userId: number, changes: Partial<repo.AttributionSettings>) {
  await db.transaction().execute(async trx => {
    const before = await repo.getAttributionSettings(trx)
    await repo.saveAttributionSettings(trx, changes)
    await attributeAll(trx)
    await recordAudit(trx, { userId, action: 'incident.settings', entity: 'incident_settings', entityId: null, before, after: { ...before, ...changes } })
  })
  return incidentSettings(db)
}
