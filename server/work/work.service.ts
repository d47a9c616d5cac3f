// "Today": the work waiting on the caller, gathered from each domain's workItems() in its public
// module. Each domain decides what is work for which role and scopes a venue manager to its own
// premises; this module only puts the lists together and sorts them: overdue first, then by
// deadline, then the items without one.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { WorkItem, WorkList } from '../../shared/schemas/work.ts'
import { workItems as safetyThirstWork } from '../safety-thirst/safety-thirst.public.ts'
import { workItems as plansWork } from '../plans/plans.public.ts'
import { workItems as flagsWork } from '../flags/flags.public.ts'
import { workItems as caseworkWork } from '../casework/casework.public.ts'
import { workItems as concernsWork } from '../concerns/concerns.public.ts'
import { workItems as onboardingWork } from '../onboarding/onboarding.public.ts'
import { failedJobsWork } from '../jobs/jobs.work.ts'

/** `today` is the local date; `tz` the configured zone, for a source that turns instants into local dates. */
type WorkSource = (db: Db, user: CurrentUser, today: string, tz: string) => Promise<WorkItem[]>

/** Every domain's source of work; a new domain with work adds its workItems here. */
const SOURCES: WorkSource[] = [safetyThirstWork, plansWork, caseworkWork, concernsWork, flagsWork, onboardingWork, failedJobsWork]

function byUrgency (a: WorkItem, b: WorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  if (a.dueOn && b.dueOn) return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0
  if (a.dueOn || b.dueOn) return a.dueOn ? -1 : 1
  return 0
}

export async function myWork (db: Db, user: CurrentUser, today: string, tz: string): Promise<WorkList> {
  const items: WorkItem[] = []
  // One after another: in embedded mode the database has one session anyway.
  for (const source of SOURCES) items.push(...await source(db, user, today, tz))
  // A venue manager's list never names another venue, whatever a domain returns.
  const visible = user.role === 'venue_manager' ? items.filter(i => i.premisesId != null && user.premisesIds.includes(i.premisesId)) : items
  return { items: visible.sort(byUrgency) }
}
