// Licensing cases' part of "Today". Each open case is work for someone at each stage:
// - consultation: each responsible authority that has not yet made a representation may make
//   one until the last day of the period (officers have nothing to do yet);
// - assessing, awaiting a hearing: officers assess and schedule, by the last day to give notice
//   of a hearing on the last day of the window (Hearings Regs regs. 5 and 6); past it, the
//   hearing cannot be held in time and the item is overdue;
// - hearing scheduled: officers, and the venue, have the hearing on its day;
// - awaiting a decision: officers decide; after a hearing within five working days beginning
//   with the day it was held (Hearings Regs reg. 26(1)(b)), without one there is no set date.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager, premisesScope } from '../auth/access.ts'
import { addWorkingDays, hearingNoticeBy } from '../../shared/clock/index.ts'
import { organisationOf } from '../../shared/roles.ts'
import { plural } from '../../shared/plural.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import * as cases from './cases.repository.ts'
import * as repo from './representations.repository.ts'
import { scheduledHearings } from './hearings.repository.ts'
import { caseHearingWindow, counts, stageOf, tally, type CaseParts } from './cases.view.ts'

// Today reads the open cases in the order their periods end; a team with more open cases than
// this sees the earliest first (the cases list pages through them all).
const OPEN_CASES_LIMIT = 500

const KIND_WORDS = { licence_application: 'licence application', review: 'review' } as const

/** The case's work for officers at its stage, or null when there is none. */
function officerItem (parts: CaseParts & { row: cases.CaseRow }, today: string): WorkItem | null {
  const { row } = parts
  const at = `case ${row.id}, the ${KIND_WORDS[row.kind]} for ${row.premisesName}`
  const base = { premisesId: row.premisesId, link: `/cases/${row.id}` }
  const noticeBy = hearingNoticeBy(caseHearingWindow(row).to)
  switch (stageOf(parts, today)) {
    case 'assessing': {
      const n = tally(parts.representations).unassessed
      return { ...base, kind: 'case_assess', title: `Assess ${plural(n, 'representation')} on ${at}`, dueOn: noticeBy, overdue: noticeBy < today }
    }
    case 'awaiting_hearing':
      return { ...base, kind: 'case_hearing_to_schedule', title: `Schedule the hearing on ${at}`, dueOn: noticeBy, overdue: noticeBy < today }
    case 'hearing_scheduled':
      return { ...base, kind: 'case_hearing', title: `Hearing on ${at} at ${parts.hearing!.startsAt}, ${parts.hearing!.place}`, dueOn: parts.hearing!.hearingOn, overdue: false }
    case 'awaiting_decision': {
      if (!parts.hearing) return { ...base, kind: 'case_decision', title: `Decide ${at} (no hearing is needed)`, overdue: false }
      const by = addWorkingDays(parts.hearing.hearingOn, 4)
      return { ...base, kind: 'case_decision', title: `Decide ${at} after the hearing on ${parts.hearing.hearingOn}`, dueOn: by, overdue: by < today }
    }
    default:
      return null
  }
}

export async function casesWork (db: Db, user: CurrentUser, today: string): Promise<WorkItem[]> {
  const organisation = organisationOf(user)
  const officer = user.role === 'licensing_officer' || user.role === 'admin'
  const authority = !officer && organisation !== null
  if (!officer && !authority && !isVenueManager(user)) return []
  const rows = await cases.listCases(db, { open: true, premisesIds: premisesScope(user), limit: OPEN_CASES_LIMIT, offset: 0 })
  const ids = rows.map(r => r.id)
  const [reps, hearings] = await Promise.all([repo.representationsOf(db, ids), scheduledHearings(db, 'caseId', ids)])
  const items: WorkItem[] = []
  for (const row of rows) {
    const parts = { row, representations: reps.filter(r => r.caseId === row.id), hearing: hearings.get(row.id), decision: undefined }
    const stage = stageOf(parts, today)
    if (officer) {
      const item = officerItem(parts, today)
      if (item) items.push(item)
    } else if (authority && stage === 'consultation') {
      if (parts.representations.some(r => counts(r) && r.organisation === organisation)) continue
      items.push({
        kind: 'case_representation_window', title: `Consider a representation on the ${KIND_WORDS[row.kind]} for ${row.premisesName} (case ${row.id})`,
        premisesId: row.premisesId, dueOn: row.representationPeriodEnds, overdue: false, link: `/cases/${row.id}`
      })
    } else if (isVenueManager(user) && stage === 'hearing_scheduled') {
      items.push({
        kind: 'case_hearing', title: `Attend the hearing on the ${KIND_WORDS[row.kind]} for ${row.premisesName} at ${parts.hearing!.startsAt}, ${parts.hearing!.place}`,
        premisesId: row.premisesId, dueOn: parts.hearing!.hearingOn, overdue: false, link: `/cases/${row.id}`
      })
    }
  }
  return items
}
