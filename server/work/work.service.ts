// "Today": the work waiting on the caller, gathered from each domain's workItems() in its public
// module. Each domain decides what is work for which role and scopes a venue manager to its own
// premises; this module only puts the lists together and sorts them: overdue first, then by
// deadline, then the items without one.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { AssignWork, ListedWorkItem, WorkItem, WorkList, WorkView } from '../../shared/schemas/work.ts'
import { OFFICERS } from '../../shared/roles.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { activeUsersInRoles } from '../auth/auth.public.ts'
import { fieldError } from '../errors.ts'
import { WorkNotWaiting } from './work.errors.ts'
import * as repo from './work.repository.ts'
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

function byUrgency (a: ListedWorkItem, b: ListedWorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  if (a.dueOn && b.dueOn) return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0
  if (a.dueOn || b.dueOn) return a.dueOn ? -1 : 1
  return 0
}

/**
 * An item's name for assignments: its kind and the screen that does it. Two items of one kind
 * on one screen (a venue's noise plan and dispersal policy, both to review on its plans page)
 * share it, and so are taken on together.
 */
export const workItemKey = (item: Pick<WorkItem, 'kind' | 'link'>) => `${item.kind} ${item.link}`

/** Officers' work can be assigned within the licensing team; everyone else's is their own. */
const assignable = (user: CurrentUser) => OFFICERS.includes(user.role)

/** Every source's work for the caller, a venue manager's kept to its own venues, each with its key. */
async function gatherWork (db: Db, user: CurrentUser, today: string, tz: string): Promise<ListedWorkItem[]> {
  const items: WorkItem[] = []
  // One after another: in embedded mode the database has one session anyway.
  for (const source of SOURCES) items.push(...await source(db, user, today, tz))
  // A venue manager's list never names another venue, whatever a domain returns.
  const visible = user.role === 'venue_manager' ? items.filter(i => i.premisesId != null && user.premisesIds.includes(i.premisesId)) : items
  return visible.map(item => ({ ...item, key: workItemKey(item) }))
}

export async function myWork (db: Db, user: CurrentUser, today: string, tz: string, view: WorkView = 'team'): Promise<WorkList> {
  const keyed = await gatherWork(db, user, today, tz)
  if (!assignable(user)) return { items: keyed.sort(byUrgency) }
  const assignments = await repo.assignmentsOf(db, keyed.map(i => i.key))
  const withAssignees = keyed.map(item => ({ ...item, ...assignments.get(item.key) }))
  const shown = view === 'mine' ? withAssignees.filter(i => i.assigneeId === user.id) : withAssignees
  return { items: shown.sort(byUrgency) }
}

export async function assignees (db: Db) {
  return { assignees: await activeUsersInRoles(db, OFFICERS) }
}

/** Assigns (or, with null, unassigns) a piece of work the team has now; audited with it. */
export async function assignWork (db: Db, user: CurrentUser, today: string, tz: string, input: AssignWork) {
  // Only work the team has now can be assigned: its key must name an item waiting today.
  const team = await gatherWork(db, user, today, tz)
  if (!team.some(i => i.key === input.key)) throw new WorkNotWaiting()
  const officers = await activeUsersInRoles(db, OFFICERS)
  const assignee = input.assigneeId === null ? null : officers.find(o => o.id === input.assigneeId)
  if (assignee === undefined) throw fieldError('assigneeId', 'Choose an officer from the list: work goes to an active licensing officer or administrator', 'ASSIGNEE_NOT_OFFICER')
  return db.transaction().execute(async trx => {
    const before = await repo.findAssignment(trx, input.key)
    if (assignee) await repo.saveAssignment(trx, input.key, assignee.id, user.id)
    else await repo.removeAssignment(trx, input.key)
    await recordAudit(trx, { userId: user.id, action: assignee ? 'assign-work' : 'unassign-work', entity: 'work', entityId: input.key, before: before ? { assigneeId: before.assigneeId } : null, after: assignee ? { assigneeId: assignee.id } : null })
    return { key: input.key, assignee: assignee ? { id: assignee.id, name: assignee.name } : null }
  })
}
