// Concerns' part of "Today": for licensing officers (and admins), each confirmed concern not yet
// answered, due for a first response within FIRST_RESPONSE_WORKING_DAYS of its confirmation. The
// Act sets no deadline here; five working days is the service standard councils commonly promise
// for a first reply to a complaint, and the partnership's indicator "how fast concerns were
// answered" measures against it.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { addWorkingDays } from '../../shared/clock/index.ts'
import { localDate } from '../../shared/dates.ts'
import { CONCERN_KIND_LABELS } from '../../shared/schemas/concerns.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import { concernsToTriage } from './concerns.repository.ts'

export const FIRST_RESPONSE_WORKING_DAYS = 5

export async function concernsWork (db: Db, user: CurrentUser, today: string, tz: string): Promise<WorkItem[]> {
  if (user.role !== 'licensing_officer' && user.role !== 'admin') return []
  const rows = await concernsToTriage(db)
  return rows.map((c): WorkItem => {
    const dueOn = addWorkingDays(localDate(new Date(c.confirmedAt!), tz), FIRST_RESPONSE_WORKING_DAYS)
    const about = c.premisesName ? ` about ${c.premisesName}` : ''
    return {
      kind: 'concern_to_triage', title: `Triage and answer ${c.reference} (${CONCERN_KIND_LABELS[c.kind]})${about}`,
      ...(c.premisesId !== null ? { premisesId: c.premisesId } : {}), dueOn, overdue: dueOn < today, link: `/concerns/${c.id}`
    }
  })
}
