// Demo data of casework (made up, clearly marked "(demo)"): Temporary Event Notices over the
// coming weeks at venues in the City, a few late ones still open to objection, one at the demo
// venue manager's premises. Dates are relative to the app clock; every deadline comes from the
// statutory clock, as for a real notice.
import type { DemoStep } from '../demo/seed.ts'
import { addCalendarDays, addWorkingDays, counterNoticeDeadline, tenKind, tenObjectionDeadline } from '../../shared/clock/index.ts'
import { localToUtc } from '../../shared/dates.ts'
import { premisesUserKey } from '../../shared/casework/ten-limits.ts'
import { insertTen } from './tens.repository.ts'
import { casesDemoStep } from './cases.demo.ts'

const EVENTS: { user: string; holder: boolean; daysAhead: number; givenWorkingDaysBefore: number; start: string; hours: number; people: number; activities: string[] }[] = [
  { user: 'Alex Rivera (demo)', holder: true, daysAhead: 6, givenWorkingDaysBefore: 6, start: '19:00', hours: 6, people: 180, activities: ['alcohol', 'regulated_entertainment'] },
  { user: 'Sam Okafor (demo)', holder: false, daysAhead: 8, givenWorkingDaysBefore: 7, start: '20:00', hours: 5, people: 250, activities: ['alcohol', 'regulated_entertainment', 'late_night_refreshment'] },
  { user: 'Jo Whitfield (demo)', holder: true, daysAhead: 14, givenWorkingDaysBefore: 12, start: '18:30', hours: 5, people: 120, activities: ['alcohol'] },
  { user: 'Priya Shah (demo)', holder: true, daysAhead: 20, givenWorkingDaysBefore: 11, start: '21:00', hours: 7, people: 400, activities: ['alcohol', 'regulated_entertainment'] },
  { user: 'Tom Beckett (demo)', holder: false, daysAhead: 27, givenWorkingDaysBefore: 15, start: '12:00', hours: 10, people: 90, activities: ['alcohol', 'late_night_refreshment'] },
  { user: 'Mei Chen (demo)', holder: true, daysAhead: 35, givenWorkingDaysBefore: 20, start: '19:30', hours: 4, people: 60, activities: ['regulated_entertainment'] }
]

const pad = (n: number) => String(n).padStart(2, '0')

export const caseworkDemoSteps: DemoStep[] = [{
  name: 'casework',
  async run (ctx) {
    const db = ctx.db
    const today = ctx.clock.today()
    const tz = ctx.clock.tz
    const managed = await db.selectFrom('premisesManagers').select('premisesId').where('userId', '=', ctx.users.manager).orderBy('premisesId').executeTakeFirst()
    const venues = await db.selectFrom('premises').select('id').where('lat', 'is not', null).where('status', '=', 'current')
      .where('premisesType', '=', 'pub_bar_nightclub').orderBy('id').limit(EVENTS.length * 7).execute()
    let created = 0
    for (const [i, e] of EVENTS.entries()) {
      const premisesId = i === 2 && managed ? managed.premisesId : venues[(i * 7) % venues.length]?.id
      if (!premisesId) continue
      const startsOn = addCalendarDays(today, e.daysAhead)
      // Given on a working day before the event, but never later than today.
      const given = addWorkingDays(startsOn, -e.givenWorkingDaysBefore)
      const givenOn = given > today ? today : given
      const kind = tenKind(givenOn, startsOn)
      if (kind === 'too_late') continue
      const [h, m] = e.start.split(':').map(Number) as [number, number]
      const startsAt = localToUtc(startsOn, tz, h, m)
      const endsAt = new Date(startsAt.getTime() + e.hours * 3600 * 1000)
      const endHour = (h + e.hours) % 24
      const endsLocal = `${addCalendarDays(startsOn, Math.floor((h + e.hours) / 24))}T${pad(endHour)}:${pad(m)}`
      await insertTen(db, {
        premisesId, premisesUserName: e.user, premisesUserKey: premisesUserKey(e.user), personalLicenceHolder: e.holder, kind, givenOn,
        startsLocal: `${startsOn}T${e.start}`, endsLocal, startsAt, endsAt, maxPeople: e.people, activities: e.activities,
        objectionDeadline: tenObjectionDeadline(givenOn), counterNoticeDeadline: counterNoticeDeadline(startsAt), givenBy: null
      })
      created++
    }
    return { temporaryEventNotices: created }
  }
}, casesDemoStep]
