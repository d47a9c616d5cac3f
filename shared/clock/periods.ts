// Every statutory period Nightsafe handles, in one place, each with the provision it comes from.
// "LA 2003" is the Licensing Act 2003; "Premises Regs" the Licensing Act 2003 (Premises licences
// and club premises certificates) Regulations 2005 (SI 2005/42); "Hearings Regs" the Licensing
// Act 2003 (Hearings) Regulations 2005 (SI 2005/44). docs/casework.md lists them for operators.
// Dates are local 'YYYY-MM-DD'; no deadline is computed anywhere else in the code.
import { addCalendarDays, addWorkingDays, onOrAfterWorkingDay, workingDaysBetween } from './days.ts'

export interface Period { from: string; to: string }

/** The 28 days of a representation period (LA 2003 ss.17, 34, 51). */
export const REPRESENTATION_DAYS = 28

/**
 * Representations on a new premises licence (s.17), a full variation (s.34) or a review (s.51):
 * 28 consecutive days starting on the day after the day the application was given
 * (Premises Regs reg. 22). `to` is the last day a representation may be made.
 */
export function representationPeriod (givenOn: string): Period {
  return { from: addCalendarDays(givenOn, 1), to: addCalendarDays(givenOn, REPRESENTATION_DAYS) }
}

/**
 * The newspaper notice of a new or full-variation application: published at least once within
 * the ten working days starting on the day after the application was given (Premises Regs reg. 25(b)).
 */
export function newspaperNoticeBy (givenOn: string): string {
  return addWorkingDays(givenOn, 10)
}

/**
 * Minor variation (LA 2003 ss.41A–41C): representations within ten working days starting on the
 * day after the application was received (Premises Regs reg. 22); the authority decides within
 * fifteen working days beginning with the first working day after receipt, or the application
 * is treated as refused (s.41B).
 */
export function minorVariationPeriods (receivedOn: string): { representationsEnd: string; decisionBy: string } {
  return { representationsEnd: addWorkingDays(receivedOn, 10), decisionBy: addWorkingDays(receivedOn, 15) }
}

/**
 * Transfer of a premises licence (s.42(6)) or variation of the designated premises supervisor
 * (s.37(5)): the police may object within 14 days beginning with the day they were notified.
 */
export function policeObjectionEnds (notifiedOn: string): string {
  return addCalendarDays(notifiedOn, 13)
}

/**
 * The window for a hearing after relevant representations (new licence s.18(3), variation
 * s.35(3), review s.52(2), transfer s.44(5), DPS variation s.39(3)): within 20 working days
 * beginning with the day after the representation or objection period ends (Hearings Regs reg. 5
 * and Sch. 1). `from` is the first working day of that period, `to` its twentieth.
 */
export function hearingWindow (periodEnds: string): Period {
  return { from: onOrAfterWorkingDay(addCalendarDays(periodEnds, 1)), to: addWorkingDays(periodEnds, 20) }
}

/** Notice of a hearing goes to the parties no later than ten working days before it (Hearings Regs reg. 6(4), Sch. 2). */
export const HEARING_NOTICE_WORKING_DAYS = 10

/** The last day notice of a hearing on `hearingOn` may be given. */
export function hearingNoticeBy (hearingOn: string): string {
  return addWorkingDays(hearingOn, -HEARING_NOTICE_WORKING_DAYS)
}

/** The earliest hearing date when notice is given on `noticeOn`. */
export function earliestHearingAfterNotice (noticeOn: string): string {
  return addWorkingDays(noticeOn, HEARING_NOTICE_WORKING_DAYS)
}

/**
 * Appeal to the magistrates' court: within 21 days beginning with the day the appellant was
 * notified of the decision (LA 2003 Sch. 5 para. 9(2)). The last day to appeal.
 */
export function appealDeadline (notifiedOn: string): string {
  return addCalendarDays(notifiedOn, 20)
}

