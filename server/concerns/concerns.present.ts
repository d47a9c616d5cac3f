// Concerns as each audience reads them: officers see everything; a venue manager and the public
// never see the reporter's name, email or words (only what, when, and how the case stands).
import { CONCERN_KIND_LABELS, type ConcernKind } from '../../shared/schemas/concerns.ts'
import type { Concern } from '../../shared/schemas/concerns-triage.ts'
import { DAY_LABELS } from '../../shared/concerns/trading.ts'
import type { Day } from '../../shared/schemas/premises.ts'
import type { ConcernRow } from './concerns.repository.ts'

const iso = (d: Date | string | null | undefined) => d == null ? null : new Date(d).toISOString()

export interface Pattern { days: Day[]; from: string; to: string }

export function toConcern (row: ConcernRow): Concern {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    closeReason: row.closeReason,
    substantiated: row.substantiated,
    abusive: row.abusive,
    premisesId: row.premisesId,
    premisesName: row.premisesName,
    location: row.lat != null && row.lng != null ? { lat: row.lat, lng: row.lng } : null,
    accuracyM: row.accuracyM,
    locationText: row.locationText,
    happeningNow: row.happeningNow,
    occurredAt: iso(row.occurredAt),
    pattern: (row.pattern ?? null) as Pattern | null,
    description: row.description,
    reporter: { name: row.reporterName, email: row.reporterEmail, anonymousToVenue: row.anonymousToVenue },
    receivedAt: iso(row.confirmedAt),
    duplicateOf: row.duplicateOf && row.duplicateOfReference ? { id: row.duplicateOf, reference: row.duplicateOfReference } : null,
    repeatOf: row.repeatOf && row.repeatOfReference ? { id: row.repeatOf, reference: row.repeatOfReference } : null,
    incidentId: row.incidentId
  }
}

const dayList = (days: Day[]) => days.map(d => DAY_LABELS[d]).join(', ')

/** When it happened, in words, in the local time zone. */
export function whenText (c: { happeningNow: boolean; occurredAt: Date | string | null; pattern: unknown; createdAt: Date }, tz: string): string {
  const format = (d: Date) => d.toLocaleString('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
  if (c.occurredAt) return format(new Date(c.occurredAt))
  const pattern = c.pattern as Pattern | null
  if (pattern) return `Often: ${dayList(pattern.days)}, ${pattern.from} to ${pattern.to}`
  return `${c.happeningNow ? 'Happening at the time of the report, ' : ''}${format(c.createdAt)}`
}

export const kindLabel = (kind: ConcernKind) => CONCERN_KIND_LABELS[kind]
