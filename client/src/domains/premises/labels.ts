// Readable labels for the register's codes, shared by the premises screens and the map layer.
import type { Activity, Day, PremisesStatus } from '../../../../shared/schemas/premises.ts'

export const STATUS_LABELS: Record<PremisesStatus, string> = {
  current: 'Current', suspended: 'Suspended', surrendered: 'Surrendered', revoked: 'Revoked', lapsed: 'Lapsed'
}
export const ACTIVITY_LABELS: Record<Activity, string> = {
  sale_of_alcohol_on: 'Sale of alcohol (on the premises)', sale_of_alcohol_off: 'Sale of alcohol (off the premises)',
  late_night_refreshment: 'Late night refreshment', live_music: 'Live music', recorded_music: 'Recorded music',
  plays: 'Performance of plays', films: 'Exhibition of films', dance: 'Performance of dance',
  indoor_sport: 'Indoor sporting event', boxing_wrestling: 'Boxing or wrestling'
}
export const DAY_LABELS: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }
export const ANNEX_LABELS: Record<number, string> = {
  1: 'Annex 1: mandatory conditions', 2: 'Annex 2: conditions from the operating schedule',
  3: 'Annex 3: conditions attached after a hearing', 4: 'Annex 4: plans'
}
export const TIER_LABELS: Record<string, string> = { pass: 'Pass', commended: 'Commended', highly_commended: 'Highly Commended' }
export const TYPE_LABELS: Record<string, string> = {
  pub_bar_nightclub: 'Pub, bar or nightclub', restaurant: 'Restaurant', hotel: 'Hotel', takeaway: 'Takeaway',
  off_licence: 'Off-licence', members_club: "Members' club", entertainment_venue: 'Entertainment venue', other: 'Other'
}
export const activityLabel = (a: string) => ACTIVITY_LABELS[a as Activity] ?? a.replace(/_/g, ' ')
