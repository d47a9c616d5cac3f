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

function toApplication (row: repo.LicenceApplicationRow): LicenceApplication {
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
    createdAt: iso(row.createdAt)!
  }
}

export async function submitLicenceApplication (db: Db, user: CurrentUser, input: NewLicenceApplication) {
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
  return getLicenceApplication(db, user, id)
}

export async function getLicenceApplication (db: Db, user: CurrentUser, id: number) {
  const row = await repo.findApplication(db, id)
  if (!row) throw new LicenceApplicationNotFound(String(id))
  assertPremisesAccess(user, row.premisesId)
  return toApplication(row)
}

export async function listLicenceApplications (db: Db, user: CurrentUser, query: { premisesId?: number; status?: LicenceApplicationStatus; limit: number; offset: number }) {
  if (query.premisesId) assertPremisesAccess(user, query.premisesId)
  const { items, total } = await repo.listApplications(db, { ...query, premisesIds: premisesScope(user) })
  return { items: items.map(toApplication), total }
}

const OPEN: LicenceApplicationStatus[] = ['received', 'under_consultation']
const ALLOWED: Record<string, LicenceApplicationStatus[]> = {
  under_consultation: ['received'],
  granted: OPEN,
  refused: OPEN,
  withdrawn: OPEN
}

/** Officers move an application through consultation to a decision; the applicant may withdraw. */
export async function changeLicenceApplicationStatus (db: Db, user: CurrentUser, id: number, input: { status: Exclude<LicenceApplicationStatus, 'received'>; note?: string }) {
  if (isVenueManager(user) && input.status !== 'withdrawn') throw new Forbidden('Only a licensing officer decides an application; the applicant may withdraw it')
  await db.transaction().execute(async trx => {
    const row = await repo.lockApplication(trx, id)
    if (!row) throw new LicenceApplicationNotFound(String(id))
    assertPremisesAccess(user, row.premisesId)
    if (!ALLOWED[input.status].includes(row.status)) {
      throw new InvalidStatusChange(`An application that is ${row.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}`)
    }
    const final = input.status !== 'under_consultation'
    await repo.updateApplication(trx, id, {
      status: input.status,
      ...(final ? { decidedBy: user.id, decidedAt: new Date(), decisionNote: input.note?.trim() || null } : {})
    })
    await recordAudit(trx, {
      userId: user.id, action: `licence_application.${input.status}`, entity: 'licence_application', entityId: id,
      before: { status: row.status }, after: { status: input.status, note: input.note ?? null }
    })
    await notify(trx, isVenueManager(user)
      ? { role: 'licensing_officer', premisesId: row.premisesId, kind: 'licence_application_withdrawn', title: `Licence application ${id} was withdrawn by the applicant`, link: '/plans/queue' }
      : { role: 'venue_manager', premisesId: row.premisesId, kind: 'licence_application_status', title: `Licence application ${id} is now ${input.status.replace('_', ' ')}`, body: input.note ?? '', link: `/plans/premises/${row.premisesId}` })
  })
  return getLicenceApplication(db, user, id)
}
