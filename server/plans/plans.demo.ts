// Demo data of the plans domain, seeded once inside the demo transaction (ctx.db): approved
// plans for many demo premises, some returned with comments, some waiting for review, some past
// their review date, and two licence applications. The demo venue manager's first premises is
// left without plans so the journey starts from the templates.
import type { DemoStep } from '../demo/seed.ts'
import type { Db } from '../db/types.ts'
import type { PlanKind } from '../../shared/plans/templates.ts'
import { addDays, addYears } from '../../shared/dates.ts'
import { representationPeriod } from '../../shared/clock/index.ts'
import { demoPlanText } from './plans.demo-text.ts'
import { insertDocument } from './plans.repository.ts'
import { insertApplication } from './licence-applications.repository.ts'
import { openApplicationCase } from '../casework/casework.public.ts'

const DEMO_PREMISES = 48

async function addVersion (db: Db, premisesId: number, kind: PlanKind, version: number, o: { venue: string; variant: number; status: 'submitted' | 'approved' | 'returned' | 'superseded'; submittedOn: string; by: number | null; officer: number; reviewDue?: string; overdueSince?: string; comments?: Record<string, string> }) {
  const reviewDate = o.reviewDue ?? addYears(o.submittedOn, 1)
  const text = demoPlanText(kind, o.venue, o.variant, reviewDate)
  const at = new Date(o.submittedOn + 'T10:00:00Z')
  const reviewed = o.status !== 'submitted'
  const { id } = await insertDocument(db, {
    premisesId, kind, version, status: o.status,
    sections: JSON.stringify(text.sections),
    operatingHours: text.fields.operatingHours ?? null,
    limiterSetting: text.fields.limiterSetting ?? null,
    complaintContactNumber: text.fields.complaintContactNumber ?? null,
    taxiOperator: text.fields.taxiOperator ?? null,
    reviewDate,
    submittedBy: o.by, submittedAt: at, createdBy: o.by, createdAt: at,
    reviewedBy: reviewed ? o.officer : null,
    reviewedAt: reviewed ? new Date(at.getTime() + 5 * 86400000) : null,
    reviewComments: JSON.stringify(o.comments ?? {}),
    reviewDue: o.status === 'approved' || o.status === 'superseded' ? reviewDate : null,
    overdueSince: o.overdueSince ?? null
  })
  return id
}

