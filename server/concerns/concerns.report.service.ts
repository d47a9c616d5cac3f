// The public side of concerns: a resident reports (no account), confirms their email by the
// link we send, and follows the case by a second link. Nothing is shown to officers until the
// email is confirmed; a filled-in honeypot field gets an answer that looks the same and stores
// nothing. The reporter's name, email and words stay with the officers.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { Clock } from '../clock.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { addressKey, normaliseEmail, takeAttempt, waitInWords, type ThrottleRule } from '../auth/auth.public.ts'
import { fieldError } from '../errors.ts'
import { lngLatToBng } from '../geo/bng.ts'
import { queueMail, requestEmailConfirmation, useLinkToken } from '../mail/mail.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { recordPublicReport } from '../incidents/incidents.public.ts'
import { CONCERN_KIND_LABELS, type PublicCase, type ReportConcernInput } from '../../shared/schemas/concerns.ts'
import { CaseNotFound, ConfirmationLinkExpired, ConfirmationLinkUnknown, TooManyConcerns } from './concerns.errors.ts'
import * as repo from './concerns.repository.ts'
import { whenText } from './concerns.present.ts'

export const CONFIRM_PURPOSE = 'concern-confirmation'
const CONFIRM_HOURS = 72
const HOUR = 3600_000
/** One email address: 5 reports, then a wait of an hour that doubles, forgotten after a quiet day. */
const EMAIL_RULE: ThrottleRule = { limit: 5, firstDelayMs: HOUR, maxDelayMs: 24 * HOUR, forgetAfterMs: 24 * HOUR }
/** One address (a household or an office may share one): CONCERN_RATE_LIMIT reports, then waits from 15 minutes. */
export const addressRule = (limit: number): ThrottleRule => ({ limit, firstDelayMs: HOUR / 4, maxDelayMs: 6 * HOUR, forgetAfterMs: 24 * HOUR })
const DESCRIPTION_MAX = 5000
const NAME_MAX = 200
const LOCATION_TEXT_MAX = 300
/** A repeat report: the same reporter about the same place within this many days links to the earlier case. */
const REPEAT_DAYS = 90
const REPEAT_RADIUS_M = 100
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

/** The key in a case link: an HMAC of the reference, so the link needs no stored secret. */
export function caseKeyFor (secret: string) {
  return (reference: string) => createHmac('sha256', secret).update(`concern-case:${reference}`).digest('base64url').slice(0, 32)
}
export type CaseKey = ReturnType<typeof caseKeyFor>

export const caseLink = (reference: string, key: CaseKey) => `/concerns/case/${reference}?key=${key(reference)}`

/** The emails about one report, which its reporter can stop by the link in any of them. */
export const reportUpdates = (reference: string) => ({ stream: `concern:${reference}`, label: `updates on your report ${reference}` })

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
function newReference (): string {
  let code = ''
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return `NS-${code}`
}

async function uniqueReference (db: Db): Promise<string> {
  for (;;) {
    const reference = newReference()
    if (!(await repo.referenceExists(db, reference))) return reference
  }
}

function checkWhen (input: ReportConcernInput, now: Date): Date | null {
  const given = [input.happeningNow === true, input.occurredAt !== undefined, input.pattern !== undefined].filter(Boolean).length
  if (given === 0) throw fieldError('when', 'Say when it happens: now, on a date and time, or on which days and times')
  if (given > 1) throw fieldError('when', 'Choose one of: happening now, a date and time, or days and times')
  if (input.pattern && input.pattern.from === input.pattern.to) throw fieldError('pattern.to', 'Give an end time different from the start time')
  if (input.occurredAt === undefined) return null
  const at = new Date(input.occurredAt)
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(input.occurredAt)) throw fieldError('occurredAt', 'Enter the date and time, for example 6 December 2026 at 01:00')
  if (at.getTime() > now.getTime() + 10 * 60_000) throw fieldError('occurredAt', 'The date and time must be in the past')
  if (at.getTime() < now.getTime() - 366 * 86400_000) throw fieldError('occurredAt', 'Report something that happened in the last 12 months')
  return at
}

