// Licence applications (new and variation). The City's policy requires both a noise management
// plan and a dispersal policy: submission is refused without a current version of each, and the
// application records the exact versions, which later edits never change.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess, isVenueManager, premisesScope } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { Forbidden } from '../errors.ts'
import { representationPeriod } from '../../shared/clock/index.ts'
import { localDate } from '../../shared/dates.ts'
import { applicationCaseSummary, checkDecisionWithoutHearing, closeApplicationCase, openApplicationCase } from '../casework/casework.public.ts'
import type { LicenceApplication, LicenceApplicationStatus } from '../../shared/schemas/plans.ts'
import { DispersalPolicyRequired, InvalidStatusChange, LicenceApplicationNotFound, NoisePlanRequired } from './plans.errors.ts'
import { requirePremises } from '../premises/premises.public.ts'
import { findCurrent } from './plans.repository.ts'
import * as repo from './licence-applications.repository.ts'

export interface NewLicenceApplication {
  premisesId: number
  kind: 'new' | 'variation'
  applicantName: string
  activities: { activity: string; hours: string }[]
  operatingSchedule: LicenceApplication['operatingSchedule']
  consultationStartDate: string
}

const iso = (value: Date | string | null) => value == null ? null : new Date(value).toISOString()

/** The app clock's reading for a write: now, today's local date and the zone. */
export interface Clock { now: Date; today: string; tz: string }

function toApplication (row: repo.LicenceApplicationRow, casework?: Awaited<ReturnType<typeof applicationCaseSummary>>): LicenceApplication {
  return {
    id: row.id,
    premisesId: row.premisesId,
    premisesName: row.premisesName,
    kind: row.kind,
    status: row.status,
    applicantName: row.applicantName,
    activities: row.activities,
    operatingSchedule: row.operatingSchedule,
    consultationStartDate: row.consultationStartDate,
    representationPeriodEnds: row.representationEndDate,
    noisePlan: { id: row.noisePlanId, version: row.noisePlanVersion, status: row.noisePlanStatus },
    dispersalPolicy: { id: row.dispersalPolicyId, version: row.dispersalPolicyVersion, status: row.dispersalPolicyStatus },
    submittedBy: row.submittedBy,
    decidedBy: row.decidedBy,
    decidedAt: iso(row.decidedAt),
    decisionNote: row.decisionNote,
    createdAt: iso(row.createdAt)!,
    caseId: casework?.caseId ?? null,
    hearingWindow: casework?.hearingWindow ?? null,
    hearingNeeded: casework?.hearingNeeded ?? false,
    hearingOn: casework?.hearingOn ?? null,
    appealDeadline: casework?.appealDeadline ?? null
  }
}

function decidedOn (row: repo.LicenceApplicationRow, tz: string): string | null {
  return row.decidedAt && (row.status === 'granted' || row.status === 'refused') ? localDate(new Date(row.decidedAt), tz) : null
}

export async function submitLicenceApplication (db: Db, user: CurrentUser, input: NewLicenceApplication, tz: string) {
  assertPremisesAccess(user, input.premisesId)
  const id = await db.transaction().execute(async trx => {
    const premises = await requirePremises(trx, input.premisesId, { lock: true })
    const noisePlan = await findCurrent(trx, input.premisesId, 'noise_management_plan')
    if (!noisePlan) throw new NoisePlanRequired()
    const dispersalPolicy = await findCurrent(trx, input.premisesId, 'dispersal_policy')
    if (!dispersalPolicy) throw new DispersalPolicyRequired()
    const representationEndDate = representationPeriod(input.consultationStartDate).to
    const { id } = await repo.insertApplication(trx, {
      premisesId: input.premisesId,
      kind: input.kind,
      applicantName: input.applicantName.trim(),
      activities: JSON.stringify(input.activities),
      operatingSchedule: JSON.stringify(input.operatingSchedule),
      consultationStartDate: input.consultationStartDate,
      representationEndDate,
      noisePlanId: noisePlan.id,
      dispersalPolicyId: dispersalPolicy.id,
      submittedBy: user.id
    })
    await openApplicationCase(trx, { applicationId: id, premisesId: input.premisesId, premisesName: premises.name, kind: input.kind, givenOn: input.consultationStartDate, periodEnds: representationEndDate, createdBy: user.id })
    await recordAudit(trx, {
      userId: user.id, action: 'licence_application.submit', entity: 'licence_application', entityId: id,
      after: { ...input, representationEndDate, noisePlan: { id: noisePlan.id, version: noisePlan.version }, dispersalPolicy: { id: dispersalPolicy.id, version: dispersalPolicy.version } }
    })
    await notify(trx, {
      role: 'licensing_officer', premisesId: input.premisesId, kind: 'licence_application_received',
      title: `${input.kind === 'new' ? 'New licence' : 'Variation'} application for ${premises.name}`,
      body: `Representations close on ${representationEndDate}.`, link: '/plans/queue'
    })
    return id
  })
  return getLicenceApplication(db, user, id, tz)
}

