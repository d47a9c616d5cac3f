// Starting the review of a premises licence (LA 2003 s.51): a responsible authority in its own
// name (for example the police after a red traffic light or a strong flag), or an officer
// recording a review an other person applied for. The 28-day representation period starts the
// day after it is given; every review then goes to a hearing (s.52(2)). The licence holder (its
// venue managers) and every responsible authority are told at once (s.51(2)).
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError, Forbidden } from '../errors.ts'
import { requirePremises } from '../premises/premises.public.ts'
import { representationPeriod } from '../../shared/clock/index.ts'
import { organisationOf } from '../../shared/roles.ts'
import type { LicensingCase, ReviewBody } from '../../shared/schemas/cases.ts'
import { CaseStateConflict } from './casework.errors.ts'
import * as cases from './cases.repository.ts'
import { getCase, isOfficer } from './cases.service.ts'
import type { Clock } from './representations.service.ts'

export async function startReview (db: Db, user: CurrentUser, input: ReviewBody, clock: Clock): Promise<LicensingCase> {
  const organisation = organisationOf(user)
  if (!organisation) throw new Forbidden('A review is brought by a responsible authority or an other person')
  const party = input.party ?? 'responsible_authority'
  if (party === 'other_person' && !isOfficer(user)) throw new Forbidden('You bring a review as a responsible authority; an other person applies through the licensing team')
  if (party === 'other_person' && !input.person) throw fieldError('person.name', 'Enter the name and address of the person applying for the review')
  if (party === 'responsible_authority' && input.person) throw fieldError('person', 'A responsible authority brings a review in its own name; leave out person')
  const givenOn = input.givenOn ?? clock.today
  if (givenOn > clock.today) throw fieldError('givenOn', 'The date the application for review was given cannot be in the future')
  if (input.givenOn && !isOfficer(user)) throw fieldError('givenOn', 'A review brought online is given today; leave the date out')
  const id = await db.transaction().execute(async trx => {
    const premises = await requirePremises(trx, input.premisesId)
    if (premises.status === 'revoked' || premises.status === 'surrendered') throw new CaseStateConflict(`The licence of ${premises.name} is ${premises.status}; there is nothing to review`)
    const person = input.person ? await cases.insertPerson(trx, { name: input.person.name.trim(), address: input.person.address.trim(), email: input.person.email?.trim() || null, confirmedAt: clock.now }) : null
    const periodEnds = representationPeriod(givenOn).to
    const { id } = await cases.insertCase(trx, {
      kind: 'review', premisesId: premises.id, givenOn, representationPeriodEnds: periodEnds,
      broughtByParty: party, broughtByOrganisation: party === 'responsible_authority' ? organisation : null, broughtByPersonId: person?.id ?? null,
      objectives: input.objectives, grounds: input.grounds.trim(), promptedBy: input.promptedBy ?? null, promptRef: input.promptRef?.trim() || null, createdBy: user.id
    })
    await recordAudit(trx, { userId: user.id, action: 'case.review', entity: 'licensing_case', entityId: id, after: { premisesId: premises.id, party, organisation: party === 'responsible_authority' ? organisation : null, objectives: input.objectives, givenOn, periodEnds, promptedBy: input.promptedBy ?? null } })
    const title = `Review of the licence of ${premises.name}: representations by ${periodEnds}`
    const body = 'Every review goes to a hearing after the 28-day representation period (s.52).'
    const link = `/cases/${id}`
    await notify(trx, [
      { role: 'venue_manager', premisesId: premises.id, kind: 'review_started', title, body: `${body} You may make your case at the hearing.`, link },
      { role: 'licensing_officer', kind: 'review_started', title, body, link },
      { role: 'police', kind: 'review_started', title, body, link },
      { role: 'responsible_authority', kind: 'review_started', title, body, link }
    ])
    return id
  })
  return getCase(db, user, id, clock.today)
}