/**
 * A decision on a review does not take effect until the period for appealing against it has
 * ended (or an appeal is disposed of) (LA 2003 s.52(11)): the first day after the appeal deadline.
 */
export function reviewDecisionTakesEffect (notifiedOn: string): string {
  return addCalendarDays(appealDeadline(notifiedOn), 1)
}

/** A review may suspend a licence for at most three months (LA 2003 s.52(4)(d), (5)). The last day a suspension may run to. */
export function longestSuspensionEnds (startsOn: string): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number]
  const end = new Date(Date.UTC(y, m - 1 + 3, d))
  if (end.getUTCDate() !== d) end.setUTCDate(0)
  return addCalendarDays(end.toISOString().slice(0, 10), -1)
}

export type TenKind = 'standard' | 'late'

/**
 * A Temporary Event Notice is standard if given at least ten working days before the event
 * period begins (LA 2003 s.100A(2)), late if given nine to five working days before (s.100A(3));
 * neither the day it is given nor the first day of the event counts. Less than five: too late.
 */
export function tenKind (givenOn: string, eventStartsOn: string): TenKind | 'too_late' {
  const clear = workingDaysBetween(givenOn, eventStartsOn)
  return clear >= 10 ? 'standard' : clear >= 5 ? 'late' : 'too_late'
}

/** The last day a TEN of that kind may be given for an event starting on `eventStartsOn` (the form's hint). */
export function lastDayToGiveTen (eventStartsOn: string, kind: TenKind): string {
  // The day before the nth working day before the event leaves n working days strictly between.
  return addCalendarDays(addWorkingDays(eventStartsOn, kind === 'standard' ? -10 : -5), -1)
}

/**
 * Police and environmental health may object to a TEN before the end of the third working day
 * following the day they received it (LA 2003 s.104(2)–(3)). The last day to object.
 */
export function tenObjectionDeadline (receivedOn: string): string {
  return addWorkingDays(receivedOn, 3)
}

/**
 * A premises user may withdraw a TEN by notice to the authority no later than 24 hours before
 * the event period begins (LA 2003 s.103(1)). Takes and returns instants.
 */
export function tenWithdrawalDeadline (eventStartsAt: Date): Date {
  return new Date(eventStartsAt.getTime() - 24 * 3600 * 1000)
}

/** Notice of a hearing on an objection to a TEN goes out no later than two working days before it (Hearings Regs reg. 6(2)(b)). */
export const TEN_HEARING_NOTICE_WORKING_DAYS = 2

/**
 * The hearing on an objection to a standard TEN (s.105(2)(a)): within 7 working days beginning
 * with the day after the end of the objection period (Hearings Regs reg. 5 and Sch. 1), and in
 * time for the decision at least 24 hours before the event (s.105(4)), so never after the day
 * of `decisionBy` (the local date of the counter-notice deadline). `to` may fall before `from`
 * when a notice leaves no room; the service then says so.
 */
export function tenHearingWindow (objectionDeadline: string, decisionBy: string): Period {
  const last = addWorkingDays(objectionDeadline, 7)
  return { from: onOrAfterWorkingDay(addCalendarDays(objectionDeadline, 1)), to: last < decisionBy ? last : decisionBy }
}

/** The earliest TEN hearing when notice is given on `noticeOn` (two working days, reg. 6(2)(b)). */
export function earliestTenHearingAfterNotice (noticeOn: string): string {
  return addWorkingDays(noticeOn, TEN_HEARING_NOTICE_WORKING_DAYS)
}

/**
 * A counter notice (after an objection: s.104A for a late TEN, s.105 for a standard one) must be
 * given at least 24 hours before the event period begins (s.105(4)). Takes and returns instants.
 */
export function counterNoticeDeadline (eventStartsAt: Date): Date {
  return new Date(eventStartsAt.getTime() - 24 * 3600 * 1000)
}
