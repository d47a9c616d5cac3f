// Representations on a licensing case by those signed in: a responsible authority in its own
// name, or an officer (as the licensing authority, or recording an other person's paper or
// email representation with their details). Then officers assess each one, relevant or not
// (frivolous, vexatious, not about a licensing objective), with a reason; and mediation can end
// in one being withdrawn. Within the representation period only (422 REPRESENTATION_OUT_OF_TIME).
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError, Forbidden } from '../errors.ts'
import { organisationOf } from '../../shared/roles.ts'
import type { AssessmentBody, Representation, RepresentationBody } from '../../shared/schemas/cases.ts'
import { CaseNotFound, CaseStateConflict, LicenceApplicationNotFound, RepresentationNotFound, RepresentationOutOfTime, withDetails } from './casework.errors.ts'
import * as cases from './cases.repository.ts'
import * as repo from './representations.repository.ts'
import { representationsView } from './cases.view.ts'
import { isOfficer } from './cases.service.ts'

export type CaseRef = { caseId: number } | { applicationId: number }
export interface Clock { now: Date; today: string }

/** The case, locked for the write; 404 naming what was asked for. */
export async function lockCaseByRef (trx: Db, ref: CaseRef) {
  const found = 'caseId' in ref ? await cases.findCase(trx, ref.caseId) : await cases.findCaseOfApplication(trx, ref.applicationId)
  if (!found) throw 'caseId' in ref ? new CaseNotFound(String(ref.caseId)) : new LicenceApplicationNotFound(String(ref.applicationId))
  const locked = (await cases.lockCase(trx, found.id))!
  return { ...found, ...locked }
}

/** Open to representations today: from the day the application (or review) is given to the last day of the period. */
export function checkInTime (row: { status: string; givenOn: string; representationPeriodEnds: string }, today: string) {
  if (row.status === 'withdrawn') throw new CaseStateConflict('This application was withdrawn; there is nothing to make a representation on')
  if (today > row.representationPeriodEnds || row.status === 'decided') {
    throw withDetails(new RepresentationOutOfTime(`Representations had to be made by ${row.representationPeriodEnds}, the last day of the 28-day period (Premises Regs reg. 22). The licensing team can tell you what happens next.`),
      { representationPeriodEnds: row.representationPeriodEnds })
  }
  if (today < row.givenOn) {
    throw withDetails(new RepresentationOutOfTime(`Representations may be made from ${row.givenOn}, when the application is given.`), { representationPeriodStarts: row.givenOn, representationPeriodEnds: row.representationPeriodEnds })
  }
}

/** Tells the licensing team, and the applicant venue (without who made it), that a representation counts. */
export async function notifyRepresentation (trx: Db, row: { id: number; premisesId: number; premisesName: string }, label: string) {
  const link = `/cases/${row.id}`
  await notify(trx, [
    { role: 'licensing_officer', kind: 'representation_received', title: `Representation from ${label} on ${row.premisesName}`, body: 'Assess it as relevant or not once representations close.', link },
    { role: 'venue_manager', premisesId: row.premisesId, kind: 'representation_received', title: `A representation was made on the application for ${row.premisesName}`, body: 'You can read it on the case; the licensing team may suggest mediation.', link }
  ])
}

export async function makeRepresentation (db: Db, user: CurrentUser, ref: CaseRef, input: RepresentationBody, clock: Clock): Promise<Representation> {
  const organisation = organisationOf(user)
  if (!organisation) throw new Forbidden('Only a responsible authority or the licensing team makes representations here; other persons use the public register')
  if (input.party === 'other_person' && !isOfficer(user)) throw new Forbidden(`You make representations as a responsible authority (${organisation.replace(/_/g, ' ')}), with party "responsible_authority"`)
  if (input.party === 'other_person' && !input.person) throw fieldError('person.name', 'Enter the name and address of the person who made the representation')
  if (input.party === 'responsible_authority' && input.person) throw fieldError('person', 'A responsible authority\'s representation is made in its own name; leave out person')
  const id = await db.transaction().execute(async trx => {
    const row = await lockCaseByRef(trx, ref)
    checkInTime(row, clock.today)
    const person = input.person
      ? await cases.insertPerson(trx, { name: input.person.name.trim(), address: input.person.address.trim(), email: input.person.email?.trim() || null, confirmedAt: clock.now })
      : null
    const { id } = await repo.insertRepresentation(trx, {
      caseId: row.id, party: input.party, organisation: input.party === 'responsible_authority' ? organisation : null, personId: person?.id ?? null,
      objectives: input.objectives, text: input.text.trim(), madeOn: clock.today, madeBy: user.id, status: 'received'
    })
    await recordAudit(trx, { userId: user.id, action: 'representation.make', entity: 'representation', entityId: id, after: { caseId: row.id, party: input.party, organisation: input.party === 'responsible_authority' ? organisation : null, objectives: input.objectives } })
    await notifyRepresentation(trx, row, input.party === 'responsible_authority' ? organisation.replace(/_/g, ' ') : 'an other person')
    return id
  })
  return representationOf(db, user, id)
}