export const plansDemoSteps: DemoStep[] = [{
  name: 'plans',
  async run (ctx) {
    const db = ctx.db
    const today = ctx.clock.today()
    const managed = (await db.selectFrom('premisesManagers').select('premisesId').where('userId', '=', ctx.users.manager).orderBy('premisesId').execute()).map(r => r.premisesId)
    const premises = await db.selectFrom('premises').select(['id', 'name'])
      .where('lat', 'is not', null).where('status', '=', 'current')
      .where('id', 'not in', managed.length ? managed : [-1])
      .orderBy('id').limit(DEMO_PREMISES).execute()
    const officer = ctx.users.officer
    const counts = { approved: 0, returned: 0, waiting: 0, overdue: 0, applications: 0 }
    const current: { premisesId: number; noise: number; dispersal: number }[] = []

    for (const [i, p] of premises.entries()) {
      const venue = p.name
      const submittedOn = addDays(today, -(20 + ((i * 37) % 300)))
      const overdue = i % 9 === 4
      const base = { venue, variant: i, by: null, officer }
      const ids: Partial<Record<PlanKind, number>> = {}
      for (const kind of ['noise_management_plan', 'dispersal_policy'] as PlanKind[]) {
        if (overdue) {
          const old = addDays(today, -400 - i)
          const reviewDue = addYears(old, 1)
          ids[kind] = await addVersion(db, p.id, kind, 1, { ...base, status: 'approved', submittedOn: old, reviewDue, overdueSince: addDays(reviewDue, 1) })
          counts.overdue++
        } else {
          ids[kind] = await addVersion(db, p.id, kind, 1, { ...base, status: 'approved', submittedOn })
          counts.approved++
        }
      }
      // Some venues revised their dispersal policy: returned with comments, or waiting for review.
      if (i % 6 === 1) {
        await addVersion(db, p.id, 'dispersal_policy', 2, {
          ...base, variant: i + 1, status: 'returned', submittedOn: addDays(today, -10),
          comments: { transport: 'Name the licensed taxi operator and where customers wait for it.', vulnerable_customers: 'Say who decides when to call for medical help.' }
        })
        counts.returned++
      } else if (i % 6 === 3) {
        await addVersion(db, p.id, 'noise_management_plan', 2, { ...base, variant: i + 2, status: 'submitted', submittedOn: addDays(today, -(3 + i % 5)) })
        counts.waiting++
      }
      current.push({ premisesId: p.id, noise: ids.noise_management_plan!, dispersal: ids.dispersal_policy! })
    }

    // The manager's second premises has an approved noise plan but no dispersal policy yet.
    if (managed[1]) {
      const name = (await db.selectFrom('premises').select('name').where('id', '=', managed[1]).executeTakeFirstOrThrow()).name
      await addVersion(db, managed[1], 'noise_management_plan', 1, { venue: name, variant: 7, by: ctx.users.manager, officer, status: 'approved', submittedOn: addDays(today, -90) })
    }

    // Four applications at different points of their case: two under consultation, one whose
    // representations closed a week ago, one closed three weeks ago (casework adds the rest).
    const APPLICATIONS = [
      { daysAgo: 5, kind: 'variation', applicant: 'Cheapside Taverns Ltd (demo)', status: 'under_consultation' },
      { daysAgo: 15, kind: 'new', applicant: 'Guildhall Leisure LLP (demo)', status: 'received' },
      { daysAgo: 35, kind: 'new', applicant: 'Moorgate Bars Ltd (demo)', status: 'under_consultation' },
      { daysAgo: 50, kind: 'variation', applicant: 'Aldgate Late Ltd (demo)', status: 'under_consultation' }
    ] as const
    for (const [n, c] of current.filter((_, i) => i % 9 !== 4).slice(0, APPLICATIONS.length).entries()) {
      const spec = APPLICATIONS[n]!
      const consultationStartDate = addDays(today, -spec.daysAgo)
      const { id: applicationId } = await insertApplication(db, {
        premisesId: c.premisesId, kind: spec.kind, status: spec.status, applicantName: spec.applicant,
        activities: JSON.stringify([{ activity: 'Sale of alcohol (on the premises)', hours: 'Mon–Thu 11:00–23:30, Fri–Sat 11:00–01:00' }, { activity: 'Recorded music (indoors)', hours: 'Fri–Sat 21:00–01:00' }]),
        operatingSchedule: JSON.stringify({
          crime_disorder: 'CCTV at all entrances and the bar, kept 31 days; incident log; Pubwatch member.',
          public_safety: 'Capacity counted at the door by SIA door supervisors; first-aid trained staff on every shift.',
          public_nuisance: 'Noise management plan and dispersal policy in force; doors and windows closed after 21:00.',
          protection_of_children: 'Challenge 25 with refusals log; no under-18s after 21:00 unless with an adult.'
        }),
        consultationStartDate, representationEndDate: representationPeriod(consultationStartDate).to,
        noisePlanId: c.noise, dispersalPolicyId: c.dispersal, submittedBy: null,
        createdAt: new Date(consultationStartDate + 'T09:00:00Z')
      })
      const premisesName = (await db.selectFrom('premises').select('name').where('id', '=', c.premisesId).executeTakeFirstOrThrow()).name
      await openApplicationCase(db, { applicationId, premisesId: c.premisesId, premisesName, kind: spec.kind, givenOn: consultationStartDate, periodEnds: representationPeriod(consultationStartDate).to, createdBy: null }, { notify: false })
      counts.applications++
    }
    return { premises: premises.length, ...counts, managerPremisesWithoutPlans: managed[0] ?? null }
  }
}]
