// Casework's part of "Today": Temporary Event Notices inside their objection window (three
// working days, s.104), due on the last day. The police and environmental health may object
// (each sees those it has not objected to yet); officers see them all, to check each notice
// before the window closes. Licensing cases add their own work (cases.work.service.ts).
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { organisationOf } from '../../shared/roles.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import * as repo from './tens.repository.ts'
import { casesWork } from './cases.work.service.ts'

export async function caseworkWork (db: Db, user: CurrentUser, today: string): Promise<WorkItem[]> {
  return [...await tensWork(db, user, today), ...await casesWork(db, user, today)]
}

async function tensWork (db: Db, user: CurrentUser, today: string): Promise<WorkItem[]> {
  const organisation = organisationOf(user)
  const objector = organisation === 'police' || organisation === 'environmental_health' ? organisation : undefined
  if (!objector && user.role !== 'licensing_officer' && user.role !== 'admin') return []
  const tens = await repo.tensOpenToObjection(db, today, objector)
  return tens.map(t => ({
    kind: 'ten_objection_window',
    title: `${objector ? 'Consider objecting to' : 'Check'} the Temporary Event Notice at ${t.premisesName} (event ${t.startsLocal.slice(0, 10)})`,
    premisesId: t.premisesId, dueOn: t.objectionDeadline, overdue: false, link: `/tens/${t.id}`
  }))
}