function checkText (input: ReportConcernInput) {
  const description = input.description.trim()
  if (!description) throw fieldError('description', 'Describe what you heard or saw')
  if (description.length > DESCRIPTION_MAX) throw fieldError('description', `Keep the description to ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer (it has ${description.length.toLocaleString('en-GB')})`)
  const email = input.reporter.email.trim()
  if (!EMAIL.test(email) || email.length > 254) throw fieldError('reporter.email', 'Enter an email address like name@example.com')
  const name = input.reporter.name?.trim() || null
  if (name && name.length > NAME_MAX) throw fieldError('reporter.name', `Keep your name to ${NAME_MAX} characters or fewer`)
  const locationText = input.locationText?.trim() || null
  if (locationText && locationText.length > LOCATION_TEXT_MAX) throw fieldError('locationText', `Keep the description of the place to ${LOCATION_TEXT_MAX} characters or fewer`)
  return { description, email, name, locationText }
}

function tooManyConcerns (retryAfterMs: number) {
  const error = new TooManyConcerns(`You have sent several reports in a short time. Wait ${waitInWords(retryAfterMs)} and try again. If it is urgent, call the police on 101, or 999 in an emergency.`) as InstanceType<typeof TooManyConcerns> & { retryAfterSeconds: number }
  error.retryAfterSeconds = Math.ceil(retryAfterMs / 1000)
  return error
}

export interface ReportContext { clock: Clock; caseKey: CaseKey }
export interface ReportSource { address: string; addressLimit: number }

/** POST /api/public/concerns: stores the report unconfirmed and emails the confirmation link. */
export async function reportConcern (db: Kysely<Database>, input: ReportConcernInput, source: ReportSource, ctx: ReportContext): Promise<{ reference: string }> {
  // A program filled in the field people never see: answer as usual, keep nothing.
  if (input.website?.trim()) return { reference: newReference() }
  const now = ctx.clock.now()
  const { description, email, name, locationText } = checkText(input)
  const occurredAt = checkWhen(input, now)
  if (!input.premisesId && !input.location) throw fieldError('premisesId', 'Choose the venue, or put a pin on the map where it happens')
  // Counted once the report is well formed, per email and per address, before anything is stored.
  const decision = await takeAttempt(db, [
    { kind: 'concern-email', key: normaliseEmail(email), rule: EMAIL_RULE },
    { kind: 'concern-address', key: addressKey(source.address), rule: addressRule(source.addressLimit) }
  ], now)
  if (!decision.allowed) throw tooManyConcerns(decision.retryAfterMs)
  return db.transaction().execute(async trx => {
    const premises = input.premisesId ? await repo.premisesForReport(trx, input.premisesId) : undefined
    if (input.premisesId && !premises) throw fieldError('premisesId', 'Choose a venue from the list, or put a pin on the map instead')
    const point = input.location ?? null
    const grid = point ? lngLatToBng(point.lng, point.lat) : null
    const reference = await uniqueReference(trx)
    const { id } = await repo.insertConcern(trx, {
      reference, kind: input.kind, premisesId: premises?.id ?? null,
      lat: point?.lat ?? null, lng: point?.lng ?? null, easting: grid?.easting ?? null, northing: grid?.northing ?? null,
      accuracyM: point?.accuracyM ?? null, locationText, happeningNow: input.happeningNow === true, occurredAt,
      pattern: input.pattern ? JSON.stringify(input.pattern) : null, description,
      reporterName: name, reporterEmail: email, anonymousToVenue: input.reporter.anonymousToVenue === true, createdAt: now
    })
    const where = premises ? `at or near ${premises.name}` : locationText ? `at ${locationText}` : 'at the place you marked on the map'
    await requestEmailConfirmation(trx, {
      purpose: CONFIRM_PURPOSE, subjectId: id, email, kind: 'concern_confirmation', ttlHours: CONFIRM_HOURS,
      subject: `Confirm your report ${reference} to Nightsafe`,
      text: [
        `${name ? `Dear ${name}` : 'Hello'},`,
        `You reported ${CONCERN_KIND_LABELS[input.kind].toLowerCase()} ${where} (${whenText({ happeningNow: input.happeningNow === true, occurredAt, pattern: input.pattern ?? null, createdAt: now }, ctx.clock.tz)}).`,
        'Please confirm your email address. We only pass your report to the licensing team once you have confirmed it. The link works for 3 days.',
        `Your reference is ${reference}.`,
        'If you did not make this report, ignore this email and nothing will happen.'
      ].join('\n\n'),
      path: '/concerns/confirm', linkLabel: 'Confirm my report'
    })
    return { reference }
  })
}

