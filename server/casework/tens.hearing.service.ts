// What may follow a Temporary Event Notice once given: the premises user withdraws it (no later
// than 24 hours before the event, s.103), or, after an objection to a standard notice, the
// authority holds a hearing (s.105(2)(a)) within the window of Hearings Regs Sch. 1 with two
// working days' notice (reg. 6(2)(b)) before it decides (tens.service.ts, recordTenOutcome).
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { localToUtc } from '../../shared/dates.ts'
import { earliestTenHearingAfterNotice, TEN_HEARING_NOTICE_WORKING_DAYS, tenWithdrawalDeadline } from '../../shared/clock/index.ts'
import type { HearingBody } from '../../shared/schemas/cases.ts'
import type { Ten, TenWithdrawal } from '../../shared/schemas/tens.ts'
import { CaseStateConflict, HearingOutsideWindow, TenNotFound, TenWithdrawalTooLate, withDetails } from './casework.errors.ts'
import { checkHearingDate } from './hearing-rules.ts'
import * as hearings from './hearings.repository.ts'
import * as repo from './tens.repository.ts'
import { getTen, hearingWindowOf, toLocalDateTime, type Clock } from './tens.service.ts'

/** s.103: withdrawn by notice to the authority no later than 24 hours before the event begins; it then counts towards no limit. */
export async function withdrawTen (db: Db, user: CurrentUser, id: number, input: TenWithdrawal, clock: Clock): Promise<Ten> {
  await db.transaction().execute(async trx => {
    const ten = await repo.lockTen(trx, id)
    if (!ten) throw new TenNotFound(String(id))
    assertPremisesAccess(user, ten.premisesId)
    if (ten.status === 'withdrawn') throw new CaseStateConflict('This notice is already withdrawn')
    if (ten.status === 'counter_notice') throw new CaseStateConflict('This notice received a counter notice; the event may not go ahead, so there is nothing to withdraw')
    const deadline = tenWithdrawalDeadline(new Date(ten.startsAt))
    if (clock.now > deadline) {
      const last = toLocalDateTime(deadline, clock.tz)
      throw withDetails(new TenWithdrawalTooLate(`A notice may be withdrawn no later than 24 hours before the event begins (s.103); that was ${last.replace('T', ' ')}.`), { withdrawalDeadline: last })
    }
    await repo.updateTen(trx, id, { status: 'withdrawn', withdrawnAt: clock.now, withdrawnBy: user.id, outcomeReasons: input.note?.trim() || null })
    await hearings.cancelScheduled(trx, { tenId: id })
    await recordAudit(trx, { userId: user.id, action: 'ten.withdraw', entity: 'temporary_event_notice', entityId: id, before: { status: ten.status }, after: { status: 'withdrawn', note: input.note ?? null } })
    const title = `TEN withdrawn: premises ${ten.premisesId}, ${ten.startsLocal.replace('T', ' ')}`
    const link = `/tens/${id}`
    const eho = await repo.authorityUserIds(trx, 'environmental_health')
    await notify(trx, [
      { role: 'police', kind: 'ten_withdrawn', title, link },
      { role: 'licensing_officer', kind: 'ten_withdrawn', title, link },
      ...eho.map(u => ({ userId: u.id, kind: 'ten_withdrawn', title, link }))
    ])
  })
  return getTen(db, user, id, clock)
}

/** Schedule (or move) the hearing on an objection to a standard notice; notice goes to the premises user and the objector at once. */
export async function scheduleTenHearing (db: Db, user: CurrentUser, id: number, input: HearingBody, clock: Clock): Promise<Ten> {
  await db.transaction().execute(async trx => {
    const ten = await repo.lockTen(trx, id)
    if (!ten) throw new TenNotFound(String(id))
    if (ten.status !== 'objected') throw new CaseStateConflict('Only a standard notice with an objection goes to a hearing')
    const window = hearingWindowOf(ten, clock.tz)
    checkHearingDate(input.date, {
      window, earliest: earliestTenHearingAfterNotice(clock.today), noticeWorkingDays: TEN_HEARING_NOTICE_WORKING_DAYS,
      windowRule: 'within 7 working days after objections closed, and in time to decide at least 24 hours before the event (Hearings Regs Sch. 1; s.105(4))'
    })
    const [hour, minute] = input.time.split(':').map(Number) as [number, number]
    if (localToUtc(input.date, clock.tz, hour, minute) >= new Date(ten.counterNoticeDeadline)) {
      const last = toLocalDateTime(new Date(ten.counterNoticeDeadline), clock.tz).replace('T', ' ')
      throw withDetails(new HearingOutsideWindow(`The decision must be made at least 24 hours before the event (s.105(4)), by ${last}: start the hearing earlier.`), { window, decisionBy: last })
    }
    await hearings.cancelScheduled(trx, { tenId: id })
    const { id: hearingId } = await hearings.insertHearing(trx, { tenId: id, hearingOn: input.date, startsAt: input.time, place: input.place.trim(), noticeGivenOn: clock.today, scheduledBy: user.id })
    await recordAudit(trx, { userId: user.id, action: 'ten.hearing', entity: 'temporary_event_notice', entityId: id, after: { hearingId, ...input, noticeGivenOn: clock.today, window } })
    const objectors = await repo.objectionsOf(trx, [id])
    const title = `Hearing on the objection to a TEN: ${input.date} at ${input.time}`
    const body = `${input.place.trim()}. The event is ${ten.startsLocal.replace('T', ' ')}.`
    const link = `/tens/${id}`
    const eho = objectors.some(o => o.organisation === 'environmental_health') ? await repo.authorityUserIds(trx, 'environmental_health') : []
    await notify(trx, [
      { role: 'venue_manager', premisesId: ten.premisesId, kind: 'ten_hearing', title, body, link },
      ...(objectors.some(o => o.organisation === 'police') ? [{ role: 'police' as const, kind: 'ten_hearing', title, body, link }] : []),
      ...eho.map(u => ({ userId: u.id, kind: 'ten_hearing', title, body, link }))
    ])
  })
  return getTen(db, user, id, clock)
}
