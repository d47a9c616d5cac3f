// The visit checklist, built from the premises' own licence: one item per condition (annexes 1–4),
// trading within the opening hours of the visit's night, each licensable activity within its days
// and hours, the designated premises supervisor where alcohol is sold, door supervisors where a
// condition asks for them, and occupancy where a capacity is set. Item keys are stable, so an
// answer saved offline still names the same item when it syncs.
import type { PremisesRecord } from '../premises/premises.public.ts'
import type { ChecklistItem } from '../../shared/schemas/visits.ts'
import { activityLabel, DAY_LABELS } from '../../shared/premises-labels.ts'
import { weekdayOf } from '../../shared/dates.ts'
import type { Day } from '../../shared/schemas/premises.ts'

const DOOR_STAFF = /\b(door\s*(supervisors?|staff)|SIA)\b/i
const ANNEX_NAMES: Record<number, string> = { 1: 'Mandatory condition', 2: 'Operating schedule condition', 3: 'Condition from a hearing', 4: 'Plans' }

type Span = { from: string; to: string }
type LicensedActivity = { activity: string; days: string[]; from: string; to: string }

const spanText = (s: Span) => `${s.from}–${s.to}`

/** The checklist for a visit on the night of `night` (a local date: its weekday picks the hours). */
export function buildChecklist (premises: PremisesRecord, night: string): ChecklistItem[] {
  const day = weekdayOf(night) as Day
  const dayName = DAY_LABELS[day]
  const items: ChecklistItem[] = []
  const hours = (premises.openingHours ?? {}) as Partial<Record<Day, Span>>
  const licensed = (Array.isArray(premises.licensableActivities) ? premises.licensableActivities : []) as LicensedActivity[]

  const tonight = hours[day]
  items.push({
    item: 'hours', label: 'Trading within the licensed opening hours', source: 'hours', annex: null,
    guidance: tonight ? `${dayName}: open ${spanText(tonight)}.` : `No opening hours are recorded for ${dayName}: check the licence and note the hours seen.`
  })
  for (const activity of licensed) {
    const key = `activity:${activity.activity}`
    if (items.some(i => i.item === key)) continue
    const today = licensed.filter(a => a.activity === activity.activity && a.days.includes(day))
    items.push({
      item: key, label: `${activityLabel(activity.activity)} only as licensed`, source: 'activity', annex: null,
      guidance: today.length ? `${dayName}: ${today.map(spanText).join(', ')}.` : `Not licensed on ${dayName}: none should take place.`
    })
  }
  const sellsAlcohol = (premises.activities ?? []).some(a => a.startsWith('sale_of_alcohol'))
  if (sellsAlcohol) {
    items.push({
      item: 'dps', label: 'Designated premises supervisor named on the licence, or a personal licence holder authorising sales', source: 'dps', annex: null,
      guidance: premises.dpsName ? `The DPS on the licence is ${premises.dpsName}.` : 'No DPS is recorded on the licence: ask who the DPS is and note it.'
    })
  }
  const doorConditions = premises.conditions.filter(c => DOOR_STAFF.test(c.text))
  if (doorConditions.length) {
    items.push({
      item: 'door-staff', label: 'Door supervisors on duty as the conditions require', source: 'door_staff', annex: null,
      guidance: doorConditions.map(c => c.text).join(' ')
    })
  }
  if (premises.capacity) {
    items.push({ item: 'capacity', label: `Occupancy within the capacity of ${premises.capacity}`, source: 'capacity', annex: null, guidance: 'Count or ask for the door count.' })
  }
  for (const condition of premises.conditions) {
    items.push({ item: `condition:${condition.id}`, label: condition.text, source: 'condition', annex: condition.annex, guidance: ANNEX_NAMES[condition.annex] ?? '' })
  }
  return items
}