/** The reporter followed the confirmation link: the concern reaches the officers. */
export async function confirmConcern (db: Db, token: string, ctx: ReportContext) {
  const now = ctx.clock.now()
  return db.transaction().execute(async trx => {
    const check = await useLinkToken(trx, CONFIRM_PURPOSE, token, now)
    if (check.state === 'unknown') throw new ConfirmationLinkUnknown()
    if (check.state === 'expired') throw new ConfirmationLinkExpired()
    const concern = await repo.lockConcern(trx, Number(check.subjectId))
    if (!concern) throw new ConfirmationLinkUnknown()
    const link = caseLink(concern.reference, ctx.caseKey)
    if (check.state === 'used' || concern.status !== 'unconfirmed') return { reference: concern.reference, alreadyConfirmed: true, caseLink: link }

    const earlier = await repo.earlierByReporter(trx, concern, new Date(now.getTime() - REPEAT_DAYS * 86400_000), REPEAT_RADIUS_M)
    const incidentId = concern.kind === 'other' ? null : await recordPublicReport(trx, {
      reference: concern.reference,
      category: concern.kind === 'anti_social_behaviour' ? 'anti-social-behaviour' : 'noise',
      occurredAt: concern.occurredAt ? new Date(concern.occurredAt) : concern.createdAt,
      timePrecision: concern.occurredAt || concern.happeningNow ? 'minute' : 'day',
      location: concern.lat != null && concern.lng != null ? { lat: concern.lat, lng: concern.lng } : null,
      locationText: concern.locationText, premisesId: concern.premisesId,
      summary: `Concern ${concern.reference} from a member of the public: ${CONCERN_KIND_LABELS[concern.kind].toLowerCase()}`
    }, ctx.clock.tz)
    await repo.updateConcern(trx, concern.id, { status: 'received', confirmedAt: now, repeatOf: earlier?.id ?? null, incidentId })
    await repo.insertUpdate(trx, { concernId: concern.id, authorId: null, status: 'received', publicText: 'We have received your report.' })
    await recordAudit(trx, { userId: null, action: 'concern.confirm', entity: 'concern', entityId: concern.id, after: { reference: concern.reference, repeatOf: earlier?.reference ?? null, incidentId } })
    await notify(trx, {
      role: 'licensing_officer', premisesId: concern.premisesId, kind: 'concern_received',
      title: `New concern ${concern.reference}: ${CONCERN_KIND_LABELS[concern.kind]}${concern.premisesName ? ` at ${concern.premisesName}` : ''}${earlier ? ` (repeat of ${earlier.reference})` : ''}`,
      link: `/concerns/${concern.id}`
    })
    await queueMail(trx, {
      kind: 'concern_receipt', to: concern.reporterEmail,
      subject: `We have your report ${concern.reference}`,
      text: [
        `${concern.reporterName ? `Dear ${concern.reporterName}` : 'Hello'},`,
        'Thank you for confirming. Your report is now with the licensing team, who will look into it. We will email you when there is news.',
        earlier ? `We have linked it to your earlier report ${earlier.reference} about the same place.` : '',
        `Your reference is ${concern.reference}. Keep this email: its link shows the updates on your report.`
      ].filter(Boolean).join('\n\n'),
      link, linkLabel: 'Follow your report', unsubscribe: reportUpdates(concern.reference)
    })
    return { reference: concern.reference, alreadyConfirmed: false, caseLink: link }
  })
}

function keyMatches (given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The case page behind the link in the reporter's emails: status and public updates only. */
export async function publicCase (db: Db, reference: string, key: string, caseKey: CaseKey): Promise<PublicCase> {
  if (!keyMatches(key, caseKey(reference))) throw new CaseNotFound()
  const concern = await repo.findByReference(db, reference)
  if (!concern || concern.status === 'unconfirmed') throw new CaseNotFound()
  // A report joined with another follows the case it was joined with.
  const followed = concern.duplicateOf ?? concern.id
  const updates = (await repo.listUpdates(db, [concern.id, followed])).filter(u => u.publicText)
  return {
    reference: concern.reference,
    kind: concern.kind,
    status: concern.status,
    closeReason: concern.closeReason,
    receivedAt: (concern.confirmedAt ?? concern.createdAt).toISOString(),
    premisesName: concern.premisesName,
    joinedWith: concern.duplicateOfReference,
    updates: [...new Map(updates.map(u => [u.id, u])).values()].map(u => ({ at: u.at.toISOString(), status: u.status, text: u.publicText! }))
  }
}
