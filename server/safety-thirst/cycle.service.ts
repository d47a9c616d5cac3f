// The yearly cycle, run by the scheduled jobs and callable directly in tests: expire awards after
// their validity, remind venues in March to re-apply and to finish drafts, and remind officers of
// submissions waiting more than 28 days for assessment. dedupeKeys keep reminders from repeating.
import type { Kysely } from 'kysely'
import type { Database } from '../db/types.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { addDays } from '../../shared/dates.ts'
import { currentPremisesWithManagers } from '../premises/premises.public.ts'
import * as repo from './applications.repository.ts'

export const OVERDUE_DAYS = 28

export function expireAwards (db: Kysely<Database>, today: string) {
  return db.transaction().execute(async trx => {
    const expired = await repo.expireDecidedBefore(trx, today)
    for (const row of expired) {
      await recordAudit(trx, { userId: null, action: 'expire', entity: 'st_application', entityId: row.id, before: { status: 'decided' }, after: { status: 'expired', validUntil: row.validUntil } })
    }
    return { expired: expired.length }
  })
}

export function remindVenues (db: Kysely<Database>, today: string) {
  const year = Number(today.slice(0, 4))
  return db.transaction().execute(async trx => {
    // Premises with a manager account and no live application this year: invite them to re-apply.
    const applied = new Set(await repo.premisesWithLiveApplication(trx, year))
    const toInvite = (await currentPremisesWithManagers(trx)).filter(p => !applied.has(p.id))
    const invited = await notify(trx, toInvite.map(p => ({
      role: 'venue_manager' as const, premisesId: p.id, kind: 'safety_thirst_reapply',
      title: `Apply for Safety Thirst ${year}: ${p.name}`, body: 'Certificates last for the calendar year; start this year\'s self-assessment now.',
      link: '/safety-thirst', dedupeKey: `st-reapply-${year}-${p.id}`
    })))
    const drafts = await repo.draftsOfYear(trx, year)
    const reminded = await notify(trx, drafts.map(d => ({
      role: 'venue_manager' as const, premisesId: d.premisesId, kind: 'safety_thirst_draft',
      title: `Finish your Safety Thirst self-assessment: ${d.name}`, body: 'Your draft is saved; answer the remaining criteria and submit it.',
      link: `/safety-thirst/applications/${d.id}`, dedupeKey: `st-draft-${d.id}-${today}`
    })))
    if (invited + reminded) await recordAudit(trx, { userId: null, action: 'remind_venues', entity: 'st_cycle', entityId: year, after: { invited, reminded } })
    return { invited, reminded }
  })
}

export function remindOverdueAssessments (db: Kysely<Database>, today: string) {
  const cutoff = new Date(addDays(today, -OVERDUE_DAYS) + 'T00:00:00Z')
  return db.transaction().execute(async trx => {
    const overdue = await repo.submittedBefore(trx, cutoff)
    const sent = await notify(trx, overdue.map(a => ({
      role: 'licensing_officer' as const, kind: 'safety_thirst_overdue',
      title: `Safety Thirst assessment overdue: ${a.name}`, body: `Submitted more than ${OVERDUE_DAYS} days ago and not yet assessed.`,
      link: `/safety-thirst/applications/${a.id}`, dedupeKey: `st-overdue-${a.id}`
    })))
    if (sent) await recordAudit(trx, { userId: null, action: 'remind_overdue', entity: 'st_cycle', entityId: today.slice(0, 4), after: { sent } })
    return { overdue: overdue.length, sent }
  })
}
