// The statutory clock, table-driven: each date was worked out by hand on a calendar, and the
// comment says why the answer is what it is. 2026: Christmas Fri 25 Dec, Boxing Day Sat 26 Dec
// (substitute Mon 28 Dec), Good Friday 3 Apr, Easter Monday 6 Apr, early May 4 May, August 31 Aug.
// 2027: Christmas Sat, Boxing Day Sun (substitutes Mon 27 and Tue 28 Dec).
import t from 'tap'
import {
  addWorkingDays, appealDeadline, counterNoticeDeadline, earliestTenHearingAfterNotice, hearingNoticeBy, hearingWindow,
  isWorkingDay, lastDayToGiveTen, longestSuspensionEnds, minorVariationPeriods, newspaperNoticeBy, policeObjectionEnds,
  representationPeriod, reviewDecisionTakesEffect, tenHearingWindow, tenKind, tenObjectionDeadline, tenWithdrawalDeadline,
  workingDaysBetween
} from '../../shared/clock/index.ts'
import { HOLIDAYS_BY_YEAR, HOLIDAY_SOURCE } from '../../shared/clock/bank-holidays.ts'
import { englandAndWalesHolidays } from '../../server/cli/bank-holidays.source.ts'

t.test('addWorkingDays counts working days after the start, never the start itself', async t => {
  const cases: [from: string, days: number, expected: string, why: string][] = [
    ['2026-12-23', 1, '2026-12-24', 'Wed to Thu, an ordinary working day'],
    ['2026-12-23', 2, '2026-12-29', 'Christmas Fri, the weekend and the Boxing Day substitute Mon 28 are skipped'],
    ['2026-12-24', 3, '2026-12-31', 'Tue 29, Wed 30, Thu 31'],
    ['2026-12-24', 4, '2027-01-04', 'New Year\'s Day Fri 1 Jan and the weekend skipped: Mon 4 Jan'],
    ['2027-12-24', 1, '2027-12-29', 'Christmas and Boxing Day on the weekend: both substitutes (Mon 27, Tue 28) skipped'],
    ['2026-12-14', 10, '2026-12-30', 'eight days to Thu 24 Dec, then Tue 29 and Wed 30'],
    ['2026-04-02', 1, '2026-04-07', 'Good Friday, the weekend and Easter Monday skipped'],
    ['2026-05-01', 1, '2026-05-05', 'Fri, then the weekend and the early-May bank holiday Mon 4 May'],
    ['2026-08-28', 1, '2026-09-01', 'Fri, then the weekend and the August bank holiday Mon 31 Aug'],
    ['2026-06-05', 1, '2026-06-08', 'Fri to Mon over an ordinary weekend'],
    ['2026-06-06', 1, '2026-06-08', 'from a Saturday: the first working day after it is Mon'],
    ['2026-06-06', 0, '2026-06-06', 'zero working days is the date itself, even on a Saturday'],
    ['2026-04-07', -1, '2026-04-02', 'backwards over Easter: Tue 7 Apr to Thu 2 Apr'],
    ['2022-09-16', 1, '2022-09-20', 'the Queen\'s funeral Mon 19 Sep 2022 was a bank holiday'],
    ['2012-06-01', 1, '2012-06-06', 'Diamond Jubilee: spring bank holiday moved to Mon 4 Jun, Jubilee Tue 5 Jun 2012']
  ]
  for (const [from, days, expected, why] of cases) t.equal(addWorkingDays(from, days), expected, `${from} + ${days}: ${why}`)
})

t.test('workingDaysBetween counts the working days strictly between two dates', async t => {
  const cases: [from: string, to: string, expected: number, why: string][] = [
    ['2026-12-24', '2026-12-29', 0, 'between Thu 24 and Tue 29 Dec: Christmas, a weekend and the substitute day'],
    ['2026-12-23', '2027-01-04', 4, 'Thu 24, Tue 29, Wed 30, Thu 31 Dec (New Year\'s Day and the weekend are not)'],
    ['2026-04-02', '2026-04-07', 0, 'Good Friday, the Easter weekend and Easter Monday'],
    ['2026-06-05', '2026-06-08', 0, 'Fri to Mon: only the weekend between'],
    ['2026-06-01', '2026-06-05', 3, 'Mon to Fri: Tue, Wed, Thu'],
    ['2026-05-01', '2026-05-08', 3, 'Sat, Sun, the early-May bank holiday Mon 4, then Tue 5, Wed 6, Thu 7: three'],
    ['2026-06-01', '2026-06-01', 0, 'the same day'],
    ['2026-06-05', '2026-06-01', 0, 'the end before the start']
  ]
  for (const [from, to, expected, why] of cases) t.equal(workingDaysBetween(from, to), expected, `${from} → ${to}: ${why}`)
})

