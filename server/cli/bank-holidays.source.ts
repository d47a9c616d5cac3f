// The holidays the statutory clock treats as non-working days (Licensing Act 2003 s.193):
// Christmas Day, Good Friday and the bank holidays of England and Wales (Banking and Financial
// Dealings Act 1971 Sch. 1, substitute days and proclaimed one-off days included), taken from
// date-holidays' "public" holidays for GB/ENG. Used by the generator and by the test that checks
// the committed list still matches the installed package.
import { createRequire } from 'node:module'
import Holidays from 'date-holidays'

export const HOLIDAY_YEARS = { first: 2000, last: 2050 } as const

/**
 * Corrections to date-holidays' data, each with its reason: proclaimed holidays it lacks (add a
 * newly proclaimed one here until the package has it) and days it lists that were moved.
 */
export const CORRECTIONS: { add: { date: string; why: string }[]; remove: { date: string; why: string }[] } = {
  add: [
    { date: '2002-06-03', why: 'Golden Jubilee bank holiday (proclaimed)' },
    { date: '2002-06-04', why: 'Spring bank holiday moved from 27 May 2002 for the Golden Jubilee' },
    { date: '2011-04-29', why: 'Royal wedding bank holiday (proclaimed)' },
    { date: '2012-06-04', why: 'Spring bank holiday moved from 28 May 2012 for the Diamond Jubilee' }
  ],
  remove: [
    { date: '2002-05-27', why: 'Spring bank holiday moved to 4 June 2002' },
    { date: '2012-05-28', why: 'Spring bank holiday moved to 4 June 2012' }
  ]
}

export function englandAndWalesHolidays (): { version: string; dates: string[] } {
  const version = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version
  const holidays = new Holidays('GB', 'ENG')
  const dates = new Set<string>(CORRECTIONS.add.map(h => h.date))
  const removed = new Set(CORRECTIONS.remove.map(h => h.date))
  for (let year: number = HOLIDAY_YEARS.first; year <= HOLIDAY_YEARS.last; year++) {
    for (const h of holidays.getHolidays(year)) {
      if (h.type !== 'public') continue
      const date = h.date.slice(0, 10)
      const weekday = new Date(date + 'T00:00:00Z').getUTCDay()
      if (weekday !== 0 && weekday !== 6 && !removed.has(date)) dates.add(date)   // weekends are never working days anyway
    }
  }
  return { version, dates: [...dates].sort() }
}
