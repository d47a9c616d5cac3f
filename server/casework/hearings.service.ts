// Scheduling the hearing of a licensing case: once representations have closed and been
// assessed, a case with relevant representations (and every review, s.52(2)) goes to a hearing
// within 20 working days after the period ends (Hearings Regs reg. 5, Sch. 1), with notice to the
// parties at least 10 working days before it (reg. 6(4)). Notice goes out when it is scheduled.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { earliestHearingAfterNotice, HEARING_NOTICE_WORKING_DAYS } from '../../shared/clock/index.ts'
import type { HearingBody, LicensingCase } from '../../shared/schemas/cases.ts'
import { CaseNotFound, CaseStateConflict } from './casework.errors.ts'
import * as cases from './cases.repository.ts'
import * as hearings from './hearings.repository.ts'
import { representationsOf } from './representations.repository.ts'
import { caseHearingWindow, counts, hearingNeeded, tally } from './cases.view.ts'
import { getCase } from './cases.service.ts'
import { checkHearingDate } from './hearing-rules.ts'
import type { Clock } from './representations.service.ts'

/** Parties with a relevant representation that stands (they get notice of the hearing and of the decision). */
export async function relevantParties (trx: Db, caseId: number) {
  const reps = (await representationsOf(trx, [caseId])).filter(r => counts(r) && r.relevance === 'relevant')
  const organisations = [...new Set(reps.flatMap(r => r.organisation ? [r.organisation] : []))]
  const authorityUsers = organisations.filter(o => o !== 'police' && o !== 'licensing_authority').length
    ? await trx.selectFrom('users').select('id').where('role', '=', 'responsible_authority').where('active', '=', true)
      .where('organisation', 'in', organisations).execute()
    : []
  return { organisations, authorityUserIds: authorityUsers.map(u => u.id), personIds: reps.flatMap(r => r.personId === null ? [] : [r.personId]) }
}

export async function scheduleCaseHearing (db: Db, user: CurrentUser, caseId: number, input: HearingBody, clock: Clock): Promise<LicensingCase> {
  await db.transaction().execute(async trx => {
    const found = await cases.findCase(trx, caseId)
    if (!found) throw new CaseNotFound(String(caseId))
    const row = { ...found, ...(await cases.lockCase(trx, caseId))! }
    if (row.status === 'decided' || row.status === 'withdrawn') throw new CaseStateConflict(`The case is ${row.status}; there is no hearing to hold`)
    if (clock.today <= row.representationPeriodEnds) throw new CaseStateConflict(`Representations may be made until ${row.representationPeriodEnds}; schedule the hearing once they have closed and been assessed`)
    const reps = await representationsOf(trx, [caseId])
    const unassessed = tally(reps).unassessed
    if (unassessed) throw new CaseStateConflict(`Assess the ${unassessed} representation(s) still waiting first: only relevant ones go to the hearing`)
    if (!hearingNeeded({ row, representations: reps })) throw new CaseStateConflict('No relevant representation stands: the application is granted without a hearing (s.18(2))')
    checkHearingDate(input.date, {
      window: caseHearingWindow(row), earliest: earliestHearingAfterNotice(clock.today), noticeWorkingDays: HEARING_NOTICE_WORKING_DAYS,
      windowRule: 'within 20 working days beginning the day after representations closed (Hearings Regs reg. 5, Sch. 1)'
    })
    await hearings.cancelScheduled(trx, { caseId })
    const { id: hearingId } = await hearings.insertHearing(trx, { caseId, hearingOn: input.date, startsAt: input.time, place: input.place.trim(), noticeGivenOn: clock.today, scheduledBy: user.id })
    await cases.updateCase(trx, caseId, { status: 'hearing_scheduled' })
    await recordAudit(trx, { userId: user.id, action: 'case.hearing', entity: 'licensing_case', entityId: caseId, before: { status: row.status }, after: { hearingId, ...input, noticeGivenOn: clock.today } })
    const parties = await relevantParties(trx, caseId)
    const title = `Hearing on ${row.premisesName}: ${input.date} at ${input.time}`
    const body = `${input.place.trim()}. The licensing sub-committee hears the ${row.kind === 'review' ? 'review' : 'application'} and the relevant representations.`
    const link = `/cases/${caseId}`
    await notify(trx, [
      { role: 'venue_manager', premisesId: row.premisesId, kind: 'hearing_scheduled', title, body, link },
      { role: 'licensing_officer', kind: 'hearing_scheduled', title, body, link },
      ...(parties.organisations.includes('police') || row.broughtByOrganisation === 'police' ? [{ role: 'police' as const, kind: 'hearing_scheduled', title, body, link }] : []),
      ...parties.authorityUserIds.map(userId => ({ userId, kind: 'hearing_scheduled', title, body, link }))
    ])
    await noticeToOtherPersons(trx, parties.personIds, { subject: title, text: body, caseId })
  })
  return getCase(db, user, caseId, clock.today)
}

/** Notice to other persons with relevant representations, by email (their details stay in casework). */
export async function noticeToOtherPersons (_trx: Db, _personIds: number[], _message: { subject: string; text: string; caseId: number }) {
  // Email to other persons arrives with the mail module; until then the licensing team sends notice by post.
}
