// The decision on a licensing case, with its reasons: on an application (grant, grant with
// modified or added conditions, exclude an activity, refuse; s.18(3)(b), s.35(4)) after the
// hearing, or a plain grant when no relevant representation stands (s.18(2)); on a review (no
// action, modify conditions, exclude an activity, remove the DPS, suspend up to three months,
// revoke; s.52(4)) after the hearing. The appeal deadline is 21 days from notification (Sch. 5
// para. 9(2)); an application's decision reaches the register at once. A review's decision takes
// effect when the appeal period has run (s.52(11)): the date is recorded, but nothing yet puts its
// steps on the licence on that day (see docs/casework.md, "Not yet built").
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError } from '../errors.ts'
import { recordApplicationDecision, applicationsForCases } from '../plans/plans.public.ts'
import { applyLicenceDecision, licenceConditions, licensedActivities } from '../premises/premises.public.ts'
import { appealDeadline, longestSuspensionEnds, reviewDecisionTakesEffect } from '../../shared/clock/index.ts'
import { APPLICATION_OUTCOMES, REVIEW_OUTCOMES, type DecisionBody, type LicensingCase } from '../../shared/schemas/cases.ts'
import { DECISION_LABELS } from '../../shared/casework/cases.ts'
import { CaseNotFound, CaseStateConflict } from './casework.errors.ts'
import * as cases from './cases.repository.ts'
import { cancelScheduled, findScheduled } from './hearings.repository.ts'
import * as repo from './representations.repository.ts'
import { hearingNeeded, tally } from './cases.view.ts'
import { getCase } from './cases.service.ts'
import { noticeToOtherPersons, relevantParties } from './hearings.service.ts'
import type { Clock } from './representations.service.ts'

type Row = NonNullable<Awaited<ReturnType<typeof cases.findCase>>>

/** Which extra fields each outcome takes: conditions, excluded activities, a suspension end. */
const TAKES: Record<string, { conditions?: 'required' | 'allowed'; excluded?: true; suspension?: true }> = {
  grant: {},
  grant_with_conditions: { conditions: 'required' },
  exclude_activity: { conditions: 'allowed', excluded: true },
  refuse: {},
  no_action: {},
  modify_conditions: { conditions: 'required' },
  remove_dps: { conditions: 'allowed' },
  suspend: { conditions: 'allowed', suspension: true },
  revoke: {}
}

async function checkOutcome (trx: Db, row: Row, input: DecisionBody, takesEffectOn: string, withoutHearing: boolean) {
  const allowed: readonly string[] = row.kind === 'review' ? REVIEW_OUTCOMES : APPLICATION_OUTCOMES
  if (!allowed.includes(input.outcome)) throw fieldError('outcome', `A decision on ${row.kind === 'review' ? 'a review' : 'an application'} is one of: ${allowed.map(o => DECISION_LABELS[o]!.toLowerCase()).join('; ')}`)
  if (withoutHearing && input.outcome !== 'grant') throw fieldError('outcome', 'With no relevant representations the authority must grant the application as applied for (s.18(2)); other decisions need a hearing')
  const takes = TAKES[input.outcome]!
  const conditions = (input.addedConditions?.length ?? 0) + (input.modifiedConditions?.length ?? 0)
  if (takes.conditions === 'required' && !conditions) throw fieldError('addedConditions', 'Write the conditions the decision adds or modifies')
  if (!takes.conditions && conditions) throw fieldError(input.addedConditions?.length ? 'addedConditions' : 'modifiedConditions', `${DECISION_LABELS[input.outcome]} adds or modifies no conditions; choose "${DECISION_LABELS[row.kind === 'review' ? 'modify_conditions' : 'grant_with_conditions']}"`)
  if (takes.excluded && !input.excludedActivities?.length) throw fieldError('excludedActivities', 'Name the activity the decision excludes')
  if (!takes.excluded && input.excludedActivities?.length) throw fieldError('excludedActivities', `Only a decision to exclude an activity names one`)
  if (takes.suspension && !input.suspendedUntil) throw fieldError('suspendedUntil', 'Enter the last day of the suspension')
  if (!takes.suspension && input.suspendedUntil) throw fieldError('suspendedUntil', 'Only a suspension has an end date')
  if (input.suspendedUntil) {
    const longest = longestSuspensionEnds(takesEffectOn)
    if (input.suspendedUntil < takesEffectOn || input.suspendedUntil > longest) throw fieldError('suspendedUntil', `A suspension starts when the decision takes effect (${takesEffectOn}) and lasts at most three months (s.52(4)(d)): end it between ${takesEffectOn} and ${longest}`)
  }
  if (input.modifiedConditions?.length) {
    const ids = new Set((await licenceConditions(trx, row.premisesId)).map(c => c.id))
    const stray = input.modifiedConditions.find(m => !ids.has(m.conditionId))
    if (stray) throw fieldError('modifiedConditions', `Condition ${stray.conditionId} is not a condition of this licence`)
  }
  if (input.excludedActivities?.length) {
    const known = row.kind === 'review'
      ? await licensedActivities(trx, row.premisesId)
      : ((await applicationsForCases(trx, [row.licenceApplicationId!])).get(row.licenceApplicationId!)?.activities ?? []).map(a => a.activity)
    const stray = input.excludedActivities.find(a => !known.some(k => k.toLowerCase() === a.trim().toLowerCase()))
    if (stray) throw fieldError('excludedActivities', `"${stray}" is not an activity ${row.kind === 'review' ? 'the licence allows' : 'the application asks for'}: choose from ${known.join('; ') || 'none'}`)
  }
}

