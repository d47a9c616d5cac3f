// The permitted limits a new Temporary Event Notice must keep (LA 2003 ss.100(5), 101, 107),
// checked inside the giving transaction against every notice that counts. Withdrawn notices do
// not count; every other one does, including one that later received a counter notice (the
// cautious reading: the authority can always accept a notice the software would have allowed).
// Only notices recorded here are counted: one given to another authority is not known to us.
import type { Db } from '../db/types.ts'
import { eventDays, eventYears, TEN_LIMITS, type TenLimit } from '../../shared/casework/ten-limits.ts'
import { TenLimitReached, withDetails } from './casework.errors.ts'
import { countingTens } from './tens.repository.ts'
import { plural } from '../../shared/plural.ts'

export interface TenCandidate {
  premisesId: number
  userKey: string
  personalLicenceHolder: boolean
  kind: 'standard' | 'late'
  startsLocal: string
  endsLocal: string
  startsAt: Date
  endsAt: Date
  maxPeople: number
}

function reached (limit: TenLimit, message: string, details: Record<string, unknown> = {}) {
  return withDetails(new TenLimitReached(message), { limit, ...details })
}

const HOUR = 3600 * 1000

/** The limits that need no other notice: 499 people and 168 hours. */
export function checkSingleNoticeLimits (c: Pick<TenCandidate, 'maxPeople' | 'startsAt' | 'endsAt'>) {
  if (c.maxPeople > TEN_LIMITS.people) {
    throw reached('people', `A Temporary Event Notice allows at most ${TEN_LIMITS.people} people at any one time (s.100(5)); this one is for ${c.maxPeople}. Lower the number, or apply for a premises licence.`, { max: TEN_LIMITS.people })
  }
  const hours = (c.endsAt.getTime() - c.startsAt.getTime()) / HOUR
  if (hours > TEN_LIMITS.hours) {
    throw reached('hours', `An event under a Temporary Event Notice may last at most ${TEN_LIMITS.hours} hours (7 days, s.100(5)); this one lasts ${Math.round(hours * 10) / 10} hours. Shorten it or give two notices at least 24 hours apart.`, { max: TEN_LIMITS.hours })
  }
}

export async function checkYearLimits (db: Db, c: TenCandidate) {
  const years = eventYears(c.startsLocal, c.endsLocal)
  const [first, last] = [years[0]!, years[years.length - 1]!]
  const atPremises = await countingTens(db, { premisesId: c.premisesId }, first, last)
  const byUser = await countingTens(db, { userKey: c.userKey }, first, last)
  const inYear = (year: number) => (t: { startsLocal: string; endsLocal: string }) => eventYears(t.startsLocal, t.endsLocal).includes(year)
  const daysIn = (year: number, t: { startsLocal: string; endsLocal: string }) => eventDays(t.startsLocal, t.endsLocal).filter(d => d.startsWith(`${year}-`)).length

  for (const year of years) {
    const premisesNotices = atPremises.filter(inYear(year)).length
    if (premisesNotices + 1 > TEN_LIMITS.premisesNotices) {
      throw reached('premises_notices', `These premises already have ${premisesNotices} Temporary Event Notices in ${year}, the most a year allows (s.107(4)).`, { max: TEN_LIMITS.premisesNotices, used: premisesNotices, year })
    }
    const premisesDays = atPremises.reduce((sum, t) => sum + daysIn(year, t), 0)
    const wanted = daysIn(year, c)
    if (premisesDays + wanted > TEN_LIMITS.premisesDays) {
      throw reached('premises_days', `Temporary Event Notices at these premises already cover ${plural(premisesDays, 'day')} in ${year}; this one adds ${wanted}, over the ${TEN_LIMITS.premisesDays} a year allows (s.107(5)).`, { max: TEN_LIMITS.premisesDays, used: premisesDays, year })
    }
    const mine = byUser.filter(inYear(year))
    const holder = c.personalLicenceHolder ? 'withPersonalLicence' : 'withoutPersonalLicence'
    const maxNotices = TEN_LIMITS.userNotices[holder]
    if (mine.length + 1 > maxNotices) {
      throw reached('user_notices', `This premises user has already given ${mine.length} Temporary Event Notices in ${year}, the most allowed ${c.personalLicenceHolder ? 'to a personal licence holder' : 'without a personal licence'} (s.107(${c.personalLicenceHolder ? '3' : '2'})).`, { max: maxNotices, used: mine.length, year })
    }
    const late = mine.filter(t => t.kind === 'late').length
    const maxLate = TEN_LIMITS.userLateNotices[holder]
    if (c.kind === 'late' && late + 1 > maxLate) {
      throw reached('user_late_notices', `This premises user has already given ${late} late Temporary Event Notices in ${year}, the most allowed ${c.personalLicenceHolder ? 'to a personal licence holder' : 'without a personal licence'} (s.107(${c.personalLicenceHolder ? '3A' : '2A'})). Give a standard notice, at least 10 working days before the event.`, { max: maxLate, used: late, year })
    }
  }

  const gap = TEN_LIMITS.gapHours * HOUR
  const clash = byUser.find(t => t.premisesId === c.premisesId &&
    c.startsAt.getTime() < new Date(t.endsAt).getTime() + gap && c.endsAt.getTime() > new Date(t.startsAt).getTime() - gap)
  if (clash) {
    throw reached('gap_24_hours', `This premises user already has an event here from ${clash.startsLocal.replace('T', ' ')} to ${clash.endsLocal.replace('T', ' ')}; events by the same user at the same premises must be at least ${TEN_LIMITS.gapHours} hours apart (s.101).`, { hours: TEN_LIMITS.gapHours, otherTenId: clash.id })
  }
}
