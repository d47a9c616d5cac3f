// The checks every hearing date goes through, for a licensing case or an objection to a TEN: a
// working day, inside the legal window (Hearings Regs reg. 5, Sch. 1) and after the notice the
// parties must have (reg. 6). The window and the earliest date come from the statutory clock;
// a refusal names them so the officer can pick a date that works.
import { isWorkingDay, type Period } from '../../shared/clock/index.ts'
import { fieldError } from '../errors.ts'
import { HearingNoticeTooShort, HearingOutsideWindow, withDetails } from './casework.errors.ts'

export interface HearingDateRule {
  window: Period
  /** The earliest date the notice given today allows. */
  earliest: string
  noticeWorkingDays: number
  /** What the window is, in words ("within 20 working days after representations closed"). */
  windowRule: string
}

export function checkHearingDate (date: string, rule: HearingDateRule) {
  if (!isWorkingDay(date)) throw fieldError('date', `A hearing is held on a working day; ${date} is a weekend or a bank holiday. Choose another date.`)
  const { window } = rule
  if (window.to < window.from) {
    throw withDetails(new HearingOutsideWindow(`There is no date left for this hearing: it had to be ${rule.windowRule}, between ${window.from} and ${window.to}.`), { window })
  }
  if (date < window.from || date > window.to) {
    throw withDetails(new HearingOutsideWindow(`The hearing must be ${rule.windowRule}: between ${window.from} and ${window.to}. Choose a date in that window.`), { window })
  }
  if (date < rule.earliest) {
    throw withDetails(new HearingNoticeTooShort(`The parties must have notice of the hearing at least ${rule.noticeWorkingDays} working days before it (Hearings Regs reg. 6): with notice given today the earliest date is ${rule.earliest}.${rule.earliest > window.to ? ` That is after the window ends on ${window.to}.` : ''}`),
      { earliest: rule.earliest, window, noticeWorkingDays: rule.noticeWorkingDays })
  }
}
