// How a licensing case is shown: its stage (worked out from its dates, representations, hearing
// and decision), its deadlines from the statutory clock, and its representations as the reader
// may see them. Other persons are "Other person N" to everyone; only officers get `person`.
import { appealDeadline, hearingNoticeBy, hearingWindow, newspaperNoticeBy, type Period } from '../../shared/clock/index.ts'
import { ORGANISATION_LABELS, type Organisation } from '../../shared/roles.ts'
import type { CaseDeadline, CaseStage, LicensingCase, Representation } from '../../shared/schemas/cases.ts'
import type { ApplicationForCase } from '../plans/plans.public.ts'
import type { CaseRow } from './cases.repository.ts'
import type { HearingRow } from './hearings.repository.ts'
import type { DecisionRow, RepresentationRow } from './representations.repository.ts'

type Person = { name: string; address: string; email: string | null; confirmedAt: Date | null }

export interface CaseParts {
  row: Pick<CaseRow, 'id' | 'kind' | 'status' | 'givenOn' | 'representationPeriodEnds'>
  representations: RepresentationRow[]
  hearing: HearingRow | undefined
  decision: DecisionRow | undefined
}

/** A representation counts once received (an other person's only after the email link) and until withdrawn. */
export const counts = (r: RepresentationRow) => r.status === 'received'

export function tally (reps: RepresentationRow[]): LicensingCase['counts'] {
  return {
    received: reps.filter(counts).length,
    relevant: reps.filter(r => counts(r) && r.relevance === 'relevant').length,
    irrelevant: reps.filter(r => counts(r) && r.relevance === 'irrelevant').length,
    unassessed: reps.filter(r => counts(r) && r.relevance === null).length,
    awaitingConfirmation: reps.filter(r => r.status === 'awaiting_confirmation').length,
    withdrawn: reps.filter(r => r.status === 'withdrawn').length
  }
}

/** A review always goes to a hearing (s.52(2)); an application when a relevant representation stands (s.18(3)). */
export function hearingNeeded (parts: Pick<CaseParts, 'row' | 'representations'>): boolean {
  return parts.row.kind === 'review' || tally(parts.representations).relevant > 0
}

export function caseHearingWindow (row: Pick<CaseRow, 'representationPeriodEnds'>): Period {
  return hearingWindow(row.representationPeriodEnds)
}

export function stageOf (parts: CaseParts, today: string): CaseStage {
  const { row, hearing } = parts
  if (row.status === 'withdrawn') return 'withdrawn'
  if (row.status === 'decided') return 'decided'
  if (hearing) return hearing.hearingOn <= today ? 'awaiting_decision' : 'hearing_scheduled'
  if (today <= row.representationPeriodEnds) return 'consultation'
  if (tally(parts.representations).unassessed > 0) return 'assessing'
  return hearingNeeded(parts) ? 'awaiting_hearing' : 'awaiting_decision'
}

