// Temporary Event Notices (LA 2003 Part 5): giving one (classified standard or late by the
// statutory clock, refused when too late or over a limit), objections by the police and
// environmental health within their three working days, and the authority's outcome.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess, isVenueManager, premisesScope } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { fieldError, Forbidden } from '../errors.ts'
import { localDate, localParts, localToUtc } from '../../shared/dates.ts'
import { counterNoticeDeadline, isCalendarDate, isWithinClockYears, lastDayToGiveTen, tenHearingWindow, tenKind, tenObjectionDeadline, tenWithdrawalDeadline, workingDaysBetween, type Period } from '../../shared/clock/index.ts'
import { LOCAL_DATE_TIME, premisesUserKey } from '../../shared/casework/ten-limits.ts'
import { organisationOf } from '../../shared/roles.ts'
import type { NewTen, Ten, TenListQuery } from '../../shared/schemas/tens.ts'
import type { TenStatus } from './casework.tables.ts'
import { CaseStateConflict, PremisesNotFound, TenDecisionTooLate, TenNotFound, TenObjectionOutOfTime, TenTooLate, withDetails } from './casework.errors.ts'
import { checkSingleNoticeLimits, checkYearLimits } from './tens.limits.ts'
import * as repo from './tens.repository.ts'
import { scheduledHearings, type HearingRow } from './hearings.repository.ts'
import { plural } from '../../shared/plural.ts'

/** The moment a request is handled (from app.clock): now, today's local date and the time zone. */
export interface Clock { today: string; now: Date; tz: string }

