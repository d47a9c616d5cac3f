// The daily casework job: a reminder before each deadline a case shows (the last day for
// representations, the last day to give notice of a hearing, the end of the hearing window,
// the hearing itself, the end of the appeal period, a review decision taking effect), three
// working days ahead and again on the day, to the licensing team (and for the hearing the
// venue); notifications send their email through mail's outbox. Each reminder has a dedupe key,
// so a second run on the same day sends nothing twice.
import type { Db } from '../db/types.ts'
import { notify } from '../notifications/notifications.public.ts'
import { addWorkingDays } from '../../shared/clock/index.ts'
import type { NewNotification } from '../notifications/notifications.public.ts'
import * as cases from './cases.repository.ts'
import * as repo from './representations.repository.ts'
import { scheduledHearings } from './hearings.repository.ts'
import { deadlinesOf } from './cases.view.ts'

export const REMINDER_WORKING_DAYS = 3

export async function runCaseworkReminders (db: Db, today: string) {
  return db.transaction().execute(async trx => {
    const rows = await cases.casesWithDeadlines(trx, today)
    const ids = rows.map(r => r.id)
    const [reps, hearings, decisions] = await Promise.all([repo.representationsOf(trx, ids), scheduledHearings(trx, 'caseId', ids), repo.decisionsOf(trx, ids)])
    const soon = addWorkingDays(today, REMINDER_WORKING_DAYS)
    const items: NewNotification[] = []
    for (const row of rows) {
      const parts = { row, representations: reps.filter(r => r.caseId === row.id), hearing: hearings.get(row.id), decision: decisions.get(row.id) }
      for (const d of deadlinesOf(parts, today)) {
        if (d.date < today || d.date > soon || d.key === 'hearing_window_opens') continue
        const when = d.date === today ? 'today' : `on ${d.date}`
        const title = `Case ${row.id}, ${row.premisesName}: ${d.label} ${when}`
        const base = { kind: 'case_deadline', title, body: `${d.label}: ${d.date} (${d.provision}).`, link: `/cases/${row.id}` }
        const stage = d.date === today ? 'day' : 'ahead'
        items.push({ ...base, role: 'licensing_officer', dedupeKey: `case-deadline:${row.id}:${d.key}:${d.date}:${stage}` })
        if (d.key === 'hearing') items.push({ ...base, role: 'venue_manager', premisesId: row.premisesId, dedupeKey: `case-deadline-venue:${row.id}:${d.key}:${d.date}:${stage}` })
      }
    }
    const reminded = items.length ? await notify(trx, items) : 0
    return { reminded }
  })
}