export function deadlinesOf (parts: CaseParts, today: string): CaseDeadline[] {
  const { row, hearing, decision } = parts
  const list: Omit<CaseDeadline, 'passed'>[] = [
    { key: 'representations', label: 'Last day for representations', date: row.representationPeriodEnds, provision: 'LA 2003 ss.17, 51; Premises Regs reg. 22 (28 days)' }
  ]
  if (row.kind === 'licence_application') list.push({ key: 'newspaper_notice', label: 'Newspaper notice published by', date: newspaperNoticeBy(row.givenOn), provision: 'Premises Regs reg. 25(b)' })
  if (hearingNeeded(parts) && !decision) {
    const window = caseHearingWindow(row)
    list.push({ key: 'hearing_window_opens', label: 'Hearing window opens', date: window.from, provision: 'Hearings Regs reg. 5, Sch. 1' })
    list.push({ key: 'hearing_notice_by', label: 'Last day to give notice of a hearing on the last day of the window', date: hearingNoticeBy(window.to), provision: 'Hearings Regs reg. 6(4)' })
    list.push({ key: 'hearing_window_closes', label: 'Hearing must start by', date: window.to, provision: 'Hearings Regs reg. 5, Sch. 1 (20 working days)' })
  }
  if (hearing) list.push({ key: 'hearing', label: `Hearing at ${hearing.startsAt}, ${hearing.place}`, date: hearing.hearingOn, provision: `Notice given ${hearing.noticeGivenOn} (Hearings Regs reg. 6)` })
  if (decision) {
    list.push({ key: 'appeal', label: 'Last day to appeal to the magistrates\' court', date: decision.appealDeadline, provision: 'LA 2003 Sch. 5 para. 9(2) (21 days)' })
    if (row.kind === 'review') list.push({ key: 'takes_effect', label: 'The decision takes effect (unless appealed)', date: decision.takesEffectOn, provision: 'LA 2003 s.52(11)' })
  }
  return list.map(d => ({ ...d, passed: d.date < today }))
}

export function makerLabel (rep: Pick<RepresentationRow, 'party' | 'organisation'>, otherNumber: number): string {
  return rep.party === 'responsible_authority' ? ORGANISATION_LABELS[rep.organisation as Organisation] ?? rep.organisation ?? 'Responsible authority' : `Other person ${otherNumber}`
}

const iso = (value: Date | string | null) => value === null ? null : new Date(value).toISOString()

/** The representations a reader may see, numbered; `persons` only for officers (otherwise undefined). */
export function representationsView (reps: RepresentationRow[], options: { officer: boolean; persons?: Map<number, Person> }): Representation[] {
  let others = 0
  const visible = options.officer ? reps : reps.filter(r => r.status !== 'awaiting_confirmation')
  return visible.map(r => {
    if (r.party === 'other_person') others++
    const person = options.officer && r.personId !== null ? options.persons?.get(r.personId) : undefined
    return {
      id: r.id, caseId: r.caseId, party: r.party, organisation: r.organisation, label: makerLabel(r, others),
      objectives: r.objectives, text: r.text, madeOn: r.madeOn, status: r.status, relevance: r.relevance, irrelevantGround: r.irrelevantGround,
      assessmentReason: r.assessmentReason, assessedAt: iso(r.assessedAt), withdrawnAt: iso(r.withdrawnAt), withdrawalNote: r.withdrawalNote,
      ...(options.officer ? { person: person ? { name: person.name, address: person.address, email: person.email, confirmed: person.confirmedAt !== null } : null } : {})
    }
  })
}

export function caseTitle (row: Pick<CaseRow, 'kind' | 'premisesName'>, application: ApplicationForCase | undefined): string {
  if (row.kind === 'review') return `Review of the premises licence: ${row.premisesName}`
  return `${application?.kind === 'variation' ? 'Variation of the premises licence' : 'New premises licence'}: ${row.premisesName}`
}

export function decisionView (d: DecisionRow | undefined): LicensingCase['decision'] {
  if (!d) return null
  return {
    outcome: d.outcome as NonNullable<LicensingCase['decision']>['outcome'], reasons: d.reasons, addedConditions: d.addedConditions, modifiedConditions: d.modifiedConditions,
    excludedActivities: d.excludedActivities, suspendedUntil: d.suspendedUntil, decidedOn: d.decidedOn, notifiedOn: d.notifiedOn,
    appealDeadline: d.appealDeadline, takesEffectOn: d.takesEffectOn, applied: d.appliedAt !== null, appealLodgedOn: d.appealLodgedOn
  }
}

/** The appeal deadline of an application decided before casework recorded decisions (from the day it was decided). */
export function appealDeadlineOf (decision: DecisionRow | undefined, decidedOn: string | null): string | null {
  return decision?.appealDeadline ?? (decidedOn ? appealDeadline(decidedOn) : null)
}
