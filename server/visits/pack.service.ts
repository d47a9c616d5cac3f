// The offline pack of the officer's visits for a night: every visit the officer made or was
// assigned that starts in that night (06:00 to 06:00 local: 01:30 belongs to the night before, as everywhere else), each
// with what its screens need with no signal, read through the other domains' public modules.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Clock } from '../clock.ts'
import { findPremisesRecord, PremisesNotFound } from '../premises/premises.public.ts'
import { currentPlansOf } from '../plans/plans.public.ts'
import { unresolvedFlagsOf } from '../flags/flags.public.ts'
import { incidentsAttributedTo } from '../incidents/incidents.public.ts'
import { applicationForAssessment, premisesApplications } from '../safety-thirst/safety-thirst.public.ts'
import { addDays, localToUtc, localYear, nightOf } from '../../shared/dates.ts'
import type { TonightPack, VisitPack } from '../../shared/schemas/visit-pack.ts'
import type { Visit } from '../../shared/schemas/visits.ts'
import { buildChecklist } from './checklist.ts'
import { computeLight } from './traffic-light.service.ts'
import * as repo from './visits.repository.ts'
import { loadVisit, presentVisits } from './visits.service.ts'

const RECENT_DAYS = 90
const ASSESSABLE = ['submitted', 'under_assessment']

async function safetyThirstFor (db: Db, visit: Visit, tz: string) {
  if (visit.safetyThirstApplicationId) return (await applicationForAssessment(db, visit.safetyThirstApplicationId)) ?? null
  if (visit.kind !== 'safety_thirst') return null
  const year = localYear(new Date(visit.startedAt), tz)
  const live = (await premisesApplications(db, visit.premisesId)).find(a => a.year === year && ASSESSABLE.includes(a.status))
  return live ? (await applicationForAssessment(db, live.id)) ?? null : null
}

export async function packOf (db: Db, visit: Visit, clock: Clock): Promise<VisitPack> {
  const record = await findPremisesRecord(db, visit.premisesId)
  if (!record) throw new PremisesNotFound(String(visit.premisesId))
  const night = nightOf(new Date(visit.startedAt), clock.tz)
  const today = clock.today()
  const light = await computeLight(db, visit.premisesId, today, clock.tz)
  return {
    visit,
    premises: {
      id: record.id, name: record.name, address: record.address, postcode: record.postcode, licenceNumber: record.licenceNumber, licenceHolder: record.licenceHolder,
      dpsName: record.dpsName, capacity: record.capacity, premisesType: record.premisesType, status: record.status, activities: record.activities ?? [],
      openingHours: (record.openingHours ?? {}) as VisitPack['premises']['openingHours'],
      licensableActivities: (Array.isArray(record.licensableActivities) ? record.licensableActivities : []) as VisitPack['premises']['licensableActivities'],
      conditions: record.conditions
    },
    checklist: buildChecklist(record, night),
    plans: await currentPlansOf(db, visit.premisesId),
    openFlags: await unresolvedFlagsOf(db, visit.premisesId),
    recentIncidents: await incidentsAttributedTo(db, visit.premisesId, { from: addDays(today, -RECENT_DAYS), to: today, limit: 50 }, clock.tz),
    trafficLight: { light: light.light, points: light.points },
    safetyThirst: await safetyThirstFor(db, visit, clock.tz)
  }
}

/** GET /api/visits/tonight: the caller's visits of the night (tonight by default). */
export async function tonight (db: Db, user: CurrentUser, clock: Clock, night?: string): Promise<TonightPack> {
  const date = night ?? nightOf(clock.now(), clock.tz)
  const from = localToUtc(date, clock.tz, 6)
  const to = localToUtc(addDays(date, 1), clock.tz, 6)
  const visits = await presentVisits(db, await repo.listAssigned(db, user.id, from, to))
  const items: VisitPack[] = []
  // Sequential: in embedded mode the database is one session.
  for (const visit of visits) items.push(await packOf(db, visit, clock))
  return { night: date, downloadedAt: clock.now().toISOString(), items }
}

export async function packFor (db: Db, visitId: string, clock: Clock) {
  return packOf(db, await loadVisit(db, visitId), clock)
}
