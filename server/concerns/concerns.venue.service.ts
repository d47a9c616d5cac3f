// Concerns seen from a premises (the venue manager's plans page, the officers' premises page),
// the officers' map of open concerns, and the administrator's threshold setting.
import type { Db } from '../db/types.ts'
import type { Clock } from '../clock.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { NotFound } from '../errors.ts'
import { PLAN_OF_KIND } from '../../shared/schemas/concerns.ts'
import type { ConcernSettings } from '../../shared/schemas/concerns-triage.ts'
import * as repo from './concerns.repository.ts'
import { whenText } from './concerns.present.ts'

export async function premisesConcerns (db: Db, user: CurrentUser, premisesId: number, clock: Clock) {
  assertPremisesAccess(user, premisesId)
  if (!(await repo.premisesForReport(db, premisesId))) throw new NotFound(`There is no premises ${premisesId}`)
  const [rows, settings] = await Promise.all([repo.venueConcerns(db, premisesId), repo.getSettings(db)])
  const periodStart = clock.now().getTime() - settings.periodDays * 86400_000
  const counts = { noise_management_plan: 0, dispersal_policy: 0 }
  const items = rows.map(r => {
    const countsAgainst = PLAN_OF_KIND[r.kind]
    if (countsAgainst && r.substantiated && (r.confirmedAt?.getTime() ?? 0) >= periodStart) counts[countsAgainst]++
    return {
      reference: r.reference, kind: r.kind, status: r.status, closeReason: r.closeReason, substantiated: r.substantiated,
      receivedAt: (r.confirmedAt ?? r.createdAt).toISOString(), when: whenText(r, clock.tz), countsAgainst
    }
  })
  return { items, total: items.length, threshold: settings.threshold, periodDays: settings.periodDays, substantiatedInPeriod: counts }
}

export async function concernMap (db: Db, status: string) {
  const rows = await repo.concernsOnMap(db, status)
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(r => ({
      type: 'Feature' as const,
      geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
      properties: { id: r.id, reference: r.reference, kind: r.kind, status: r.status, premisesId: r.premisesId, accuracyM: r.accuracyM }
    }))
  }
}

export const getSettings = (db: Db) => repo.getSettings(db)

export async function setSettings (db: Db, user: CurrentUser, input: ConcernSettings) {
  await db.transaction().execute(async trx => {
    const before = await repo.getSettings(trx)
    await repo.setSettings(trx, { ...input, updatedBy: user.id })
    await recordAudit(trx, { userId: user.id, action: 'concern.settings', entity: 'concern_settings', entityId: 1, before, after: input })
  })
  return repo.getSettings(db)
}

