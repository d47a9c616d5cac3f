// Plausible section texts for demo plans, written for a named City venue. Made up, marked as
// demo through the premises; varied a little so the versions and diffs have something to show.
import type { PlanKind } from '../../shared/plans/templates.ts'

export interface DemoPlanText { sections: Record<string, string>; fields: Record<string, string | null> }

export function demoPlanText (kind: PlanKind, venue: string, variant: number, reviewDate: string): DemoPlanText {
  const close = ['23:00', '23:30', '00:00', '01:00'][variant % 4]
  const limiter = [82, 85, 88][variant % 3]
  const phone = `020 7946 0${String(100 + (variant % 800)).padStart(3, '0')}`
  if (kind === 'noise_management_plan') {
    return {
      fields: { operatingHours: `Mon–Sat 11:00–${close}, Sun 12:00–22:30`, limiterSetting: `${limiter} dB(A) LAeq,5min at the mixing desk`, complaintContactNumber: phone, reviewDate },
      sections: {
        premises_context: `${venue} is a ground-floor bar with a basement. The nearest residents are in the flats opposite and above the shop next door; a hotel is 60 m away. We open until ${close} and the capacity is set by the licence.`,
        noise_sources: `Recorded music runs through a sealed limiter set to ${limiter} dB(A). Doors and windows stay closed after 21:00 except for access, through the lobby. The smoking area holds at most 15 people. Bottle bins are emptied into the bins only between 08:00 and 20:00; deliveries and collections happen between 07:30 and 19:00.`,
        monitoring: 'The duty manager walks the perimeter every hour from 21:00 to closing and checks noise at the nearest residential façade. Results, times and any action go in the noise log kept behind the bar.',
        complaints: `Complaints number ${phone}, answered by the duty manager while we are open. Every complaint goes in the complaints log with the action taken; we respond the same night and call back within 24 hours.`,
        staff_training: 'Duty managers are responsible for noise. Every member of staff is briefed on this plan at induction and at a refresher every six months; door supervisors are briefed at the start of each shift.',
        review: `This version is dated as submitted. Next review by ${reviewDate}, or sooner after a complaint or a change to the premises.`
      }
    }
  }
  return {
    fields: { operatingHours: `Last orders ${close}`, taxiOperator: `City Cars Ltd, ${phone}`, reviewDate },
    sections: {
      objectives: `Customers leave ${venue} quietly and safely, without gathering in the street or disturbing residents.`,
      wind_down: `Last orders are called 30 minutes before closing at ${close}. Music is turned down and slowed from 20 minutes before closing and the lights come up 10 minutes before.`,
      customer_communication: 'Staff announce closing time and remind customers to respect our neighbours. Signs at every exit ask customers to leave quietly.',
      staff_at_exits: 'Two door supervisors stand at the main exit and one on the pavement until the last customer has gone; they move on groups and stop customers drinking outside.',
      transport: `We book taxis through City Cars Ltd (${phone}). Night bus and Night Tube details are on the board by the exit. Customers wait for taxis inside the lobby.`,
      outside_areas: 'The smoking area closes at 23:00; a member of staff clears it and locks the gate.',
      vulnerable_customers: 'Staff check on anyone who appears unwell or alone, call a friend or a taxi, and never let a vulnerable customer leave alone. We take part in Ask for Angela.',
      review: `Next review by ${reviewDate}, or sooner after an incident at closing time.`
    }
  }
}