export async function getLicenceApplication (db: Db, user: CurrentUser, id: number, tz: string) {
  const row = await repo.findApplication(db, id)
  if (!row) throw new LicenceApplicationNotFound(String(id))
  assertPremisesAccess(user, row.premisesId)
  return toApplication(row, await applicationCaseSummary(db, row.id, decidedOn(row, tz)))
}

export async function listLicenceApplications (db: Db, user: CurrentUser, query: { premisesId?: number; status?: LicenceApplicationStatus; limit: number; offset: number }, tz: string) {
  if (query.premisesId) assertPremisesAccess(user, query.premisesId)
  const { items, total } = await repo.listApplications(db, { ...query, premisesIds: premisesScope(user) })
  return { items: await Promise.all(items.map(async row => toApplication(row, await applicationCaseSummary(db, row.id, decidedOn(row, tz))))), total }
}

const OPEN: LicenceApplicationStatus[] = ['received', 'under_consultation']
const ALLOWED: Record<string, LicenceApplicationStatus[]> = {
  under_consultation: ['received'],
  granted: OPEN,
  refused: OPEN,
  withdrawn: OPEN
}

/**
 * Officers move an application through consultation to a decision; the applicant may withdraw.
 * A decision here is one without a hearing: allowed once representations have closed with none
 * relevant (casework checks); an application with relevant representations is decided on its
 * case after the hearing.
 */
export async function changeLicenceApplicationStatus (db: Db, user: CurrentUser, id: number, input: { status: Exclude<LicenceApplicationStatus, 'received'>; note?: string }, clock: Clock) {
  if (isVenueManager(user) && input.status !== 'withdrawn') throw new Forbidden('Only a licensing officer decides an application; the applicant may withdraw it')
  await db.transaction().execute(async trx => {
    const row = await repo.lockApplication(trx, id)
    if (!row) throw new LicenceApplicationNotFound(String(id))
    assertPremisesAccess(user, row.premisesId)
    if (!ALLOWED[input.status].includes(row.status)) {
      throw new InvalidStatusChange(`An application that is ${row.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}`)
    }
    const final = input.status !== 'under_consultation'
    if (input.status === 'granted' || input.status === 'refused') await checkDecisionWithoutHearing(trx, id, input.status, clock.today)
    await repo.updateApplication(trx, id, {
      status: input.status,
      ...(final ? { decidedBy: user.id, decidedAt: clock.now, decisionNote: input.note?.trim() || null } : {})
    })
    if (input.status !== 'under_consultation') await closeApplicationCase(trx, id, { status: input.status, note: input.note?.trim() || null, by: user.id, today: clock.today })
    await recordAudit(trx, {
      userId: user.id, action: `licence_application.${input.status}`, entity: 'licence_application', entityId: id,
      before: { status: row.status }, after: { status: input.status, note: input.note ?? null }
    })
    await notify(trx, isVenueManager(user)
      ? { role: 'licensing_officer', premisesId: row.premisesId, kind: 'licence_application_withdrawn', title: `Licence application ${id} was withdrawn by the applicant`, link: '/plans/queue' }
      : { role: 'venue_manager', premisesId: row.premisesId, kind: 'licence_application_status', title: `Licence application ${id} is now ${input.status.replace('_', ' ')}`, body: input.note ?? '', link: `/plans/premises/${row.premisesId}` })
  })
  return getLicenceApplication(db, user, id, clock.tz)
}
