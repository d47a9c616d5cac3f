// The case every licence application has, as the plans domain opens and closes it (through
// casework.public.ts): opened on submission with the responsible authorities told at once; read
// for the application's hearing window and appeal deadline; checked before an officer decides
// the application without a hearing; closed when it is decided that way or withdrawn. Nothing
// here reads the plans domain, so plans may call it inside its own transactions.
import type { Db } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { appealDeadline, type Period } from '../../shared/clock/index.ts'
import { CaseStateConflict } from './casework.errors.ts'
import * as repo from './cases.repository.ts'
import { findScheduled, cancelScheduled } from './hearings.repository.ts'
import { findDecision, insertDecision, representationsOf } from './representations.repository.ts'
import { caseHearingWindow, hearingNeeded, stageOf, tally } from './cases.view.ts'

export interface NewApplicationCase { applicationId: number; premisesId: number; premisesName: string; kind: 'new' | 'variation'; givenOn: string; periodEnds: string; createdBy: number | null }

/** Opens the case and tells every responsible authority (the police and the other authorities' accounts) of the application. */
export async function openApplicationCase (trx: Db, input: NewApplicationCase, options: { notify?: boolean } = {}): Promise<number> {
  const { id } = await repo.insertCase(trx, {
    kind: 'licence_application', premisesId: input.premisesId, licenceApplicationId: input.applicationId,
    givenOn: input.givenOn, representationPeriodEnds: input.periodEnds, createdBy: input.createdBy
  })
  if (options.notify !== false) {
    const title = `${input.kind === 'new' ? 'New premises licence' : 'Variation'} application for ${input.premisesName}: representations by ${input.periodEnds}`
    const body = 'Read the application and its noise management plan and dispersal policy, and make a representation if it affects the licensing objectives.'
    const link = `/cases/${id}`
    await notify(trx, [
      { role: 'police', kind: 'licence_application_consultation', title, body, link },
      { role: 'responsible_authority', kind: 'licence_application_consultation', title, body, link }
    ])
  }
  return id
}

export interface ApplicationCaseSummary { caseId: number; hearingWindow: Period; hearingNeeded: boolean; hearingOn: string | null; appealDeadline: string | null }

/** What GET /licence-applications/:id adds from its case; `decidedOn` is the application's own decision day (older decisions have no case decision). */
export async function applicationCaseSummary (db: Db, applicationId: number, decidedOn: string | null): Promise<ApplicationCaseSummary | undefined> {
  const row = await repo.findCaseOfApplication(db, applicationId)
  if (!row) return undefined
  const [reps, hearing, decision] = await Promise.all([representationsOf(db, [row.id]), findScheduled(db, { caseId: row.id }), findDecision(db, row.id)])
  return {
    caseId: row.id,
    hearingWindow: caseHearingWindow(row),
    hearingNeeded: hearingNeeded({ row, representations: reps }),
    hearingOn: hearing?.hearingOn ?? null,
    appealDeadline: decision?.appealDeadline ?? (decidedOn ? appealDeadline(decidedOn) : null)
  }
}

/**
 * An officer may decide an application without a hearing only once the representation period
 * has ended, every representation is assessed and none relevant stands (s.18(2)); then the
 * authority must grant it. Throws 409 saying what is needed otherwise.
 */
export async function checkDecisionWithoutHearing (trx: Db, applicationId: number, status: 'granted' | 'refused', today: string) {
  const row = await repo.findCaseOfApplication(trx, applicationId)
  if (!row) return
  const reps = await representationsOf(trx, [row.id])
  const hearing = await findScheduled(trx, { caseId: row.id })
  const stage = stageOf({ row, representations: reps, hearing, decision: undefined }, today)
  if (stage === 'consultation') throw new CaseStateConflict(`Representations may be made until ${row.representationPeriodEnds}; decide the application after that`)
  if (stage === 'assessing') throw new CaseStateConflict(`${tally(reps).unassessed} representation(s) wait to be assessed as relevant or not`)
  if (hearingNeeded({ row, representations: reps })) throw new CaseStateConflict('Relevant representations stand: the application goes to a hearing, and the decision is recorded on its case')
  if (status === 'refused') throw new CaseStateConflict('With no relevant representations the authority must grant the application (s.18(2)); only a hearing can refuse it')
}

/** Closes the case when the application is decided without a hearing (grant) or withdrawn; the decision has its appeal date. */
export async function closeApplicationCase (trx: Db, applicationId: number, input: { status: 'granted' | 'refused' | 'withdrawn'; note: string | null; by: number; today: string }) {
  const row = await repo.findCaseOfApplication(trx, applicationId)
  if (!row) return
  await cancelScheduled(trx, { caseId: row.id })
  if (input.status === 'withdrawn') {
    await repo.updateCase(trx, row.id, { status: 'withdrawn' })
  } else {
    await repo.updateCase(trx, row.id, { status: 'decided' })
    const deadline = appealDeadline(input.today)
    await insertDecision(trx, {
      caseId: row.id, outcome: input.status === 'granted' ? 'grant' : 'refuse', reasons: input.note || 'No relevant representations were made: granted as applied for, with the mandatory conditions and those consistent with the operating schedule (s.18(2)).',
      decidedOn: input.today, notifiedOn: input.today, appealDeadline: deadline, takesEffectOn: input.today, appliedAt: new Date(), decidedBy: input.by
    })
  }
  await recordAudit(trx, { userId: input.by, action: `case.${input.status}`, entity: 'licensing_case', entityId: row.id, before: { status: row.status }, after: { status: input.status === 'withdrawn' ? 'withdrawn' : 'decided' } })
}
