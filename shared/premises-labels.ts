// Readable names of the register's activity and day codes, for the client's screens and for text
// the server writes (visit checklists, letters).
import type { Activity, Day } from './schemas/premises.ts'

export const ACTIVITY_LABELS: Record<Activity, string> = {
  sale_of_alcohol_on: 'Sale of alcohol (on the premises)', sale_of_alcohol_off: 'Sale of alcohol (off the premises)',
  late_night_refreshment: 'Late night refreshment', live_music: 'Live music', recorded_music: 'Recorded music',
  plays: 'Performance of plays', films: 'Exhibition of films', dance: 'Performance of dance',
  indoor_sport: 'Indoor sporting event', boxing_wrestling: 'Boxing or wrestling'
}
export const DAY_LABELS: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }
export const activityLabel = (a: string) => ACTIVITY_LABELS[a as Activity] ?? a.replace(/_/g, ' ')
