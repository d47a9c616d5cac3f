// The app's clock: "now" and "today" in the configured time zone (TZ_LOCAL). Services and jobs
// take their dates from app.clock, never from the wall clock directly, so a test can fix the
// date with config.now and get the same answers on any day and at any hour.
import { localDate, localYear } from '../shared/dates.ts'

export interface Clock {
  /** The configured IANA time zone (config.tzLocal). */
  readonly tz: string
  now: () => Date
  /** Today's local date, 'YYYY-MM-DD'. */
  today: () => string
  /** This local calendar year. */
  year: () => number
}

export function createClock (tz: string, now: () => Date = () => new Date()): Clock {
  return { tz, now, today: () => localDate(now(), tz), year: () => localYear(now(), tz) }
}

