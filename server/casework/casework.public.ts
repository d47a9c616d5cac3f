// What other domains may use from casework: upcoming Temporary Event Notices (the hotspot
// briefing lists them beside the cells, since a TEN at a venue in a hotspot is what police plan
// for), and the case every licence application has (the plans domain opens it on submission,
// reads its hearing window and appeal deadline, and closes it when it decides without a hearing).
import type { Db } from '../db/types.ts'
import { addCalendarDays } from '../../shared/clock/index.ts'

export { openApplicationCase, applicationCaseSummary, checkDecisionWithoutHearing, closeApplicationCase, type ApplicationCaseSummary } from './application-cases.ts'

export const UPCOMING_TEN_DAYS = 60

export interface UpcomingTen { id: number; premisesId: number; premisesName: string; startsAt: string; endsAt: string; maxPeople: number; kind: 'standard' | 'late'; status: string }

/** Notices (not withdrawn) for events between today and UPCOMING_TEN_DAYS days on, by start. */
export async function upcomingTens (db: Db, today: string): Promise<UpcomingTen[]> {
  return db.selectFrom('temporaryEventNotices as t')
    .innerJoin('premises as p', 'p.id', 't.premisesId')
    .select(['t.id', 't.premisesId', 'p.name as premisesName', 't.startsLocal as startsAt', 't.endsLocal as endsAt', 't.maxPeople', 't.kind', 't.status'])
    .where('t.status', '!=', 'withdrawn')
    .where('t.endsLocal', '>=', today)
    .where('t.startsLocal', '<', `${addCalendarDays(today, UPCOMING_TEN_DAYS)}T24:00`)
    .orderBy('t.startsAt').orderBy('t.id')
    .limit(500)
    .execute()
}

/** Casework's part of "Today" (server/work gathers every domain's). */
export { caseworkWork as workItems } from './casework.work.service.ts'

/** The open-data register's applications, reviews and upcoming TENs (public fields only). */
export { registerApplications, registerTens } from './casework.opendata.ts'