async function representationOf (db: Db, user: CurrentUser, id: number): Promise<Representation> {
  const rep = await db.selectFrom('representations').select('caseId').where('id', '=', id).executeTakeFirstOrThrow()
  const reps = await repo.representationsOf(db, [rep.caseId])
  const officer = isOfficer(user)
  const persons = officer ? await cases.personsOf(db, reps.flatMap(r => r.personId === null ? [] : [r.personId])) : undefined
  return representationsView(reps, { officer, persons }).find(r => r.id === id)!
}

async function lockOpenRepresentation (trx: Db, id: number) {
  const rep = await repo.lockRepresentation(trx, id)
  if (!rep) throw new RepresentationNotFound(String(id))
  const row = (await cases.lockCase(trx, rep.caseId))!
  if (row.status === 'decided' || row.status === 'withdrawn') throw new CaseStateConflict(`The case is ${row.status}; its representations can no longer change`)
  return { rep, row }
}

/** Officers: relevant, or not (with the ground: frivolous, vexatious, not about a licensing objective), always with a reason. */
export async function assessRepresentation (db: Db, user: CurrentUser, id: number, input: AssessmentBody, clock: Clock): Promise<Representation> {
  if (input.relevance === 'irrelevant' && !input.ground) throw fieldError('ground', 'Say why it is not relevant: frivolous, vexatious, or not about a licensing objective')
  if (input.relevance === 'relevant' && input.ground) throw fieldError('ground', 'A relevant representation has no ground for irrelevance; leave it out')
  await db.transaction().execute(async trx => {
    const { rep } = await lockOpenRepresentation(trx, id)
    if (rep.status !== 'received') throw new CaseStateConflict(rep.status === 'withdrawn' ? 'This representation was withdrawn' : 'This representation is not confirmed yet: its maker has not followed the email link')
    await repo.updateRepresentation(trx, id, { relevance: input.relevance, irrelevantGround: input.ground ?? null, assessmentReason: input.reason.trim(), assessedBy: user.id, assessedAt: clock.now })
    await recordAudit(trx, { userId: user.id, action: 'representation.assess', entity: 'representation', entityId: id, before: { relevance: rep.relevance, ground: rep.irrelevantGround }, after: { relevance: input.relevance, ground: input.ground ?? null, reason: input.reason } })
  })
  return representationOf(db, user, id)
}

/** After mediation (or at its maker's request) a representation is withdrawn; it then counts for nothing. */
export async function withdrawRepresentation (db: Db, user: CurrentUser, id: number, input: { note: string }, clock: Clock): Promise<Representation> {
  await db.transaction().execute(async trx => {
    const { rep, row } = await lockOpenRepresentation(trx, id)
    if (!isOfficer(user) && (rep.party !== 'responsible_authority' || rep.organisation !== organisationOf(user))) {
      throw new Forbidden('Only the licensing team, or the authority that made it, may withdraw a representation')
    }
    if (rep.status === 'withdrawn') throw new CaseStateConflict('This representation is already withdrawn')
    await repo.updateRepresentation(trx, id, { status: 'withdrawn', withdrawnAt: clock.now, withdrawnBy: user.id, withdrawalNote: input.note.trim() })
    await recordAudit(trx, { userId: user.id, action: 'representation.withdraw', entity: 'representation', entityId: id, before: { status: rep.status }, after: { status: 'withdrawn', note: input.note } })
    await notify(trx, { role: 'licensing_officer', kind: 'representation_withdrawn', title: `A representation on case ${row.id} was withdrawn`, body: input.note.trim(), link: `/cases/${row.id}` })
  })
  return representationOf(db, user, id)
}