const pad = (n: number) => String(n).padStart(2, '0')
export function toLocalDateTime (instant: Date, tz: string): string {
  const p = localParts(instant, tz)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

function parseLocal (field: 'startsAt' | 'endsAt', value: string, tz: string): Date {
  const m = LOCAL_DATE_TIME.exec(value)
  if (!m || !isWithinClockYears(m[1]!)) {
    throw fieldError(field, `Enter when the event ${field === 'startsAt' ? 'starts' : 'ends'} as a date and a 24-hour time, for example 2026-12-31T19:00`)
  }
  return localToUtc(m[1]!, tz, Number(m[2]), Number(m[3]))
}

/** The hearing window of a notice with an objection: Sch. 1's seven working days, ending in time for the decision (s.105(4)). */
export function hearingWindowOf (ten: { objectionDeadline: string; counterNoticeDeadline: Date | string }, tz: string): Period {
  return tenHearingWindow(ten.objectionDeadline, localDate(new Date(ten.counterNoticeDeadline), tz))
}

function toTen (row: repo.TenRow, objections: Awaited<ReturnType<typeof repo.objectionsOf>>, hearing: HearingRow | undefined, clock: Clock): Ten {
  const standardObjected = row.kind === 'standard' && objections.some(o => o.tenId === row.id)
  return {
    id: row.id,
    premisesId: row.premisesId,
    premisesName: row.premisesName,
    premisesAddress: row.premisesAddress,
    lat: row.lat,
    lng: row.lng,
    premisesUser: { name: row.premisesUserName, personalLicenceHolder: row.personalLicenceHolder },
    kind: row.kind,
    status: row.status,
    givenOn: row.givenOn,
    startsAt: row.startsLocal,
    endsAt: row.endsLocal,
    maxPeople: row.maxPeople,
    activities: row.activities as Ten['activities'],
    objectionDeadline: row.objectionDeadline,
    counterNoticeDeadline: toLocalDateTime(new Date(row.counterNoticeDeadline), clock.tz),
    objectionPeriodOpen: row.status === 'received' && clock.today <= row.objectionDeadline,
    objections: objections.filter(o => o.tenId === row.id).map(o => ({ id: o.id, organisation: o.organisation, objectives: o.objectives, text: o.text, createdAt: new Date(o.createdAt).toISOString() })),
    outcomeReasons: row.outcomeReasons,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    withdrawalDeadline: toLocalDateTime(tenWithdrawalDeadline(new Date(row.startsAt)), clock.tz),
    withdrawnAt: row.withdrawnAt ? new Date(row.withdrawnAt).toISOString() : null,
    hearingWindow: standardObjected ? hearingWindowOf(row, clock.tz) : null,
    hearing: hearing ? { id: hearing.id, date: hearing.hearingOn, time: hearing.startsAt, place: hearing.place, noticeGivenOn: hearing.noticeGivenOn, held: hearing.hearingOn <= clock.today } : null
  }
}

/** Who may give a TEN here: a venue manager for its own premises, an officer on a premises user's behalf (a paper notice). */
export async function giveTen (db: Db, user: CurrentUser, input: NewTen, clock: Clock): Promise<Ten> {
  assertPremisesAccess(user, input.premisesId)
  const givenOn = input.givenOn ?? clock.today
  if (!isCalendarDate(givenOn) || !isWithinClockYears(givenOn)) throw fieldError('givenOn', 'Enter the date the notice was given as YYYY-MM-DD, for example 2026-12-01')
  if (givenOn > clock.today) throw fieldError('givenOn', 'The date the notice was given cannot be in the future')
  if (isVenueManager(user) && givenOn !== clock.today) throw fieldError('givenOn', 'A notice given online is given today; leave the date out')
  const startsAt = parseLocal('startsAt', input.startsAt, clock.tz)
  const endsAt = parseLocal('endsAt', input.endsAt, clock.tz)
  if (endsAt <= startsAt) throw fieldError('endsAt', 'The event must end after it starts')
  const startsOn = input.startsAt.slice(0, 10)
  const kind = tenKind(givenOn, startsOn)
  if (kind === 'too_late') {
    const lastDay = lastDayToGiveTen(startsOn, 'late')
    throw withDetails(new TenTooLate(`A Temporary Event Notice must be given at least 5 working days before the event, not counting the day it is given or the first day of the event (s.100A). For an event starting on ${startsOn} the last day was ${lastDay}.`),
      { givenOn, eventStartsOn: startsOn, workingDaysBefore: workingDaysBetween(givenOn, startsOn), lastDayForLate: lastDay })
  }
  const candidate = {
    premisesId: input.premisesId, userKey: premisesUserKey(input.premisesUser.name), personalLicenceHolder: input.premisesUser.personalLicenceHolder,
    kind, startsLocal: input.startsAt, endsLocal: input.endsAt, startsAt, endsAt, maxPeople: input.maxPeople
  }
  checkSingleNoticeLimits(candidate)
  const objectionDeadline = tenObjectionDeadline(givenOn)
  const id = await db.transaction().execute(async trx => {
    const premises = await repo.lockPremises(trx, input.premisesId)
    if (!premises) throw new PremisesNotFound(String(input.premisesId))
    await repo.lockPremisesUser(trx, candidate.userKey)
    await checkYearLimits(trx, candidate)
    const { id } = await repo.insertTen(trx, {
      premisesId: input.premisesId, premisesUserName: input.premisesUser.name.trim(), premisesUserKey: candidate.userKey,
      personalLicenceHolder: input.premisesUser.personalLicenceHolder, kind, givenOn,
      startsLocal: input.startsAt, endsLocal: input.endsAt, startsAt, endsAt, maxPeople: input.maxPeople, activities: input.activities,
      objectionDeadline, counterNoticeDeadline: counterNoticeDeadline(startsAt), givenBy: user.id
    })
    await recordAudit(trx, { userId: user.id, action: 'ten.give', entity: 'temporary_event_notice', entityId: id, after: { ...input, givenOn, kind, objectionDeadline } })
    const title = `${kind === 'late' ? 'Late' : 'Standard'} TEN at ${premises.name}: ${input.startsAt.replace('T', ' ')}`
    const body = `${plural(input.maxPeople, 'person', 'people')}; objections by ${objectionDeadline} (end of the third working day).`
    const link = `/tens/${id}`
    const eho = await repo.authorityUserIds(trx, 'environmental_health')
    await notify(trx, [
      { role: 'police', kind: 'ten_received', title, body, link },
      { role: 'licensing_officer', kind: 'ten_received', title, body, link },
      ...eho.map(u => ({ userId: u.id, kind: 'ten_received', title, body, link }))
    ])
    return id
  })
  return getTen(db, user, id, clock)
}

export async function getTen (db: Db, user: CurrentUser, id: number, clock: Clock): Promise<Ten> {
  const row = await repo.findTen(db, id)
  if (!row) throw new TenNotFound(String(id))
  assertPremisesAccess(user, row.premisesId)
  const [objections, hearings] = await Promise.all([repo.objectionsOf(db, [row.id]), scheduledHearings(db, 'tenId', [row.id])])
  return toTen(row, objections, hearings.get(row.id), clock)
}

export async function listTens (db: Db, user: CurrentUser, query: TenListQuery, clock: Clock) {
  if (query.premisesId) assertPremisesAccess(user, query.premisesId)
  for (const field of ['from', 'to'] as const) {
    if (query[field] !== undefined && !isCalendarDate(query[field]!)) throw fieldError(field, `Enter the ${field === 'from' ? 'first' : 'last'} date as YYYY-MM-DD, for example 2026-12-01`)
  }
  const { items, total } = await repo.listTens(db, { ...query, premisesIds: premisesScope(user) })
  const ids = items.map(i => i.id)
  const [objections, hearings] = await Promise.all([repo.objectionsOf(db, ids), scheduledHearings(db, 'tenId', ids)])
  return { items: items.map(row => toTen(row, objections, hearings.get(row.id), clock)), total }
}

/**
 * The police or environmental health object (s.104(2)): before the end of the third working day
 * after they received the notice. An objection to a late TEN means a counter notice (s.104A);
 * to a standard one, a hearing unless everyone agrees it is unnecessary (s.105).
 */
export async function objectToTen (db: Db, user: CurrentUser, id: number, input: { objectives: string[]; text: string }, clock: Clock): Promise<Ten> {
  const organisation = organisationOf(user)
  if (organisation !== 'police' && organisation !== 'environmental_health') throw new Forbidden('Only the police and environmental health may object to a Temporary Event Notice (s.104)')
  await db.transaction().execute(async trx => {
    const ten = await repo.lockTen(trx, id)
    if (!ten) throw new TenNotFound(String(id))
    if (ten.status === 'withdrawn' || ten.status === 'counter_notice') throw new CaseStateConflict(`This notice is ${ten.status === 'withdrawn' ? 'withdrawn' : 'already refused by a counter notice'}; there is nothing to object to`)
    if (clock.today > ten.objectionDeadline) {
      throw withDetails(new TenObjectionOutOfTime(`The time to object ended on ${ten.objectionDeadline}, the third working day after the notice was received (s.104(3)).`), { objectionDeadline: ten.objectionDeadline })
    }
    const { id: objectionId } = await repo.insertObjection(trx, { tenId: id, organisation, objectives: input.objectives, text: input.text.trim(), madeBy: user.id })
    const status: TenStatus = ten.kind === 'late' ? 'counter_notice' : 'objected'
    await repo.updateTen(trx, id, status === 'counter_notice'
      ? { status, decidedAt: clock.now, outcomeReasons: 'A late notice received an objection; the authority gives a counter notice (s.104A) and the event may not go ahead.' }
      : { status })
    await recordAudit(trx, { userId: user.id, action: 'ten.object', entity: 'temporary_event_notice', entityId: id, before: { status: ten.status }, after: { status, objectionId, organisation, objectives: input.objectives } })
    const title = `Objection to the TEN at premises ${ten.premisesId} (${ten.startsLocal.replace('T', ' ')})`
    const body = status === 'counter_notice' ? 'A late notice: a counter notice follows (s.104A).' : 'A standard notice: a hearing is needed unless all agree it is not (s.105).'
    await notify(trx, [
      { role: 'licensing_officer', kind: 'ten_objection', title, body, link: `/tens/${id}` },
      { role: 'venue_manager', premisesId: ten.premisesId, kind: 'ten_objection', title, body, link: `/tens/${id}` }
    ])
  })
  return getTen(db, user, id, clock)
}

/**
 * After the hearing on a standard TEN with an objection (or without one, when the premises user,
 * the objector and the authority agree it is unnecessary, s.105(2)(a)): a counter notice, or the
 * event may go ahead; at least 24 hours before it starts (s.105(4)).
 */
export async function recordTenOutcome (db: Db, user: CurrentUser, id: number, input: { outcome: 'counter_notice' | 'cleared'; reasons: string; hearingDispensed?: boolean }, clock: Clock): Promise<Ten> {
  await db.transaction().execute(async trx => {
    const ten = await repo.lockTen(trx, id)
    if (!ten) throw new TenNotFound(String(id))
    if (ten.status !== 'objected') throw new CaseStateConflict('Only a standard notice with an objection awaits a decision')
    const hearing = (await scheduledHearings(trx, 'tenId', [id])).get(id)
    if (!input.hearingDispensed && !hearing) throw new CaseStateConflict('Schedule the hearing first, or record that the premises user, the objector and the authority agreed it is unnecessary (s.105(2)(a))')
    if (!input.hearingDispensed && hearing!.hearingOn > clock.today) throw new CaseStateConflict(`The hearing is on ${hearing!.hearingOn}; record the decision once it has been held`)
    if (clock.now > new Date(ten.counterNoticeDeadline)) {
      throw withDetails(new TenDecisionTooLate(`A counter notice must be given at least 24 hours before the event begins (s.105(4)); that was ${toLocalDateTime(new Date(ten.counterNoticeDeadline), clock.tz).replace('T', ' ')}.`), { counterNoticeDeadline: toLocalDateTime(new Date(ten.counterNoticeDeadline), clock.tz) })
    }
    await repo.updateTen(trx, id, { status: input.outcome, outcomeReasons: input.reasons.trim(), decidedBy: user.id, decidedAt: clock.now })
    await recordAudit(trx, { userId: user.id, action: `ten.${input.outcome}`, entity: 'temporary_event_notice', entityId: id, before: { status: ten.status }, after: { status: input.outcome, reasons: input.reasons, hearingDispensed: input.hearingDispensed ?? false, hearingId: hearing?.id ?? null } })
    await notify(trx, { role: 'venue_manager', premisesId: ten.premisesId, kind: 'ten_outcome', title: input.outcome === 'counter_notice' ? 'A counter notice was given: the event may not go ahead' : 'The event may go ahead', body: input.reasons, link: `/tens/${id}` })
  })
  return getTen(db, user, id, clock)
}