t.test('isWorkingDay knows weekends, Christmas, Good Friday and substitute days', async t => {
  const cases: [date: string, expected: boolean, why: string][] = [
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-28', false, 'Boxing Day substitute (26 Dec is a Saturday)'],
    ['2026-12-29', true, 'an ordinary Tuesday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-05-25', false, 'spring bank holiday'],
    ['2026-06-06', false, 'a Saturday'],
    ['2023-05-08', false, 'the coronation bank holiday'],
    ['2025-12-24', true, 'Christmas Eve is a working day']
  ]
  for (const [date, expected, why] of cases) t.equal(isWorkingDay(date), expected, `${date}: ${why}`)
})

t.test('each statutory period gives the hand-worked date', async t => {
  t.same(representationPeriod('2026-12-01'), { from: '2026-12-02', to: '2026-12-29' }, 'reg. 22: 28 consecutive days from the day after; holidays do not move it')
  t.same(representationPeriod('2027-01-31'), { from: '2027-02-01', to: '2027-02-28' }, 'across the end of a month: 31 Jan + 28 = 28 Feb 2027')
  t.equal(newspaperNoticeBy('2026-12-18'), '2027-01-06', 'reg. 25(b): Dec 21–24 (4), 29–31 (7), Jan 4–6 (10)')
  t.same(minorVariationPeriods('2026-03-30'), { representationsEnd: '2026-04-15', decisionBy: '2026-04-22' }, 'over Easter: 10th working day Wed 15 Apr, 15th Wed 22 Apr')
  t.equal(policeObjectionEnds('2026-12-20'), '2027-01-02', 's.42(6): 14 days beginning with the day notified, calendar days, into the new year')
  t.same(hearingWindow('2026-12-22'), { from: '2026-12-23', to: '2027-01-22' }, 'Sch. 1: the 20th working day after Tue 22 Dec over Christmas and New Year is Fri 22 Jan')
  t.same(hearingWindow('2026-04-02'), { from: '2026-04-07', to: '2026-05-05' }, 'starts after Easter (Tue 7 Apr); the 20th working day skips the early-May holiday: Tue 5 May')
  t.equal(hearingNoticeBy('2027-01-08'), '2026-12-22', 'reg. 6(4): ten working days back over New Year and Christmas')
  t.equal(appealDeadline('2026-12-10'), '2026-12-30', 'Sch. 5 para. 9: 21 days beginning with the day notified')
  t.equal(appealDeadline('2027-02-20'), '2027-03-12', 'across February (28 days in 2027)')
})

t.test('a TEN is standard, late or too late by the working days before the event', async t => {
  const cases: [givenOn: string, startsOn: string, expected: string, why: string][] = [
    ['2026-12-14', '2026-12-31', 'standard', '10 working days strictly between: Dec 15–18, 21–24, 29, 30'],
    ['2026-12-15', '2026-12-31', 'late', '9 working days between'],
    ['2026-12-21', '2026-12-31', 'late', '5 working days between: Dec 22, 23, 24, 29, 30'],
    ['2026-12-22', '2026-12-31', 'too_late', '4 working days between'],
    ['2026-03-24', '2026-04-10', 'standard', 'over Easter: Mar 25–27, Mar 30–Apr 2, Apr 7–9 = 10'],
    ['2026-03-26', '2026-04-10', 'late', 'over Easter: Mar 27, Mar 30–Apr 2, Apr 7–9 = 8']
  ]
  for (const [givenOn, startsOn, expected, why] of cases) t.equal(tenKind(givenOn, startsOn), expected, `${givenOn} for ${startsOn}: ${why}`)
  t.equal(lastDayToGiveTen('2026-12-31', 'standard'), '2026-12-14', 'the last day for a standard TEN agrees with tenKind')
  t.equal(lastDayToGiveTen('2026-12-31', 'late'), '2026-12-21', 'the last day for a late TEN agrees with tenKind')
})

