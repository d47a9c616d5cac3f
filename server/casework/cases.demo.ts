// Demo licensing cases (made up, "(demo)"): the plans demo opened a case for each demo licence
// application; here the two whose representations have closed get representations, so every
// stage of the casework screens has something to show. The one closed about a week ago waits
// for its representations to be assessed; the one closed three weeks ago had a relevant police
// representation and its hearing two working days ago, so its decision is due. Dates come from
// the statutory clock, as for a real case.
import type { DemoStep } from '../demo/seed.ts'
import { addWorkingDays, HEARING_NOTICE_WORKING_DAYS } from '../../shared/clock/index.ts'
import { insertPerson, updateCase } from './cases.repository.ts'
import { insertRepresentation } from './representations.repository.ts'
import { insertHearing } from './hearings.repository.ts'
import { caseHearingWindow } from './cases.view.ts'

export const casesDemoStep: DemoStep = {
  name: 'casework-cases',
  async run (ctx) {
    const db = ctx.db
    const today = ctx.clock.today()
    const closed = await db.selectFrom('licensingCases').select(['id', 'representationPeriodEnds', 'givenOn'])
      .where('kind', '=', 'licence_application').where('status', '=', 'open').where('representationPeriodEnds', '<', today)
      .orderBy('representationPeriodEnds', 'desc').execute()
    const [assessing, heard] = closed
    let representations = 0
    let hearings = 0
    if (assessing) {
      const madeOn = addWorkingDays(assessing.givenOn, 8)
      await insertRepresentation(db, {
        caseId: assessing.id, party: 'responsible_authority', organisation: 'police', objectives: ['crime_disorder'], madeOn, madeBy: ctx.users.police, status: 'received',
        text: 'Three assaults and a robbery within 50 m of the premises after 01:00 in the last year. The police ask that the later hours end at 00:00 on Fridays and Saturdays, or that SIA door staff are on from 21:00 until close. (demo)'
      })
      const person = await insertPerson(db, { name: 'Pat Neighbour (demo)', address: '1 Example Court, London EC2V 0XX (demo)', email: 'pat.neighbour@example.com', confirmedAt: new Date(`${madeOn}T18:00:00Z`) })
      await insertRepresentation(db, {
        caseId: assessing.id, party: 'other_person', personId: person.id, objectives: ['public_nuisance'], madeOn, madeBy: null, status: 'received',
        text: 'Music and customers leaving after midnight already keep residents of Example Court awake; the later hours would make it worse. (demo)'
      })
      representations += 2
    }
    if (heard) {
      const window = caseHearingWindow(heard)
      const hearingOn = addWorkingDays(today, -2)
      const noticeGivenOn = addWorkingDays(hearingOn, -HEARING_NOTICE_WORKING_DAYS)
      if (hearingOn >= window.from && hearingOn <= window.to && noticeGivenOn > heard.representationPeriodEnds) {
        await insertRepresentation(db, {
          caseId: heard.id, party: 'responsible_authority', organisation: 'police', objectives: ['crime_disorder', 'public_safety'], madeOn: addWorkingDays(heard.givenOn, 10), madeBy: ctx.users.police, status: 'received',
          relevance: 'relevant', assessmentReason: 'About crime and disorder near the premises, with evidence. (demo)', assessedBy: ctx.users.officer, assessedAt: new Date(`${noticeGivenOn}T10:00:00Z`),
          text: 'Drink-related disorder at closing time on the street outside; the police ask for a dispersal condition and door staff at weekends. (demo)'
        })
        await insertHearing(db, { caseId: heard.id, hearingOn, startsAt: '10:00', place: 'Committee Room 1, Guildhall (demo)', noticeGivenOn, scheduledBy: ctx.users.officer })
        await updateCase(db, heard.id, { status: 'hearing_scheduled' })
        representations++
        hearings++
      }
    }
    return { caseRepresentations: representations, caseHearings: hearings }
  }
}