export async function recordDecision (db: Db, user: CurrentUser, caseId: number, input: DecisionBody, clock: Clock): Promise<LicensingCase> {
  await db.transaction().execute(async trx => {
    const found = await cases.findCase(trx, caseId)
    if (!found) throw new CaseNotFound(String(caseId))
    const row = { ...found, ...(await cases.lockCase(trx, caseId))! }
    if (row.status === 'decided' || row.status === 'withdrawn') throw new CaseStateConflict(`The case is already ${row.status}`)
    if (clock.today <= row.representationPeriodEnds) throw new CaseStateConflict(`Representations may be made until ${row.representationPeriodEnds}; decide after they close`)
    const reps = await repo.representationsOf(trx, [caseId])
    if (tally(reps).unassessed) throw new CaseStateConflict('Assess every representation first')
    const needed = hearingNeeded({ row, representations: reps })
    const hearing = await findScheduled(trx, { caseId })
    if (needed && !hearing) throw new CaseStateConflict('Relevant representations stand: schedule the hearing, and record the decision once it has been held')
    if (needed && hearing!.hearingOn > clock.today) throw new CaseStateConflict(`The hearing is on ${hearing!.hearingOn}; record the decision once it has been held`)
    const takesEffectOn = row.kind === 'review' ? reviewDecisionTakesEffect(clock.today) : clock.today
    await checkOutcome(trx, row, input, takesEffectOn, !needed)
    if (!needed && hearing) await cancelScheduled(trx, { caseId })

    const conditionsBefore = new Map((await licenceConditions(trx, row.premisesId)).map(c => [c.id, c.text]))
    const modified = (input.modifiedConditions ?? []).map(m => ({ conditionId: m.conditionId, before: conditionsBefore.get(m.conditionId) ?? '', text: m.text.trim() }))
    const decision = {
      caseId, outcome: input.outcome, reasons: input.reasons.trim(), addedConditions: (input.addedConditions ?? []).map(c => c.trim()),
      modifiedConditions: JSON.stringify(modified), excludedActivities: (input.excludedActivities ?? []).map(a => a.trim()),
      suspendedUntil: input.suspendedUntil ?? null, decidedOn: clock.today, notifiedOn: clock.today, appealDeadline: appealDeadline(clock.today),
      takesEffectOn, decidedBy: user.id
    }
    const { id: decisionId } = await repo.insertDecision(trx, decision)
    await cases.updateCase(trx, caseId, { status: 'decided' })
    if (row.kind === 'licence_application') {
      await recordApplicationDecision(trx, row.licenceApplicationId!, { status: input.outcome === 'refuse' ? 'refused' : 'granted', decidedBy: user.id, note: `${DECISION_LABELS[input.outcome]}. ${decision.reasons}`, at: clock.now })
    }
    if (takesEffectOn <= clock.today) await applyDecision(trx, { ...row, kind: row.kind }, { id: decisionId, ...decision, modifiedConditions: modified }, user.id, clock.now)
    await recordAudit(trx, { userId: user.id, action: `case.decision.${input.outcome}`, entity: 'licensing_case', entityId: caseId, before: { status: row.status }, after: { ...decision, modifiedConditions: modified } })
    await notifyDecision(trx, row, input.outcome, decision.appealDeadline, takesEffectOn)
  })
  return getCase(db, user, caseId, clock.today)
}

/** Puts a decision's steps on the register (an application's now; a review's when it takes effect). */
export async function applyDecision (trx: Db, row: Pick<Row, 'id' | 'kind' | 'premisesId'>, d: { id: number; outcome: string; addedConditions: string[]; modifiedConditions: { conditionId: number; text: string }[]; excludedActivities: string[] }, actorId: number | null, at: Date) {
  const steps = d.outcome !== 'refuse' && d.outcome !== 'no_action'
  if (steps) {
    await applyLicenceDecision(trx, {
      premisesId: row.premisesId, caseId: row.id, actorId,
      addConditions: d.addedConditions, modifyConditions: d.modifiedConditions,
      // An application's excluded activities are its own wording, not yet on the licence; a review's are the licence's.
      excludeActivities: row.kind === 'review' ? d.excludedActivities : [],
      removeDps: d.outcome === 'remove_dps',
      status: d.outcome === 'suspend' ? 'suspended' : d.outcome === 'revoke' ? 'revoked' : undefined
    })
  }
  await repo.updateDecision(trx, d.id, { appliedAt: at })
}

async function notifyDecision (trx: Db, row: Row, outcome: string, appealBy: string, takesEffectOn: string) {
  const parties = await relevantParties(trx, row.id)
  const title = `Decision on ${row.premisesName}: ${DECISION_LABELS[outcome]}`
  const body = `Appeal to the magistrates' court by ${appealBy}.${row.kind === 'review' ? ` The decision takes effect on ${takesEffectOn} unless appealed (s.52(11)).` : ''}`
  const link = `/cases/${row.id}`
  await notify(trx, [
    { role: 'venue_manager', premisesId: row.premisesId, kind: 'hearing_decision', title, body, link },
    { role: 'licensing_officer', kind: 'hearing_decision', title, body, link },
    ...(parties.organisations.includes('police') || row.broughtByOrganisation === 'police' ? [{ role: 'police' as const, kind: 'hearing_decision', title, body, link }] : []),
    ...parties.authorityUserIds.map(userId => ({ userId, kind: 'hearing_decision', title, body, link }))
  ])
  await noticeToOtherPersons(trx, parties.personIds, { subject: title, text: body, caseId: row.id })
}