t.test('objections to a TEN and the counter notice', async t => {
  const cases: [receivedOn: string, expected: string, why: string][] = [
    ['2026-12-23', '2026-12-30', 's.104(3): Thu 24, Tue 29, Wed 30 (Christmas and the substitute day skipped)'],
    ['2026-04-01', '2026-04-08', 'Thu 2, then Good Friday and Easter Monday skipped: Tue 7, Wed 8'],
    ['2026-08-28', '2026-09-03', 'Fri, then the weekend and the August bank holiday: Tue 1, Wed 2, Thu 3 Sep'],
    ['2026-06-06', '2026-06-10', 'received on a Saturday: Mon 8, Tue 9, Wed 10']
  ]
  for (const [receivedOn, expected, why] of cases) t.equal(tenObjectionDeadline(receivedOn), expected, `${receivedOn}: ${why}`)
  t.equal(counterNoticeDeadline(new Date('2026-12-31T19:00:00Z')).toISOString(), '2026-12-30T19:00:00.000Z', 's.105(4): 24 hours before the event begins')
  t.equal(tenWithdrawalDeadline(new Date('2026-03-29T19:00:00Z')).toISOString(), '2026-03-28T19:00:00.000Z', 's.103: 24 real hours, across the clock change')
  t.same(tenHearingWindow('2026-12-17', '2027-01-07'), { from: '2026-12-18', to: '2026-12-30' }, 'Sch. 1: 7 working days from Fri 18 Dec: 18, 21–24, 29, 30')
  t.same(tenHearingWindow('2026-12-16', '2026-12-29'), { from: '2026-12-17', to: '2026-12-29' }, 'cut short by the decision deadline (s.105(4)): the 7th working day and the deadline are both 29 Dec')
  t.same(tenHearingWindow('2026-04-02', '2026-04-08'), { from: '2026-04-07', to: '2026-04-08' }, 'after Easter, ending at the decision deadline')
  t.equal(earliestTenHearingAfterNotice('2026-12-23'), '2026-12-29', 'reg. 6(2)(b): Thu 24, then Tue 29')
})

t.test('what follows a decision on a review', async t => {
  t.equal(reviewDecisionTakesEffect('2026-12-10'), '2026-12-31', 's.52(11): the day after the 21 days to appeal (last day 30 Dec)')
  t.equal(longestSuspensionEnds('2026-12-31'), '2027-03-30', 's.52(4)(d): three months from 31 Dec run to 30 Mar (31 Mar is the same day three months on)')
  t.equal(longestSuspensionEnds('2027-01-15'), '2027-04-14', 'three months from 15 Jan: the last day is 14 Apr')
  t.equal(longestSuspensionEnds('2026-11-30'), '2027-02-27', 'no 30 Feb: three months end with 28 Feb, so the last day is 27 Feb')
})

t.test('the clock refuses what it cannot answer for', async t => {
  t.throws(() => addWorkingDays('2027-02-30', 1), { name: 'ClockRangeError' }, 'not a real date')
  t.throws(() => addWorkingDays('2051-01-03', 1), { name: 'ClockRangeError' }, 'a year whose bank holidays are not known')
  t.throws(() => workingDaysBetween('1999-12-30', '2000-01-04'), { name: 'ClockRangeError' }, 'before the known years')
})

t.test('the shipped holiday list is what the pinned date-holidays package gives', async t => {
  const { version, dates } = englandAndWalesHolidays()
  t.equal(HOLIDAY_SOURCE, `date-holidays ${version}`, 'regenerate with npm run holidays:update after bumping the pin')
  const shipped = Object.entries(HOLIDAYS_BY_YEAR).flatMap(([year, days]) => days.split(' ').map(md => `${year}-${md}`))
  t.same(shipped, dates)
})
