// Readable labels for the register's codes, shared by the premises screens and the map layer.
import type { PremisesStatus } from '../../../../shared/schemas/premises.ts'
import type { MapPlanState } from '../../../../shared/schemas/map.ts'

export const STATUS_LABELS: Record<PremisesStatus, string> = {
  current: 'Current', suspended: 'Suspended', surrendered: 'Surrendered', revoked: 'Revoked', lapsed: 'Lapsed'
}
export { ACTIVITY_LABELS, DAY_LABELS, activityLabel } from '../../../../shared/premises-labels.ts'
export const ANNEX_LABELS: Record<number, string> = {
  1: 'Annex 1: mandatory conditions', 2: 'Annex 2: conditions from the operating schedule',
  3: 'Annex 3: conditions attached after a hearing', 4: 'Annex 4: plans'
}
export const PLAN_STATE_LABELS: Record<MapPlanState, string> = {
  overdue: 'review overdue', submitted: 'waiting for review', incomplete: 'one of the two missing', approved: 'approved'
}
export const TIER_LABELS: Record<string, string> = { pass: 'Pass', commended: 'Commended', highly_commended: 'Highly Commended' }
export const TYPE_LABELS: Record<string, string> = {
  pub_bar_nightclub: 'Pub, bar or nightclub', restaurant: 'Restaurant', hotel: 'Hotel', takeaway: 'Takeaway',
  off_licence: 'Off-licence', members_club: "Members' club", entertainment_venue: 'Entertainment venue', other: 'Other'
}
